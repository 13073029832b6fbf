import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from './stand-in/index.js'
import { NODE24, NODES, runAction, type ActionRun } from './helpers/run-action.js'

const ROLE = 'arn:aws:iam::111122223333:role/ddns'
let standIn: StandIn

const withoutKeys = (env: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter(([k]) => !['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].includes(k))
  )

function valuesOf(zoneId: string, name: string): string[] {
  return standIn
    .records(zoneId)
    .filter((s) => s.Name === `${name}.` && s.Type === 'A')
    .flatMap((s) => (s.ResourceRecords ?? []).map((r) => r.Value ?? ''))
    .sort()
}

const STRICT_ROLE = `${ROLE}-strict`

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
  standIn.addRole({ arn: ROLE })
  standIn.addRole({ arn: STRICT_ROLE, subject: 'repo:octo/demo:ref:refs/heads/main' })
})

/** A fresh zone per test, so tests never see each other's records. */
function newZone(prefix: string): { zoneId: string; zone: string } {
  const zone = `${prefix}${Math.random().toString(36).slice(2, 8)}.example.com`
  return { zoneId: standIn.addZone({ name: zone }), zone }
}
afterAll(async () => standIn?.close())

/** A fresh zone with two names: `a` holds 192.0.2.1, `b` does not exist yet. */
function arrange(): { zoneId: string; names: string[] } {
  const { zoneId, zone } = newZone('f')
  const names = [`a.${zone}`, `b.${zone}`]
  standIn.seed(zoneId, {
    Name: `${names[0]}.`,
    Type: 'A',
    TTL: 300,
    ResourceRecords: [{ Value: '192.0.2.1' }]
  })
  return { zoneId, names }
}
const inputs = (zoneId: string, names: string[]) => ({
  hostname: names.join(','),
  'hosted-zone-id': zoneId,
  ip: '198.51.100.9',
  'role-to-assume': ROLE
})

// The fault scenarios run in-process with zero waiting in test/faults.test.ts. These few run the
// bundle as the runner does, so the wiring of faults to exit code, outputs and annotations is seen.
describe.each(NODES)('faults through dist/index.js under %s', (_label, node) => {
  it('a write applied but whose answer was lost: reported as changed, with a warning', async () => {
    const { zoneId, names } = arrange()
    standIn.inject({ operation: 'ChangeResourceRecordSets', zoneId, error: 'ApplyThenDrop' })
    const run = await runAction({
      node,
      inputs: inputs(zoneId, names),
      env: withoutKeys(standIn.env())
    })
    standIn.clearFaults()
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(names.map((n) => valuesOf(zoneId, n))).toEqual([['198.51.100.9'], ['198.51.100.9']])
    expect(run.outputs.changed).toBe('true')
    expect(run.outputs['change-id']).toBe('')
    expect(
      (JSON.parse(run.outputs.records ?? '[]') as Array<{ result: string }>).map((r) => r.result)
    ).toEqual(['updated', 'created'])
    expect(run.stdout).toMatch(/^::warning::.*answer was lost/m)
  })
})

describe('faults through dist/index.js (Node 24)', () => {
  it('the OIDC token endpoint failing: exit 1, one error, nothing written', async () => {
    const { zoneId, names } = arrange()
    standIn.inject({ operation: 'GetIDToken', error: 'InternalError', times: 20 })
    const run = await runAction({
      node: NODE24,
      inputs: inputs(zoneId, names),
      env: withoutKeys(standIn.env())
    })
    standIn.clearFaults()
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.errors, run.stdout).toHaveLength(1)
    expect(run.errors[0]).toMatch(/OIDC token/)
    expect(names.map((n) => valuesOf(zoneId, n))).toEqual([['192.0.2.1'], []])
  })

  it('a write answered 200 with an HTML page: exit 1 quoting it, changed=false, nothing written', async () => {
    const { zoneId, zone } = newZone('h')
    const name = `a.${zone}`
    standIn.inject({ operation: 'ChangeResourceRecordSets', zoneId, error: 'HtmlPage' })
    const run = await runAction({
      node: NODE24,
      inputs: { hostname: name, 'hosted-zone-id': zoneId, ip: '198.51.100.9' },
      env: standIn.env()
    })
    standIn.clearFaults()
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/answered by something other than Route 53 .*Hotel Wi-Fi/)
    expect(run.outputs.changed).toBe('false')
    expect(run.outputs.records).toBe('[]')
    expect(valuesOf(zoneId, name)).toEqual([])
  })

  it('a slow OIDC token endpoint is waited for', async () => {
    const { zoneId, zone } = newZone('o')
    standIn.inject({ operation: 'GetIDToken', error: 'Delay', delayMs: 500, times: 1 })
    const run = await runAction({
      node: NODE24,
      inputs: {
        hostname: `a.${zone}`,
        'hosted-zone-id': zoneId,
        ip: '198.51.100.9',
        'role-to-assume': ROLE
      },
      env: withoutKeys(standIn.env())
    })
    standIn.clearFaults()
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(valuesOf(zoneId, `a.${zone}`)).toEqual(['198.51.100.9'])
  })
})

describe('secrets never leak', () => {
  function leaks(run: ActionRun, secrets: string[]): string[] {
    // ::add-mask:: lines are how the runner learns what to hide; it never displays them.
    const stdout = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    const places = {
      stdout,
      stderr: run.stderr,
      outputs: JSON.stringify(run.outputs),
      summary: run.summary
    }
    return Object.entries(places).flatMap(([where, text]) =>
      secrets.filter((s) => s && text.includes(s)).map((s) => `${where}: ${s.slice(0, 6)}…`)
    )
  }
  const secrets = (): string[] => [
    ...standIn.issuedTokens(),
    ...standIn
      .issuedCredentials()
      .flatMap((c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken])
  ]

  it.each([
    ['success', undefined, 0],
    ['Route 53 AccessDenied', (s: StandIn) => s.setAuthorize(() => false), 1],
    [
      'STS subject mismatch',
      (s: StandIn) => s.setOidcSubject('repo:someone/else:ref:refs/heads/main'),
      1
    ],
    [
      // Fails at once (no retries to wait out), and the error quotes what came back.
      'Route 53 failure after sign-in',
      (s: StandIn) => s.inject({ operation: 'ListResourceRecordSets', error: 'HtmlPage' }),
      1
    ]
  ] as const)('with debug logging: %s', async (_label, arrange, code) => {
    const { zoneId, zone } = newZone('s')
    if (arrange) arrange(standIn)
    const run = await runAction({
      node: NODE24,
      inputs: {
        hostname: `h.${zone}`,
        'hosted-zone-id': zoneId,
        ip: '198.51.100.3',
        'role-to-assume': STRICT_ROLE
      },
      env: { ...withoutKeys(standIn.env()), RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' },
      timeoutMs: 60_000
    })
    standIn.setAuthorize(undefined)
    standIn.setOidcSubject('repo:octo/demo:ref:refs/heads/main')
    standIn.clearFaults()
    expect(run.code, run.stdout).toBe(code)
    expect(secrets().length).toBeGreaterThan(0)
    expect(leaks(run, secrets())).toEqual([])
  })
})
