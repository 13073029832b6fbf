// The action in-process (fake runner) with monitoring: a Route 53 stand-in, loopback servers that
// record every ping and webhook call, and a GitHub API stand-in for the failure issue.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { run } from '../../src/action/main.js'
import { clearSecrets } from '../../src/net/redact.js'
import type { RunContext } from '../../src/model/run-context.js'
import { FakeRunner } from '../helpers/fake-runner.js'
import { startRecorder, type Recorder } from '../helpers/recorder.js'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { startGitHubStandIn, type GitHubStandIn } from '../github-stand-in/index.js'
import { useStandInEnv } from '../helpers/stand-in-env.js'

const PING = 'f3a9c1d2-7b4e-4c6a-9e8f-0a1b2c3d4e5f'
const HOOK = 'T0001/B0002/hookSecretValue0123456789'
const GH_TOKEN = 'ghs_jobTokenForTheStandIn0123'

let standIn: StandIn
let zoneId: string
let server: Recorder
let gh: GitHubStandIn
let restoreEnv = (): void => undefined

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
  zoneId = standIn.addZone({ name: 'example.com' })
  restoreEnv = useStandInEnv(standIn)
})
afterAll(async () => {
  restoreEnv()
  await standIn?.close()
})
beforeEach(async () => {
  clearSecrets()
  standIn.resetLog()
  server = await startRecorder()
  gh = await startGitHubStandIn({ repository: 'octo/demo', token: GH_TOKEN })
})
afterEach(async () => {
  await server.close()
  await gh.close()
})

const runContext = (runId = 4242): RunContext => ({
  repository: 'octo/demo',
  runId,
  runAttempt: 1,
  eventName: 'schedule',
  ref: 'refs/heads/main',
  actor: 'octocat',
  workflow: 'ddns',
  job: 'update',
  serverUrl: 'https://github.com',
  apiUrl: gh.url
})

async function action(
  inputs: Record<string, string>,
  opts: { runId?: number; timeoutMs?: number } = {}
): Promise<FakeRunner> {
  const runner = new FakeRunner({
    inputs: {
      'hosted-zone-id': zoneId,
      'heartbeat-url': `${server.base}/ping/${PING}`,
      'notify-url': `${server.base}/hooks/${HOOK}`,
      ...inputs
    }
  })
  await run(runner, {
    env: {},
    machine: 'testbox',
    runContext: runContext(opts.runId),
    notifyTimeoutMs: opts.timeoutMs ?? 2000
  })
  return runner
}

const calls = (): string[] => server.requests.map((r) => `${r.method} ${r.path}`)
const noSecrets = (runner: FakeRunner): void => {
  const all = runner.everything()
  for (const secret of [PING, HOOK, GH_TOKEN, 'hookSecretValue']) expect(all).not.toContain(secret)
}

