// contrib/windows: each Task Scheduler task validates against Task Scheduler's XML schema
// (test/windows/task-scheduler.xsd, [MS-TSCH]) with xmllint, and says what the README promises.
import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { XMLParser } from 'fast-xml-parser'
import { ROOT } from './helpers/run-action.js'

const run = promisify(execFile)
const DIR = join(ROOT, 'contrib/windows')
const XSD = join(ROOT, 'test/windows/task-scheduler.xsd')
const TASKS = readdirSync(DIR).filter((f) => f.endsWith('.xml'))
const read = (file: string): string => readFileSync(join(DIR, file), 'utf8')

/** xmllint --schema on a file: its exit code and what it printed. */
const validate = (path: string) =>
  run('xmllint', ['--noout', '--schema', XSD, path])
    .then(({ stderr }) => ({ code: 0, stderr }))
    .catch((e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }))

interface Task {
  Triggers: Record<string, { Repetition?: { Interval: string } }>
  Principals: { Principal: { '@_id': string; UserId: string; RunLevel: string } }
  Settings: Record<string, unknown>
  Actions: { '@_Context': string; Exec: { Command: string; Arguments: string } }
}
const task = (file: string): Task =>
  (new XMLParser({ ignoreAttributes: false }).parse(read(file)) as { Task: Task }).Task

describe('contrib/windows Task Scheduler tasks', () => {
  it('ship: the one-shot and the watch', () => {
    expect(TASKS.sort()).toEqual(['route53-ddns-watch.xml', 'route53-ddns.xml'])
  })

  it.each(TASKS)('%s validates against the Task Scheduler schema', async (file) => {
    const r = await validate(join(DIR, file))
    expect(r.stderr).toContain('validates')
    expect(r.code).toBe(0)
  })

  it('the schema check can fail: an unknown setting and a 30 s repetition are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r53-task-'))
    const bad = join(dir, 'bad.xml')
    writeFileSync(
      bad,
      read('route53-ddns.xml')
        .replace('<Interval>PT5M</Interval>', '<Interval>PT30S</Interval>')
        .replace(
          '<Enabled>true</Enabled>',
          '<Enabled>true</Enabled><RunAsService>true</RunAsService>'
        )
    )
    const r = await validate(bad)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/PT30S/)
    expect(r.stderr).toMatch(/RunAsService/)
  })

  it.each(TASKS)('%s runs as LOCAL SERVICE with least privilege, and holds no key', (file) => {
    const t = task(file)
    expect(t.Principals.Principal).toMatchObject({ UserId: 'S-1-5-19', RunLevel: 'LeastPrivilege' })
    expect(t.Actions['@_Context']).toBe(t.Principals.Principal['@_id'])
    expect(read(file)).not.toMatch(/AKIA|aws_secret|AWS_SECRET|<Password>|LogonType/i)
  })

  it.each(TASKS)('%s runs the installed CLI with node.exe and keeps its output', (file) => {
    const { Command, Arguments } = task(file).Actions.Exec
    expect(Command).toBe('C:\\Windows\\System32\\cmd.exe')
    expect(Arguments).toContain(
      '"C:\\Program Files\\nodejs\\node.exe" "C:\\Program Files\\route53-ddns\\node_modules\\route53-ddns\\dist\\cli\\index.js"'
    )
    expect(Arguments).toMatch(/>> "C:\\ProgramData\\route53-ddns\\[\w-]+\.log" 2>&1"$/)
  })

  it('the one-shot: at boot and every 5 minutes, one at a time, bounded', () => {
    const t = task('route53-ddns.xml')
    expect(Object.keys(t.Triggers).sort()).toEqual(['BootTrigger', 'TimeTrigger'])
    expect(t.Triggers.TimeTrigger?.Repetition?.Interval).toBe('PT5M')
    expect(t.Settings).toMatchObject({
      MultipleInstancesPolicy: 'IgnoreNew',
      ExecutionTimeLimit: 'PT4M'
    })
    expect(t.Actions.Exec.Arguments).not.toMatch(/index\.js" watch/)
  })

  it('the watch: at boot, restarted on failure, started again if it exits, no time limit', () => {
    const t = task('route53-ddns-watch.xml')
    expect(t.Triggers.BootTrigger).toBeDefined()
    expect(t.Triggers.TimeTrigger?.Repetition?.Interval).toBe('PT5M')
    expect(t.Settings).toMatchObject({
      MultipleInstancesPolicy: 'IgnoreNew',
      ExecutionTimeLimit: 'PT0S',
      RestartOnFailure: { Interval: 'PT1M', Count: 10 }
    })
    expect(t.Actions.Exec.Arguments).toMatch(/index\.js" watch /)
  })
})
