import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { policyAuthorizer } from '../../stand-in/iam.js'
import { permissionsPolicy } from '../../../src/aws/iam/policy.js'
import { update } from '../../../src/core/update.js'
import { standInClient } from '../../helpers/client.js'
import { NO_WAIT } from '../../helpers/timing.js'
import { testConfig } from '../../helpers/config.js'
import type { Config } from '../../../src/model/types.js'

/**
 * The proof that the generated policy is sufficient and tight: every scenario runs with the
 * stand-in enforcing exactly the policy generated for that run's configuration.
 */
let standIn: StandIn
let zoneId: string
let otherZoneId: string
const logger = { info: () => undefined, warning: () => undefined, debug: () => undefined }

const client = () => standInClient(standIn)

const config = (over: Partial<Config>): Config =>
  testConfig({
    hostnames: ['home.lp.example.com'],
    hostedZoneId: zoneId,
    ipv6: ['2001:db8::7'],
    comment: 'least privilege',
    ...over
  })

/** Run under the policy generated for this very config. */
async function underItsPolicy(c: Config, policyFor: Config = c) {
  const policy = permissionsPolicy({
    hostnames: policyFor.hostnames,
    zoneIds: policyFor.hostedZoneId ? [policyFor.hostedZoneId] : [],
    state: policyFor.state,
    discovery: !policyFor.hostedZoneId,
    waitForSync: policyFor.waitForSync
  })
  standIn.setAuthorize(policyAuthorizer(policy))
  standIn.resetLog()
  try {
    return await update(c, { logger, client: client(), timing: NO_WAIT })
  } finally {
    standIn.setAuthorize(undefined)
  }
}

const denied = (): number => standIn.requests.filter((r) => r.status === 403).length

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
  zoneId = standIn.addZone({ name: 'lp.example.com' })
  otherZoneId = standIn.addZone({ name: 'other.example.org' })
})
afterAll(async () => standIn?.close())

describe('the generated permissions policy', () => {
  // Each case has its own names and first writes the records it starts from (unrestricted), so
  // the cases pass in any order.
  it.each([
    ['create', 'create', {}, ['created', 'created']],
    ['unchanged', 'existing', {}, ['unchanged', 'unchanged']],
    ['update', 'existing', { ipv4: ['198.51.100.8'] }, ['updated', 'unchanged']],
    [
      'update with wait-for-sync',
      'existing',
      { ipv4: ['198.51.100.9'], waitForSync: true },
      ['updated', 'unchanged']
    ],
    [
      'delete',
      'existing',
      { state: 'absent' as const, ipv4: [], ipv6: [] },
      ['deleted', 'deleted']
    ],
    ['create with zone discovery', 'create', { hostedZoneId: undefined }, ['created', 'created']],
    ['wildcard name', 'create', { hostnames: ['*.lp.example.com'] }, ['created', 'created']],
    [
      'names in two zones with discovery',
      'create',
      { hostedZoneId: undefined, hostnames: ['a.lp.example.com', 'b.other.example.org'], ipv6: [] },
      ['created', 'created']
    ]
  ] as Array<[string, 'create' | 'existing', Partial<Config>, string[]]>)(
    'allows %s',
    async (label, from, over, results) => {
      const hostnames = [`${label.replace(/\W+/g, '-')}.lp.example.com`]
      if (from === 'existing') {
        const seeded = await update(config({ hostnames }), {
          logger,
          client: client(),
          timing: NO_WAIT
        })
        expect(seeded.report.records.map((r) => r.result)).toEqual(['created', 'created'])
      }
      const c = config({ hostnames, ...over })
      if ('hostedZoneId' in over && over.hostedZoneId === undefined) delete c.hostedZoneId
      const out = await underItsPolicy(c)
      expect(out.error).toBeUndefined()
      expect(out.report.records.map((r) => r.result)).toEqual(results)
      expect(denied()).toBe(0)
      if (c.waitForSync) expect(standIn.count('GetChange')).toBeGreaterThan(0)
    }
  )

  it('denies a change to a name outside the policy, and says which statement would allow it', async () => {
    const out = await underItsPolicy(config({ hostnames: ['intruder.lp.example.com'] }), config({}))
    expect(out.error?.message).toMatch(/route53:ChangeResourceRecordSets/)
    expect(out.error?.message).toMatch(/intruder\.lp\.example\.com/)
    expect(out.error?.message).toMatch(
      /"Action": "route53:ChangeResourceRecordSets"|route53:ChangeResourceRecordSets/
    )
    expect(denied()).toBe(1)
    expect(standIn.records(zoneId).some((s) => s.Name === 'intruder.lp.example.com.')).toBe(false)
  })

  it('denies another zone', async () => {
    const out = await underItsPolicy(
      config({ hostnames: ['x.other.example.org'], hostedZoneId: otherZoneId }),
      config({})
    )
    expect(out.error?.message).toMatch(/ListResourceRecordSets/)
    expect(out.error?.message).toContain(otherZoneId)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('denies a record type the policy does not name', async () => {
    const seeded = 'typed.lp.example.com'
    standIn.seed(zoneId, {
      Name: `${seeded}.`,
      Type: 'AAAA',
      TTL: 300,
      ResourceRecords: [{ Value: '2001:db8::1' }]
    })
    const policy = permissionsPolicy({ hostnames: [seeded], zoneIds: [zoneId], recordTypes: ['A'] })
    standIn.setAuthorize(policyAuthorizer(policy))
    standIn.resetLog()
    const out = await update(config({ hostnames: [seeded], state: 'absent', ipv4: [], ipv6: [] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    standIn.setAuthorize(undefined)
    expect(out.error?.message).toMatch(/AAAA/)
    expect(standIn.records(zoneId).some((s) => s.Name === `${seeded}.` && s.Type === 'AAAA')).toBe(
      true
    )
  })
})
