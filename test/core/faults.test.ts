// Faults of Route 53, STS and the network, run in-process through update() (and the OIDC sign-in)
// against the stand-in with zero retry delays: every scenario ends in milliseconds, and each is
// asserted exactly. test/hardening.e2e.test.ts keeps a few of them against the bundled dist/.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStandIn, type Fault, type StandIn } from '../stand-in/index.js'
import { update, type UpdateOutcome } from '../../src/core/update.js'
import { assumeRoleWithOidc } from '../../src/aws/credentials.js'
import { createRoute53Client } from '../../src/aws/route53.js'
import { MAX_ATTEMPTS } from '../../src/aws/retry.js'
import { UpdateError } from '../../src/model/errors.js'
import { standInClient } from '../helpers/client.js'
import { testConfig } from '../helpers/config.js'
import { NO_WAIT } from '../helpers/timing.js'
import type { AuthConfig, Config, Logger } from '../../src/model/types.js'

const ROLE = 'arn:aws:iam::111122223333:role/ddns'
const NEW_IP = '198.51.100.9'
const OLD_IP = '192.0.2.1'
let standIn: StandIn
let zoneId: string
let names: string[]
let lines: string[]

const logger: Logger = {
  info: (m) => lines.push(`info ${m}`),
  warning: (m) => lines.push(`warning ${m}`),
  debug: () => undefined
}
const warnings = (): string[] => lines.filter((l) => l.startsWith('warning '))

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 20 })
  standIn.addRole({ arn: ROLE })
})
afterAll(async () => standIn?.close())

/** A fresh zone per test with two names: `a` holds OLD_IP, `b` does not exist yet. */
beforeEach(() => {
  const zone = `f${Math.random().toString(36).slice(2, 8)}.example.com`
  zoneId = standIn.addZone({ name: zone })
  names = [`a.${zone}`, `b.${zone}`]
  standIn.seed(zoneId, {
    Name: `${names[0]}.`,
    Type: 'A',
    TTL: 300,
    ResourceRecords: [{ Value: OLD_IP }]
  })
  standIn.clearFaults()
  standIn.resetLog()
  lines = []
})

const config = (over: Partial<Config> = {}): Config =>
  testConfig({ hostnames: names, hostedZoneId: zoneId, ipv4: [NEW_IP], ...over })

/** The A values at each name, as the stand-in holds them now. */
function live(): string[][] {
  const sets = standIn.records(zoneId)
  return names.map((n) =>
    sets
      .filter((s) => s.Name === `${n}.` && s.Type === 'A')
      .flatMap((s) => (s.ResourceRecords ?? []).map((r) => r.Value ?? ''))
  )
}
const BEFORE = [[OLD_IP], []]
const AFTER = [[NEW_IP], [NEW_IP]]

function inject(...faults: Fault[]): void {
  for (const f of faults)
    standIn.inject({ ...f, ...(f.operation?.includes('Record') ? { zoneId } : {}) })
}

const run = (over: Partial<Config> = {}): Promise<UpdateOutcome> =>
  update(config(over), { logger, client: standInClient(standIn), timing: NO_WAIT })

/** A run that fails: nothing of it applied, nothing reported as changed. */
function expectNothingApplied(out: UpdateOutcome): void {
  expect(out.error).toBeInstanceOf(UpdateError)
  expect(live()).toEqual(BEFORE)
  expect(out.report.records).toEqual([])
  expect(out.report.changed).toBe(false)
  expect(out.report.changeIds).toEqual([])
}

describe('transient faults are ridden out', () => {
  it.each<[string, Fault[], string, number]>([
    [
      'a Throttling burst on reads',
      [{ operation: 'ListResourceRecordSets', error: 'Throttling', times: 4 }],
      'ListResourceRecordSets',
      5
    ],
    [
      'a PriorRequestNotComplete burst on the write',
      [{ operation: 'ChangeResourceRecordSets', error: 'PriorRequestNotComplete', times: 4 }],
      'ChangeResourceRecordSets',
      5
    ],
    [
      '500s from Route 53',
      [
        { operation: 'ListResourceRecordSets', error: 'InternalError', times: 2 },
        { operation: 'ChangeResourceRecordSets', error: 'ServiceUnavailable', times: 1 }
      ],
      'ListResourceRecordSets',
      3
    ],
    [
      'a dropped connection on the write (before Route 53 acted)',
      [{ operation: 'ChangeResourceRecordSets', error: 'Drop', times: 1 }],
      'ChangeResourceRecordSets',
      2
    ]
  ])('%s', async (_label, faults, operation, requests) => {
    inject(...faults)
    const out = await run()
    expect(out.error).toBeUndefined()
    expect(live()).toEqual(AFTER)
    expect(out.report.records.map((r) => r.result)).toEqual(['updated', 'created'])
    expect(out.report.changed).toBe(true)
    expect(out.report.changeIds).toHaveLength(1)
    expect(standIn.count(operation)).toBe(requests)
  })
})

