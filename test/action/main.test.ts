// The action's run() in-process: a fake runner (inputs in; outputs, log, secrets and summary
// recorded) against the stand-in, so a change in src/ is tested without rebuilding dist/.
import { EventEmitter } from 'node:events'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { run } from '../../src/action/main.js'
import { clearSecrets } from '../../src/net/redact.js'
import { FakeRunner } from '../helpers/fake-runner.js'
import { standInIdToken, useStandInEnv } from '../helpers/stand-in-env.js'
import { NO_WAIT } from '../helpers/timing.js'

const ROLE = 'arn:aws:iam::111122223333:role/ddns'
let standIn: StandIn
let restore: () => void
let zone: string
let zoneId: string

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 20 })
  standIn.addRole({ arn: ROLE, subject: 'repo:octo/demo:ref:refs/heads/main' })
  restore = useStandInEnv(standIn)
})
afterAll(async () => {
  restore()
  await standIn.close()
})
beforeEach(() => {
  zone = `m${Math.random().toString(36).slice(2, 8)}.example.com`
  zoneId = standIn.addZone({ name: zone })
  standIn.resetLog()
  standIn.clearFaults()
  standIn.setAuthorize(undefined)
  standIn.setOidcSubject('repo:octo/demo:ref:refs/heads/main')
  clearSecrets()
})

/** run() with the fake runner, the stand-in's environment and a GitHub-like job. */
async function action(
  inputs: Record<string, string>,
  opts: {
    env?: Record<string, string | undefined>
    summary?: boolean
    oidc?: boolean
    signals?: EventEmitter
  } = {}
): Promise<FakeRunner> {
  const runner = new FakeRunner({
    inputs,
    ...(opts.summary === false ? { summary: false } : {}),
    getIDToken: (aud) => standInIdToken(standIn, aud)
  })
  const env: Record<string, string | undefined> = {
    ...standIn.env(),
    GITHUB_RUN_ID: '4242',
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_ENVIRONMENT: 'self-hosted',
    ...opts.env
  }
  if (opts.oidc === false) {
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL
    delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  }
  await run(runner, {
    env,
    machine: 'testbox',
    timing: NO_WAIT,
    ...(opts.signals ? { signals: opts.signals } : {})
  })
  return runner
}

