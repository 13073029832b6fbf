import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type Fault, type StandIn } from './stand-in/index.js'
import { NODE24, runAction, type ActionRun } from './helpers/run-action.js'

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

describe('faults: the run succeeds correctly or fails clearly, never half-applied', () => {
  const faults: Array<[string, Fault[]]> = [
    [
      'a Throttling burst on reads',
      [{ operation: 'ListResourceRecordSets', error: 'Throttling', times: 4 }]
    ],
    [
      'a PriorRequestNotComplete burst on the write',
      [{ operation: 'ChangeResourceRecordSets', error: 'PriorRequestNotComplete', times: 4 }]
    ],
    [
      '500s from Route 53',
      [
        { operation: 'ListResourceRecordSets', error: 'InternalError', times: 2 },
        { operation: 'ChangeResourceRecordSets', error: 'ServiceUnavailable', times: 1 }
      ]
    ],
    [
      'a dropped connection on the write',
      [{ operation: 'ChangeResourceRecordSets', error: 'Drop', times: 1 }]
    ],
    [
      'dropped connections on every write',
      [{ operation: 'ChangeResourceRecordSets', error: 'Drop', times: 50 }]
    ],
    [
      'Throttling that never ends',
      [{ operation: 'ListResourceRecordSets', error: 'Throttling', times: 50 }]
    ],
    [
      'STS failing once',
      [{ operation: 'AssumeRoleWithWebIdentity', error: 'ServiceUnavailable', times: 1 }]
    ],
    [
      'STS refusing the token',
      [{ operation: 'AssumeRoleWithWebIdentity', error: 'InvalidIdentityToken', times: 1 }]
    ],
    ['the OIDC endpoint failing', [{ operation: 'GetIDToken', error: 'InternalError', times: 20 }]],
    [
      'the OIDC endpoint slow',
      [{ operation: 'GetIDToken', error: 'Delay', delayMs: 1500, times: 1 }]
    ],
    [
      'Route 53 denying the write',
      [{ operation: 'ChangeResourceRecordSets', error: 'AccessDenied', times: 1 }]
    ]
  ]

  it.each(faults)(
    '%s',
    async (label, injected) => {
      const { zoneId, zone } = newZone('f')
      const names = [`a.${zone}`, `b.${zone}`]
      standIn.seed(zoneId, {
        Name: `${names[0]}.`,
        Type: 'A',
        TTL: 300,
        ResourceRecords: [{ Value: '192.0.2.1' }]
      })
      for (const f of injected)
        standIn.inject({ ...f, ...(f.operation?.includes('Record') ? { zoneId } : {}) })
      const run: ActionRun = await runAction({
        node: NODE24,
        inputs: {
          hostname: names.join(','),
          'hosted-zone-id': zoneId,
          ip: '198.51.100.9',
          'role-to-assume': ROLE
        },
        env: withoutKeys(standIn.env()),
        timeoutMs: 120_000
      })
      const after = names.map((n) => valuesOf(zoneId, n))
      if (run.code === 0) {
        expect(after, label).toEqual([['198.51.100.9'], ['198.51.100.9']])
        expect(run.outputs.changed).toBe('true')
      } else {
        expect(run.code, run.stdout + run.stderr).toBe(1)
        expect(run.errors, run.stdout).toHaveLength(1)
        expect(run.errors[0]!.length).toBeGreaterThan(20)
        // Nothing half-applied: the batch holding both names went in whole or not at all.
        const whole = JSON.stringify(after) === JSON.stringify([['198.51.100.9'], ['198.51.100.9']])
        expect(
          whole || JSON.stringify(after) === JSON.stringify([['192.0.2.1'], []]),
          JSON.stringify(after)
        ).toBe(true)
        // A dropped answer may still have applied the batch; it must then be whole and reported honestly.
        if (!whole) expect(run.outputs.changed ?? 'false').toBe('false')
      }
      standIn.clearFaults()
    },
    150_000
  )
})

describe('races: concurrent runs on one record', () => {
  it('every success is a guarded step in one history, and the record ends at the last one', async () => {
    const zoneId = standIn.addZone({ name: 'race.example.com' })
    const name = 'contended.race.example.com'
    standIn.seed(zoneId, {
      Name: `${name}.`,
      Type: 'A',
      TTL: 300,
      ResourceRecords: [{ Value: '192.0.2.250' }]
    })
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runAction({
          node: NODE24,
          inputs: { hostname: name, 'hosted-zone-id': zoneId, ip: `198.51.100.${i + 1}` },
          env: standIn.env(),
          timeoutMs: 120_000
        })
      )
    )
    const successes = runs
      .filter((r) => r.code === 0)
      .map(
        (r) =>
          JSON.parse(r.outputs.records ?? '[]')[0] as {
            before: string[]
            after: string[]
            result: string
          }
      )
    for (const r of runs.filter((r) => r.code !== 0)) {
      expect(r.code).toBe(1)
      expect(r.errors[0]).toMatch(/kept changing/)
    }
    expect(successes.length).toBeGreaterThan(0)
    // Chain the successes: each replaced exactly the value the previous one wrote.
    let current = ['192.0.2.250']
    const left = [...successes.filter((s) => s.result !== 'unchanged')]
    while (left.length > 0) {
      const i = left.findIndex((s) => JSON.stringify(s.before) === JSON.stringify(current))
      expect(i, `no success replaced ${current}: ${JSON.stringify(left)}`).toBeGreaterThanOrEqual(0)
      current = left[i]!.after
      left.splice(i, 1)
    }
    expect(valuesOf(zoneId, name)).toEqual(current)
  }, 200_000)
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
      'Route 53 failure after sign-in',
      (s: StandIn) =>
        s.inject({ operation: 'ListResourceRecordSets', error: 'InternalError', times: 20 }),
      1
    ]
  ] as const)(
    'with debug logging: %s',
    async (_label, arrange, code) => {
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
        timeoutMs: 120_000
      })
      standIn.setAuthorize(undefined)
      standIn.setOidcSubject('repo:octo/demo:ref:refs/heads/main')
      standIn.clearFaults()
      expect(run.code, run.stdout).toBe(code)
      expect(secrets().length).toBeGreaterThan(0)
      expect(leaks(run, secrets())).toEqual([])
    },
    150_000
  )
})