describe('faults that do not end fail clearly and write nothing', () => {
  it('Throttling that never ends: gives up after the attempt budget, before any write', async () => {
    inject({ operation: 'ListResourceRecordSets', error: 'Throttling', times: 50 })
    const out = await run()
    expectNothingApplied(out)
    expect(out.error?.message).toMatch(
      new RegExp(
        `ListResourceRecordSets on hosted zone ${zoneId} was still refused after ${MAX_ATTEMPTS} attempts`
      )
    )
    expect(standIn.count('ListResourceRecordSets')).toBe(MAX_ATTEMPTS)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('dropped connections on every write: gives up, and says the write may have been applied', async () => {
    inject({ operation: 'ChangeResourceRecordSets', error: 'Drop', times: 50 })
    const out = await run()
    expectNothingApplied(out)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(MAX_ATTEMPTS)
    // A broken connection after sending cannot tell whether Route 53 acted: say so.
    expect(out.error?.message).toMatch(/ChangeResourceRecordSets on hosted zone .* failed/)
    expect(out.error?.message).toMatch(/may still have been applied .*ECONNRESET/)
  })

  it('Route 53 denying the write: explains, names the request id, keeps the cause', async () => {
    inject({ operation: 'ChangeResourceRecordSets', error: 'AccessDenied', times: 1 })
    const out = await run()
    expectNothingApplied(out)
    const cause = out.error?.cause as { name?: string; $metadata?: { requestId?: string } }
    expect(cause?.name).toBe('AccessDenied')
    expect(cause.$metadata?.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(out.error?.message).toContain(`AWS request id ${cause.$metadata?.requestId}`)
    expect(out.error?.message).toMatch(/route53:ChangeResourceRecordSets/)
  })

  it('an unknown zone: the message names the request id and the cause is the SDK error', async () => {
    const out = await run({ hostedZoneId: 'ZNOSUCHZONE0000' })
    expect(out.error?.message).toMatch(
      /ZNOSUCHZONE0000 does not exist .*\(AWS request id [0-9a-f-]{36}\)$/
    )
    expect((out.error?.cause as Error).name).toBe('NoSuchHostedZone')
  })
})

describe('believe only a real answer', () => {
  it('a write answered 200 with an HTML page fails, quotes what came back, and counts nothing', async () => {
    inject({ operation: 'ChangeResourceRecordSets', error: 'HtmlPage', times: 1 })
    const out = await run()
    expectNothingApplied(out)
    const message = out.error?.message ?? ''
    expect(message).toMatch(
      /ChangeResourceRecordSets on hosted zone .* was answered by something other than Route 53/
    )
    expect(message).toMatch(
      /HTTP 200, text\/html; charset=utf-8: "<!DOCTYPE html> <html><head><title>Hotel Wi-Fi/
    )
    expect(message).toMatch(/captive portal/)
    expect(message).toMatch(/Nothing is counted as written/)
    // Short and printable: a page is quoted, never dumped.
    expect(message.length).toBeLessThan(400)
    expect(message).not.toMatch(/[\r\n\t]/)
    // Not retried: a portal answers the same way every time.
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
  })

  it('a read answered 200 with an HTML page fails before any write (not read as "no records")', async () => {
    inject({ operation: 'ListResourceRecordSets', error: 'HtmlPage', times: 1 })
    const out = await run()
    expectNothingApplied(out)
    expect(out.error?.message).toMatch(
      /ListResourceRecordSets on hosted zone .* was answered by something other than Route 53/
    )
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('zone discovery answered with an HTML page fails before any read or write', async () => {
    standIn.inject({ operation: 'ListHostedZonesByName', error: 'HtmlPage', times: 1 })
    const { hostedZoneId: _z, ...rest } = config()
    const out = await update(rest, { logger, client: standInClient(standIn), timing: NO_WAIT })
    expectNothingApplied(out)
    expect(out.error?.message).toMatch(
      /ListHostedZonesByName on Route 53 was answered by something other than Route 53/
    )
    expect(standIn.count('ListResourceRecordSets')).toBe(0)
  })

  it.each<[string, Fault['error']]>([
    ['a 500 after applying', 'ApplyThenInternalError'],
    ['a reset connection after applying', 'ApplyThenDrop']
  ])(
    'a write applied but whose answer was lost (%s) is reported as this run’s change, with a warning',
    async (_label, error) => {
      inject({ operation: 'ChangeResourceRecordSets', error, times: 1 })
      const out = await run()
      expect(out.error).toBeUndefined()
      expect(live()).toEqual(AFTER)
      expect(out.report.records).toMatchObject([
        { name: names[0], before: [OLD_IP], after: [NEW_IP], result: 'updated', changeId: '' },
        { name: names[1], before: [], after: [NEW_IP], result: 'created', changeId: '' }
      ])
      expect(out.report.changed).toBe(true)
      expect(out.report.changeIds).toEqual([])
      // The SDK retried, the retry was refused as a conflict, and the re-read found the plan applied.
      expect(standIn.count('ChangeResourceRecordSets')).toBe(2)
      expect(standIn.count('ListResourceRecordSets')).toBe(2)
      const w = warnings()
      expect(w).toHaveLength(2)
      for (const line of w) expect(line).toMatch(/answer was lost .*Change id unknown/)
      expect(w.join('\n')).toMatch(error === 'ApplyThenDrop' ? /ECONNRESET/ : /HTTP 500/)
      expect(w.join('\n')).not.toMatch(/changed since it was read/)
    }
  )

  it('a lost answer to a delete is reported as deleted', async () => {
    inject({ operation: 'ChangeResourceRecordSets', error: 'ApplyThenInternalError', times: 1 })
    const out = await run({ hostnames: [names[0]!], state: 'absent', ipv4: [] })
    expect(out.error).toBeUndefined()
    expect(live()[0]).toEqual([])
    expect(out.report.records.map((r) => [r.type, r.result])).toEqual([
      ['A', 'deleted'],
      ['AAAA', 'unchanged']
    ])
    expect(out.report.changed).toBe(true)
  })

  it('when the waiting run cannot know a change id, it says so instead of waiting', async () => {
    inject({ operation: 'ChangeResourceRecordSets', error: 'ApplyThenDrop', times: 1 })
    const out = await run({ waitForSync: true })
    expect(out.error).toBeUndefined()
    expect(standIn.count('GetChange')).toBe(0)
    expect(warnings().filter((w) => /Cannot wait .*change id is unknown/.test(w))).toHaveLength(2)
  })

  it('another writer setting the planned value (no lost answer) is not claimed as this run’s change', async () => {
    let interfered = false
    const client = standInClient(standIn, (command) => {
      if (command !== 'ChangeResourceRecordSetsCommand' || interfered) return
      interfered = true
      for (const n of names)
        standIn.seed(zoneId, {
          Name: `${n}.`,
          Type: 'A',
          TTL: 300,
          ResourceRecords: [{ Value: NEW_IP }]
        })
    })
    const out = await update(config(), { logger, client, timing: NO_WAIT })
    expect(out.error).toBeUndefined()
    expect(out.report.records.map((r) => r.result)).toEqual(['unchanged', 'unchanged'])
    expect(out.report.changed).toBe(false)
    expect(warnings().join('\n')).toMatch(/changed since it was read/)
    expect(warnings().join('\n')).not.toMatch(/answer was lost/)
  })

  it('a lost answer whose retry finds the records changed by someone else claims nothing', async () => {
    inject({ operation: 'ChangeResourceRecordSets', error: 'ApplyThenInternalError', times: 1 })
    let writes = 0
    const client = standInClient(standIn, (command) => {
      // After the first (applied, unanswered) write, before the retry's re-read: another writer.
      if (command === 'ListResourceRecordSetsCommand' && writes === 1)
        standIn.seed(zoneId, {
          Name: `${names[1]}.`,
          Type: 'A',
          TTL: 300,
          ResourceRecords: [{ Value: '203.0.113.5' }]
        })
      if (command === 'ChangeResourceRecordSetsCommand') writes++
    })
    const out = await update(config(), { logger, client, timing: NO_WAIT })
    expect(out.error).toBeUndefined()
    // The second round replaced the other writer's value with a guarded write of its own.
    expect(live()).toEqual(AFTER)
    expect(out.report.records).toMatchObject([
      { name: names[0], result: 'unchanged' },
      { name: names[1], before: ['203.0.113.5'], result: 'updated' }
    ])
    expect(out.report.records[1]?.changeId).not.toBe('')
    expect(warnings().join('\n')).not.toMatch(/answer was lost/)
  })
})

describe('signing in by OIDC, in-process', () => {
  const auth: Extract<AuthConfig, { kind: 'oidc' }> = {
    kind: 'oidc',
    roleArn: ROLE,
    audience: 'sts.amazonaws.com',
    sessionName: 'route53-ddns',
    durationSeconds: 900
  }

  /** What the runner's token client does: GET the token URL with the request token. */
  async function getIdToken(audience: string): Promise<string> {
    const env = standIn.env()
    const res = await fetch(
      `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`,
      { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } }
    )
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`)
    return ((await res.json()) as { value: string }).value
  }

  async function signIn() {
    const { AWS_ACCESS_KEY_ID: _k, AWS_SECRET_ACCESS_KEY: _s, ...env } = standIn.env()
    return assumeRoleWithOidc(auth, {
      region: 'us-east-1',
      env,
      getIdToken,
      setSecret: () => undefined,
      logger,
      timing: NO_WAIT,
      endpoint: standIn.url
    })
  }

  it.each([
    ['no fault', 0],
    ['STS failing once', 1]
  ])('%s: signs in, and Route 53 is called with the issued keys only', async (_label, times) => {
    if (times)
      standIn.inject({ operation: 'AssumeRoleWithWebIdentity', error: 'ServiceUnavailable', times })
    const credentials = await signIn()
    const client = createRoute53Client({
      region: 'us-east-1',
      endpoint: standIn.url,
      credentials,
      timing: NO_WAIT
    })
    const out = await update(config(), { logger, client, timing: NO_WAIT })
    expect(out.error).toBeUndefined()
    expect(live()).toEqual(AFTER)
    expect(standIn.count('AssumeRoleWithWebIdentity')).toBe(1 + times)
    const route53 = standIn.requests.filter((r) => r.service === 'route53')
    expect(route53.map((r) => r.accessKeyId)).toEqual(route53.map(() => credentials.accessKeyId))
  })

  it('STS refusing the token: the trust-policy checklist, the request id, no Route 53 request', async () => {
    standIn.inject({
      operation: 'AssumeRoleWithWebIdentity',
      error: 'InvalidIdentityToken',
      times: 1
    })
    const err = await signIn().then(
      () => undefined,
      (e: unknown) => e as Error
    )
    expect(err).toBeInstanceOf(UpdateError)
    expect(err?.message).toMatch(new RegExp(ROLE))
    expect(err?.message).toMatch(/\bsub\b/)
    expect(err?.message).toMatch(/\baud\b/)
    expect(err?.message).toMatch(/AWS request id [0-9a-f-]{36}/)
    expect((err?.cause as Error).name).toMatch(/InvalidIdentityToken/)
    expect(standIn.requests.filter((r) => r.service === 'route53')).toEqual([])
  })
})

describe('races: concurrent runs on one record', () => {
  it('every success is a guarded step in one history, and the record ends at the last one', async () => {
    const name = names[0]!
    const outs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        update(config({ hostnames: [name], ipv4: [`198.51.100.${i + 1}`] }), {
          logger,
          client: standInClient(standIn),
          timing: NO_WAIT
        })
      )
    )
    for (const o of outs.filter((o) => o.error)) expect(o.error?.message).toMatch(/kept changing/)
    const successes = outs.filter((o) => !o.error).map((o) => o.report.records[0]!)
    expect(successes.length).toBeGreaterThan(0)
    // Chain the successes: each replaced exactly the value the previous one wrote.
    let current = [OLD_IP]
    const left = successes.filter((s) => s.result !== 'unchanged')
    while (left.length > 0) {
      const i = left.findIndex((s) => JSON.stringify(s.before) === JSON.stringify(current))
      expect(i, `no success replaced ${current}: ${JSON.stringify(left)}`).toBeGreaterThanOrEqual(0)
      current = left[i]!.after
      left.splice(i, 1)
    }
    expect(live()[0]).toEqual(current)
  })
})
