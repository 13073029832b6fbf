// The action bundle (dist/index.js) run as a Windows self-hosted runner runs it: node.exe for win32
// under Wine, inputs as INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, which a
// runner built for Windows reads with CRLF line ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { BUNDLE_DIR, runWindows, winPath, wineMissing } from './wine.js'

const missing = wineMissing()
if (missing && process.env.CI === 'true') throw new Error(`Wine suite cannot run in CI: ${missing}`)

/**
 * GITHUB_OUTPUT as the Windows runner reads it: lines end with CRLF; `name<<DELIM` … `DELIM`
 * blocks and `name=value` lines.
 */
function parseWindowsOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\r\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '')
    out[m[1] as string] = value.join('\r\n')
  }
  return out
}

describe.skipIf(missing !== undefined)('the action on a Windows self-hosted runner', () => {
  let standIn: StandIn
  let zoneId: string
  beforeAll(async () => {
    standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
    zoneId = standIn.addZone({ name: 'runner.example.com' })
  })
  afterAll(async () => {
    await standIn?.close()
  })

  it('writes outputs with CRLF line ends that the Windows runner parses, and a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r53-wine-action-'))
    const output = join(dir, 'output')
    const summary = join(dir, 'summary')
    writeFileSync(output, '')
    writeFileSync(summary, '')
    const inputs = {
      hostname: 'ci.runner.example.com',
      'hosted-zone-id': zoneId,
      ip: '198.51.100.20'
    }
    const r = await runWindows([winPath(join(BUNDLE_DIR, 'index.js'))], {
      env: {
        ...standIn.env(),
        ...Object.fromEntries(
          Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
        ),
        GITHUB_OUTPUT: winPath(output),
        GITHUB_STEP_SUMMARY: winPath(summary),
        RUNNER_OS: 'Windows',
        RUNNER_ENVIRONMENT: 'self-hosted',
        GITHUB_REPOSITORY: 'octo/demo',
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: '1'
      }
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const text = readFileSync(output, 'utf8')
    expect(text.replaceAll('\r\n', '')).not.toContain('\n')
    const outputs = parseWindowsOutputFile(text)
    expect(outputs).toMatchObject({ changed: 'true', ipv4: '198.51.100.20' })
    expect(JSON.parse(outputs.records as string)).toEqual([
      expect.objectContaining({ name: 'ci.runner.example.com', type: 'A', result: 'created' })
    ])
    expect(readFileSync(summary, 'utf8')).toContain('ci.runner.example.com')
  })
})