describe('run() with a fake runner', () => {
  it('creates the record, sets every output and writes the summary; a second run is unchanged', async () => {
    const hostname = `home.${zone}`
    const first = await action({ hostname, 'hosted-zone-id': zoneId, ip: '198.51.100.7' })
    expect(first.failed).toBeUndefined()
    expect(first.outputs).toMatchObject({ changed: 'true', ipv4: '198.51.100.7', ipv6: '' })
    expect(first.outputs['change-id']).toMatch(/^C[A-Z0-9]+$/)
    expect(JSON.parse(first.outputs.records ?? '[]')).toMatchObject([
      { name: hostname, type: 'A', zoneId, before: [], after: ['198.51.100.7'], result: 'created' }
    ])
    expect(first.summary).toContain('<h2>Route 53 DDNS</h2>')
    expect(first.summary).toContain(hostname)
    expect(first.summary).toContain('created')

    standIn.resetLog()
    const second = await action({ hostname, 'hosted-zone-id': zoneId, ip: '198.51.100.7' })
    expect(second.failed).toBeUndefined()
    expect(second.outputs).toMatchObject({ changed: 'false', 'change-id': '' })
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
    expect(second.summary).toContain('unchanged')
  })

  it("cancelled with a write unanswered: changed=unknown, the record 'unknown', the summary says how to check", async () => {
    const hostname = `home.${zone}`
    standIn.inject({ operation: 'ChangeResourceRecordSets', zoneId, error: 'Hang', times: 100 })
    // The runner's cancel once the write is in flight: SIGINT, then SIGTERM (drop it now).
    const signals = Object.assign(new EventEmitter(), { platform: 'linux' })
    const sent = setInterval(() => {
      if (standIn.count('ChangeResourceRecordSets') === 0) return
      clearInterval(sent)
      signals.emit('SIGINT')
      signals.emit('SIGTERM')
    }, 10)
    const runner = await action(
      { hostname, 'hosted-zone-id': zoneId, ip: '198.51.100.7' },
      { signals }
    )
    clearInterval(sent)
    expect(runner.outputs.changed).toBe('unknown')
    expect(JSON.parse(runner.outputs.records ?? '[]')).toMatchObject([
      { name: hostname, type: 'A', result: 'unknown', changeId: '' }
    ])
    expect(runner.failed).toMatch(/was sent and not answered, so it may have been applied/)
    expect(runner.summary).toContain('<h3>Cancelled</h3>')
    expect(runner.summary).toContain(
      `aws route53 list-resource-record-sets --hosted-zone-id ${zoneId}`
    )
    expect(runner.summary).not.toContain('no further change was submitted.</code>')
  })

  it('bad input fails the step naming the input, with no AWS request', async () => {
    const r = await action({ hostname: `home.${zone}`, ip: '198.51.100.7', ttl: 'soon' })
    expect(r.failed).toMatch(/^Input 'ttl': /)
    expect(standIn.count()).toBe(0)
    expect(r.outputs).toEqual({})
    expect(r.summary).toContain('<h3>Failed</h3>')
  })

  it('writes no summary when the step has none', async () => {
    const r = await action(
      { hostname: `home.${zone}`, 'hosted-zone-id': zoneId, ip: '198.51.100.7' },
      { summary: false }
    )
    expect(r.failed).toBeUndefined()
    expect(r.summary).toBe('')
  })

  it('a dry run writes nothing and says so', async () => {
    const r = await action({
      hostname: `home.${zone}`,
      'hosted-zone-id': zoneId,
      ip: '198.51.100.7',
      'dry-run': 'true'
    })
    expect(r.failed).toBeUndefined()
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
    // README: in a dry run, `changed` says whether a record would change.
    expect(r.outputs.changed).toBe('true')
    expect(r.summary).toContain('Dry run')
    expect(r.summary).toContain('would-create')
  })

  it('signs in by OIDC for the audience, masks the token and the keys, and creates the record', async () => {
    const r = await action({
      hostname: `oidc.${zone}`,
      'hosted-zone-id': zoneId,
      ip: '198.51.100.8',
      'role-to-assume': ROLE
    })
    expect(r.failed).toBeUndefined()
    expect(r.audiences).toEqual(['sts.amazonaws.com'])
    const issued = standIn.issuedCredentials().at(-1)
    expect(r.secrets).toEqual(
      expect.arrayContaining([
        standIn.issuedTokens().at(-1),
        issued?.accessKeyId,
        issued?.secretAccessKey,
        issued?.sessionToken
      ])
    )
    // The write was signed with the role's session, not the static keys.
    const write = standIn.requests.find((q) => q.operation === 'ChangeResourceRecordSets')
    expect(write?.accessKeyId).toBe(issued?.accessKeyId)
    expect(r.messages('info').join('\n')).toContain(`Assumed role ${ROLE}`)
  })

  it('without id-token: write, says so before any AWS call', async () => {
    const r = await action(
      {
        hostname: `x.${zone}`,
        'hosted-zone-id': zoneId,
        ip: '198.51.100.8',
        'role-to-assume': ROLE
      },
      { oidc: false }
    )
    expect(r.failed).toMatch(/permissions: id-token: write/)
    expect(standIn.count()).toBe(0)
  })

  it('a refused role assumption fails with the trust-policy checklist in the annotation and the summary', async () => {
    standIn.setOidcSubject('repo:octo/demo:pull_request')
    const r = await action(
      {
        hostname: `x.${zone}`,
        'hosted-zone-id': zoneId,
        ip: '198.51.100.8',
        'role-to-assume': ROLE
      },
      { env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' } }
    )
    expect(r.failed).toMatch(/^STS refused to let this run assume/)
    expect(r.failed).toContain("This run's token presents: repo:octo/demo:pull_request")
    expect(r.failed).toContain(
      '"token.actions.githubusercontent.com:sub": "repo:octo/demo:pull_request"'
    )
    expect(r.summary).toContain('STS refused')
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('Route 53 AccessDenied fails with the statement to add, and no output claims a change', async () => {
    standIn.setAuthorize((q) => q.action !== 'route53:ChangeResourceRecordSets')
    const r = await action({ hostname: `d.${zone}`, 'hosted-zone-id': zoneId, ip: '198.51.100.9' })
    expect(r.failed).toMatch(/Route 53 refused route53:ChangeResourceRecordSets/)
    expect(r.outputs.changed).toBe('false')
    expect(r.summary).toContain('<h3>Failed</h3>')
  })
})