describe('the action with monitoring', () => {
  it('a change: start and success pings, one webhook call, secrets nowhere', async () => {
    const runner = await action({ hostname: 'a.example.com', ip: '198.51.100.7' })
    expect(runner.failed).toBeUndefined()
    expect(calls()).toEqual([
      `POST /ping/${PING}/start`,
      `POST /ping/${PING}`,
      `POST /hooks/${HOOK}`
    ])
    const hook = JSON.parse(server.requests[2]!.body) as Record<string, unknown>
    expect(hook).toMatchObject({
      outcome: 'changed',
      records: [{ name: 'a.example.com', type: 'A', after: ['198.51.100.7'], result: 'created' }],
      run: { url: 'https://github.com/octo/demo/actions/runs/4242', event: 'schedule' }
    })
    expect(server.requests[1]?.body).toContain('a.example.com A: (none) → 198.51.100.7 (created)')
    // The summary names the run; the secrets are masked for the runner and absent everywhere.
    expect(runner.summary).toContain(
      'Triggered by the schedule · <a href="https://github.com/octo/demo/actions/runs/4242">run 4242</a> of ddns'
    )
    expect(runner.secrets).toContain(`${server.base}/ping/${PING}`)
    expect(runner.secrets).toContain(PING)
    noSecrets(runner)
  })

  it('unchanged: the heartbeat still pings, the webhook is not called', async () => {
    await action({ hostname: 'b.example.com', ip: '198.51.100.7' })
    server.requests.length = 0
    const runner = await action({ hostname: 'b.example.com', ip: '198.51.100.7' })
    expect(runner.outputs.changed).toBe('false')
    expect(calls()).toEqual([`POST /ping/${PING}/start`, `POST /ping/${PING}`])
  })

  it('a failure: /fail and the webhook carry the error; the step fails for its own reason', async () => {
    const runner = await action({
      hostname: 'c.example.com',
      ip: '198.51.100.7',
      'hosted-zone-id': 'ZNOSUCHZONE0000000000'
    })
    expect(runner.failed).toMatch(/ZNOSUCHZONE/)
    expect(calls()).toEqual([
      `POST /ping/${PING}/start`,
      `POST /ping/${PING}/fail`,
      `POST /hooks/${HOOK}`
    ])
    expect(server.requests[1]?.body).toMatch(/Error: .*ZNOSUCHZONE/)
    expect(JSON.parse(server.requests[2]!.body)).toMatchObject({ outcome: 'failed' })
    noSecrets(runner)
  })

  it('bad inputs still ping /fail, naming the input', async () => {
    const runner = await action({ hostname: '', ip: '198.51.100.7' })
    expect(runner.failed).toMatch(/^Input 'hostname'/)
    expect(calls()).toEqual([
      `POST /ping/${PING}/start`,
      `POST /ping/${PING}/fail`,
      `POST /hooks/${HOOK}`
    ])
    expect(server.requests[1]?.body).toContain("Error: Input 'hostname': is required")
    expect(standIn.count()).toBe(0)
  })

  it('a hanging heartbeat and a 500 from the webhook are warnings; the run succeeds in time', async () => {
    server.answer('/ping/', 'hang')
    server.answer('/hooks/', 500, 'internal error')
    const t = performance.now()
    const runner = await action(
      { hostname: 'd.example.com', ip: '198.51.100.7' },
      { timeoutMs: 100 }
    )
    expect(performance.now() - t).toBeLessThan(5000)
    expect(runner.failed).toBeUndefined()
    expect(runner.outputs.changed).toBe('true')
    const warnings = runner.messages('warning')
    expect(warnings).toHaveLength(3)
    expect(
      warnings.filter((w) =>
        /^Heartbeat \((start|success)\) to http:\/\/127\.0\.0\.1:\d+\/… failed: no answer/.test(w)
      )
    ).toHaveLength(2)
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^Notification \(generic webhook\) to .* was refused \(HTTP 500: internal error\)/
      )
    )
    noSecrets(runner)
  })
})

describe('the failure issue', () => {
  const issueInputs = { 'failure-issue': 'true', 'github-token': GH_TOKEN, 'notify-url': '' }

  it('opened on failure, commented on repeat, closed on recovery', async () => {
    const failing = {
      hostname: 'e.example.com',
      ip: '198.51.100.7',
      'hosted-zone-id': 'ZNOSUCHZONE0000000000'
    }
    await action({ ...failing, ...issueInputs }, { runId: 1 })
    expect(gh.issues).toHaveLength(1)
    expect(gh.issues[0]?.body).toContain('/actions/runs/1')
    expect(gh.requests.every((r) => r.authorization === `token ${GH_TOKEN}`)).toBe(true)
    await action({ ...failing, ...issueInputs }, { runId: 2 })
    expect(gh.issues).toHaveLength(1)
    expect(gh.issues[0]?.comments).toHaveLength(1)
    const runner = await action(
      { hostname: 'e.example.com', ip: '198.51.100.7', ...issueInputs },
      { runId: 3 }
    )
    expect(runner.failed).toBeUndefined()
    expect(gh.issues[0]?.state).toBe('closed')
    expect(runner.messages('info')).toContain('Closed failure issue #1: this run succeeded.')
    noSecrets(runner)
  })

  it('without issues: write, a warning that says so; the run result is its own', async () => {
    gh.readOnlyTokens.add('ghs_readOnlyToken000')
    const runner = await action({
      hostname: 'f.example.com',
      ip: '198.51.100.7',
      'hosted-zone-id': 'ZNOSUCHZONE0000000000',
      'failure-issue': 'true',
      'github-token': 'ghs_readOnlyToken000'
    })
    expect(runner.failed).toMatch(/ZNOSUCHZONE/)
    expect(gh.issues).toHaveLength(0)
    expect(runner.messages('warning')).toContainEqual(
      expect.stringMatching(/^failure-issue: .*HTTP 403.*`issues: write`/)
    )
    expect(runner.everything()).not.toContain('ghs_readOnlyToken000')
  })
})
