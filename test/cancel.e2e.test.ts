// The bundled action and CLI, cancelled as the runner cancels a step: SIGINT while a write is in
// flight. The write's answer still arrives within the grace; the later zone's batch is never sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from './stand-in/index.js'
import { missingBundle } from './helpers/bundle.js'
import { NODE20, NODE24, ROOT, runAction } from './helpers/run-action.js'

const ACTION = join(ROOT, 'dist/index.js')
const CLI = join(ROOT, 'dist/cli/index.js')

let standIn: StandIn
let first: string
let second: string
let names: string[]

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
})
afterAll(async () => standIn.close())
beforeEach(() => {
  const tag = Math.random().toString(36).slice(2, 8)
  first = standIn.addZone({ name: `a${tag}.example.com` })
  second = standIn.addZone({ name: `b${tag}.example.com` })
  names = [`home.a${tag}.example.com`, `home.b${tag}.example.com`]
  standIn.resetLog()
  standIn.clearFaults()
  // The first zone's write answers late: the signal arrives while it is in flight.
  standIn.inject({
    operation: 'ChangeResourceRecordSets',
    zoneId: first,
    error: 'Delay',
    delayMs: 1_500
  })
})

/** Send `signal` to the child as soon as the stand-in has received a write. */
function signalDuringWrite(child: ChildProcess, signal: NodeJS.Signals): void {
  const poll = setInterval(() => {
    if (standIn.count('ChangeResourceRecordSets') > 0) {
      clearInterval(poll)
      child.kill(signal)
    }
  }, 10)
  child.on('close', () => clearInterval(poll))
}

const aRecords = (zone: string) => standIn.records(zone).filter((s) => s.Type === 'A')

describe.skipIf(missingBundle(ACTION))('the bundled action, cancelled', () => {
  it('reports the write that answered, submits no later batch, says cancelled and fails', async () => {
    const run = await runAction({
      node: NODE24,
      inputs: { hostname: names.join(','), ip: '198.51.100.7' },
      env: standIn.env(),
      onStart: (child) => signalDuringWrite(child, 'SIGINT')
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      'The run was cancelled (SIGINT); no further change was submitted.'
    )
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
    expect(aRecords(first)).toHaveLength(1)
    expect(aRecords(second)).toEqual([])
    expect(run.outputs.changed).toBe('true')
    const records = JSON.parse(run.outputs.records ?? '[]') as { name: string; result: string }[]
    expect(records.map((r) => [r.name, r.result])).toEqual([[names[0], 'created']])
    expect(run.outputs['change-id']).toMatch(/^C\w+$/)
    expect(run.summary).toContain('<h3>Cancelled</h3>')
    expect(run.summary).toContain(names[0])
  })
})

describe.skipIf(missingBundle(CLI))('the bundled CLI, cancelled', () => {
  it('prints what was applied and exits 130', async () => {
    const home = mkdtempSync(join(tmpdir(), 'r53-cancel-'))
    const child = spawn(
      NODE20,
      [CLI, '--ip', '198.51.100.7', ...names.flatMap((n) => ['--hostname', n])],
      {
        cwd: home,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: home,
          AWS_CONFIG_FILE: join(home, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
          ...standIn.env()
        }
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    signalDuringWrite(child, 'SIGINT')
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code, stderr).toBe(130)
    expect(stdout).toContain(`${names[0]} A in ${first}`)
    expect(stdout.trim().split('\n').at(-1)).toBe('1 record: 1 created')
    expect(stderr).toContain(
      'error: The run was cancelled (SIGINT); no further change was submitted.'
    )
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
    expect(aRecords(second)).toEqual([])
  })
})
