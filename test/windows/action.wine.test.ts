// The action bundle (dist/index.js) run as a Windows self-hosted runner runs it: node.exe for win32
// under Wine, inputs as INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, which a
// runner built for Windows reads with CRLF line ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { BUNDLE_DIR, firstSeen, runWindows, winPath, winProcesses, wineMissing } from './wine.js'

const missing = wineMissing()
if (missing && process.env.CI === 'true') throw new Error(`Wine suite cannot run in CI: ${missing}`)
if (missing) console.warn(`test/windows/action.wine.test.ts: skipped: ${missing}`)

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

  it("§5 the runner's cancel: Ctrl-C stops the run, which fails saying so", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r53-wine-action-'))
    const output = join(dir, 'output')
    writeFileSync(output, '')
    const hang = JSON.stringify([String.raw`C:\windows\system32\ping.exe`, '-n', '45', '127.0.0.1'])
    const r = await runWindows([winPath(join(BUNDLE_DIR, 'index.js'))], {
      env: {
        ...standIn.env(),
        INPUT_HOSTNAME: 'cancel.runner.example.com',
        'INPUT_HOSTED-ZONE-ID': zoneId,
        'INPUT_IP-SOURCE': 'command',
        'INPUT_IP-COMMAND': hang,
        'INPUT_IP-COMMAND-TIMEOUT': '30',
        GITHUB_OUTPUT: winPath(output),
        RUNNER_OS: 'Windows',
        RUNNER_ENVIRONMENT: 'self-hosted'
      },
      // The runner's first step of a cancel is CTRL_C_EVENT; Wine delivers SIGINT as that event.
      onStart: (child) =>
        void firstSeen(/^\S*ping(\.exe)? -n 45 /i, 60_000).then(() => child.kill('SIGINT'))
    })
    expect(r.code).not.toBe(0)
    expect(r.stdout).toMatch(/^::error::.*cancelled \(SIGINT\)/m)
    const pinging = /^\S*ping(\.exe)? -n 45 /i
    for (let i = 0; i < 40 && winProcesses(pinging).length > 0; i++)
      await new Promise((done) => setTimeout(done, 50))
    expect(winProcesses(pinging)).toEqual([])
  })
})
