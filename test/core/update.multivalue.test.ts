// update() in-process against the stand-in with set-identifier: each machine owns its own member.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type {
  Change,
  ChangeResourceRecordSetsCommandInput,
  ResourceRecordSet
} from '@aws-sdk/client-route-53'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { update } from '../../src/core/update.js'
import { standInClient } from '../helpers/client.js'
import { testConfig } from '../helpers/config.js'
import type { Config, Logger } from '../../src/model/types.js'

let standIn: StandIn
let zoneId: string
let zname: string
let pool: string
const messages: string[] = []
const logger: Logger = {
  info: (m) => messages.push(`info ${m}`),
  warning: (m) => messages.push(`warning ${m}`),
  debug: () => undefined
}

const machine = (setIdentifier: string, over: Partial<Config> = {}): Config =>
  testConfig({ hostedZoneId: zoneId, hostnames: [pool], setIdentifier, ...over })

/** Every batch sent, with the identifier of the machine that sent it. */
const sent: Array<{ machine: string; changes: Change[] }> = []

function run(config: Config, hook?: (command: string) => void) {
  const client = standInClient(standIn, hook)
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ChangeResourceRecordSetsCommand') {
        const input = args.input as ChangeResourceRecordSetsCommandInput
        sent.push({
          machine: config.setIdentifier ?? '',
          changes: input.ChangeBatch?.Changes ?? []
        })
      }
      return next(args)
    },
    { step: 'initialize' }
  )
  return update(config, { logger, client })
}

/** Members at the pool name: identifier → values (and health check when set). */
const members = (type = 'A'): Record<string, string> =>
  Object.fromEntries(
    standIn
      .records(zoneId)
      .filter((s) => s.Name === `${pool}.` && s.Type === type)
      .map((s) => [
        s.SetIdentifier ?? '(simple)',
        (s.ResourceRecords ?? []).map((r) => r.Value).join(',') +
          (s.HealthCheckId ? ` hc=${s.HealthCheckId}` : '') +
          (s.SetIdentifier && s.MultiValueAnswer !== true ? ' (not multivalue)' : '')
      ])
  )

const seedMember = (id: string, value: string, extra: Partial<ResourceRecordSet> = {}): void =>
  standIn.seed(zoneId, {
    Name: `${pool}.`,
    Type: 'A',
    SetIdentifier: id,
    MultiValueAnswer: true,
    TTL: 300,
    ResourceRecords: [{ Value: value }],
    ...extra
  })

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
})
afterAll(async () => standIn.close())
beforeEach(() => {
  zname = `f${Math.random().toString(36).slice(2, 8)}.example.com`
  zoneId = standIn.addZone({ name: zname })
  pool = `pool.${zname}`
  standIn.resetLog()
  messages.length = 0
  sent.length = 0
})

describe('update with set-identifier', () => {
  it('two machines alternating runs each keep their own member', async () => {
    const a1 = await run(machine('pi-garage', { ipv4: ['198.51.100.1'] }))
    expect(a1.error).toBeUndefined()
    expect(a1.report.records).toMatchObject([
      { name: pool, type: 'A', setIdentifier: 'pi-garage', result: 'created', before: [] }
    ])
    const b1 = await run(machine('nas', { ipv4: ['198.51.100.2'] }))
    expect(b1.report.records[0]).toMatchObject({ setIdentifier: 'nas', result: 'created' })
    expect(b1.report.members).toEqual([{ name: pool, type: 'A', zoneId, others: ['pi-garage'] }])
    expect(members()).toEqual({ nas: '198.51.100.2', 'pi-garage': '198.51.100.1' })

    // The first machine's address changes: only its member is replaced.
    standIn.resetLog()
    const a2 = await run(machine('pi-garage', { ipv4: ['198.51.100.11'] }))
    expect(a2.report.records[0]).toMatchObject({
      result: 'updated',
      before: ['198.51.100.1'],
      after: ['198.51.100.11']
    })
    expect(sent.at(-1)?.changes.map((c) => c.Action)).toEqual(['DELETE', 'CREATE'])

    // The second machine's re-run: one read, no write, and the first machine's member survives.
    standIn.resetLog()
    const b2 = await run(machine('nas', { ipv4: ['198.51.100.2'] }))
    expect(b2.report.records[0]?.result).toBe('unchanged')
    expect(standIn.count()).toBe(1)
    expect(standIn.count('ListResourceRecordSets')).toBe(1)
    expect(members()).toEqual({ nas: '198.51.100.2', 'pi-garage': '198.51.100.11' })

    const a3 = await run(machine('pi-garage', { ipv4: ['198.51.100.11'] }))
    expect(a3.report.records[0]?.result).toBe('unchanged')
    expect(members()).toEqual({ nas: '198.51.100.2', 'pi-garage': '198.51.100.11' })
    // Three writes in all, and no batch ever named another machine's member.
    expect(sent).toHaveLength(3)
    for (const { machine: m, changes } of sent) {
      expect(changes.map((c) => c.ResourceRecordSet?.SetIdentifier)).toEqual(changes.map(() => m))
    }
  })

  it('publishes both families as members and attaches a health check', async () => {
    const hc = standIn.addHealthCheck()
    const out = await run(
      machine('edge-1', { ipv4: ['198.51.100.1'], ipv6: ['2001:db8::1'], healthCheckId: hc })
    )
    expect(out.error).toBeUndefined()
    expect(out.report.records.map((r) => `${r.type} ${r.setIdentifier} ${r.result}`)).toEqual([
      'A edge-1 created',
      'AAAA edge-1 created'
    ])
    expect(members('A')).toEqual({ 'edge-1': `198.51.100.1 hc=${hc}` })
    expect(members('AAAA')).toEqual({ 'edge-1': `2001:db8::1 hc=${hc}` })
    // Dropping the health check is a change of this member.
    const again = await run(machine('edge-1', { ipv4: ['198.51.100.1'], ipv6: ['2001:db8::1'] }))
    expect(again.report.records.map((r) => r.result)).toEqual(['updated', 'updated'])
    expect(members('A')).toEqual({ 'edge-1': '198.51.100.1' })
  })

  it('explains an unknown health check and writes nothing', async () => {
    const out = await run(
      machine('edge-1', { healthCheckId: '00000000-0000-4000-8000-000000000000' })
    )
    expect(out.error?.message).toMatch(/NoSuchHealthCheck/)
    expect(out.error?.message).toMatch(/health-check-id/)
    expect(members()).toEqual({})
  })

  it('state absent deletes only this machine’s member; the pool keeps answering', async () => {
    seedMember('nas', '198.51.100.2')
    seedMember('pi-garage', '198.51.100.1')
    const out = await run(machine('pi-garage', { state: 'absent', ipv4: [] }))
    expect(out.error).toBeUndefined()
    expect(out.report.records.map((r) => `${r.type} ${r.result}`)).toEqual([
      'A deleted',
      'AAAA unchanged'
    ])
    expect(members()).toEqual({ nas: '198.51.100.2' })
    const again = await run(machine('pi-garage', { state: 'absent', ipv4: [] }))
    expect(again.report.changed).toBe(false)
    expect(members()).toEqual({ nas: '198.51.100.2' })
  })

  it('state absent removes its A member even when AAAA holds a simple record of someone else', async () => {
    seedMember('pi-garage', '198.51.100.1')
    standIn.seed(zoneId, {
      Name: `${pool}.`,
      Type: 'AAAA',
      TTL: 300,
      ResourceRecords: [{ Value: '2001:db8::9' }]
    })
    const out = await run(machine('pi-garage', { state: 'absent', ipv4: [] }))
    expect(out.error).toBeUndefined()
    expect(out.report.records.map((r) => `${r.type} ${r.result}`)).toEqual([
      'A deleted',
      'AAAA unchanged'
    ])
    expect(members('AAAA')).toEqual({ '(simple)': '2001:db8::9' })
  })

  it('writes nothing in a dry run', async () => {
    seedMember('nas', '198.51.100.2')
    const out = await run(machine('pi-garage', { dryRun: true }))
    expect(out.report.records[0]).toMatchObject({
      result: 'would-create',
      setIdentifier: 'pi-garage'
    })
    expect(out.report.members?.[0]?.others).toEqual(['nas'])
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('a member added by another machine between read and write is not a conflict', async () => {
    let once = false
    const out = await run(machine('pi-garage'), (command) => {
      if (command === 'ChangeResourceRecordSetsCommand' && !once) {
        once = true
        seedMember('nas', '198.51.100.2')
      }
    })
    expect(out.error).toBeUndefined()
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
    expect(members()).toEqual({ nas: '198.51.100.2', 'pi-garage': '198.51.100.7' })
  })

  it('re-reads and retries when its own member changed since it was read', async () => {
    seedMember('pi-garage', '192.0.2.1')
    let once = false
    const out = await run(machine('pi-garage'), (command) => {
      if (command === 'ChangeResourceRecordSetsCommand' && !once) {
        once = true
        seedMember('pi-garage', '192.0.2.2')
      }
    })
    expect(out.error).toBeUndefined()
    expect(out.report.records[0]).toMatchObject({ result: 'updated', before: ['192.0.2.2'] })
    expect(standIn.count('ListResourceRecordSets')).toBe(2)
    expect(members()).toEqual({ 'pi-garage': '198.51.100.7' })
  })

  it('a simple record appearing between read and write ends in the clear refusal', async () => {
    let once = false
    const out = await run(machine('pi-garage'), (command) => {
      if (command === 'ChangeResourceRecordSetsCommand' && !once) {
        once = true
        standIn.seed(zoneId, {
          Name: `${pool}.`,
          Type: 'A',
          TTL: 300,
          ResourceRecords: [{ Value: '203.0.113.1' }]
        })
      }
    })
    expect(out.error?.message).toMatch(/holds a simple record; refusing/)
    expect(members()).toEqual({ '(simple)': '203.0.113.1' })
  })

  it('reads its member among hundreds, paging by identifier', async () => {
    for (let i = 0; i < 320; i++) seedMember(`m${String(i).padStart(3, '0')}`, '192.0.2.1')
    seedMember('zz-mine', '198.51.100.7')
    const out = await run(machine('zz-mine'))
    expect(out.error).toBeUndefined()
    expect(out.report.records[0]?.result).toBe('unchanged')
    expect(out.report.members?.[0]?.others).toHaveLength(320)
    expect(standIn.count('ListResourceRecordSets')).toBe(2)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })
})

describe('refusals write nothing in any zone', () => {
  const zones = (): { first: string; second: string } => {
    const first = standIn.addZone({ name: `a${zname}` })
    return { first, second: zoneId }
  }

  it.each([
    ['a simple record', { TTL: 300, ResourceRecords: [{ Value: '203.0.113.1' }] }, /simple record/],
    [
      'a weighted record',
      { SetIdentifier: 'w', Weight: 5, TTL: 300, ResourceRecords: [{ Value: '203.0.113.1' }] },
      /weighted record \(SetIdentifier 'w'\)/
    ],
    [
      'a failover record',
      {
        SetIdentifier: 'f',
        Failover: 'PRIMARY' as const,
        TTL: 300,
        ResourceRecords: [{ Value: '203.0.113.1' }]
      },
      /failover record/
    ],
    [
      'a latency record',
      {
        SetIdentifier: 'l',
        Region: 'eu-west-1' as const,
        TTL: 300,
        ResourceRecords: [{ Value: '203.0.113.1' }]
      },
      /latency record/
    ],
    [
      'a geolocation record',
      {
        SetIdentifier: 'g',
        GeoLocation: { CountryCode: 'DE' },
        TTL: 300,
        ResourceRecords: [{ Value: '203.0.113.1' }]
      },
      /geolocation record/
    ]
  ])('with set-identifier, a name holding %s', async (_what, set, pattern) => {
    const { first } = zones()
    standIn.seed(zoneId, { Name: `${pool}.`, Type: 'A', ...set })
    const out = await update(
      testConfig({ hostnames: [`ok.a${zname}`, pool], setIdentifier: 'pi-garage' }),
      { logger, client: standInClient(standIn) }
    )
    expect(out.error?.message).toMatch(pattern)
    expect(out.error?.message).toContain(pool)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
    expect(standIn.records(first).filter((s) => s.Type === 'A')).toEqual([])
  })

  it('with set-identifier, an alias record', async () => {
    standIn.seed(zoneId, {
      Name: `target.${zname}.`,
      Type: 'A',
      TTL: 60,
      ResourceRecords: [{ Value: '192.0.2.9' }]
    })
    standIn.seed(zoneId, {
      Name: `${pool}.`,
      Type: 'A',
      AliasTarget: {
        HostedZoneId: zoneId,
        DNSName: `target.${zname}.`,
        EvaluateTargetHealth: false
      }
    })
    const out = await run(machine('pi-garage'))
    expect(out.error?.message).toMatch(/holds an? alias record; refusing/)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('without set-identifier, a name holding multivalue records, naming the identifiers', async () => {
    const { first } = zones()
    seedMember('nas', '198.51.100.2')
    seedMember('office-gw', '198.51.100.3')
    const out = await update(testConfig({ hostnames: [`ok.a${zname}`, pool] }), {
      logger,
      client: standInClient(standIn)
    })
    expect(out.error?.message).toContain(
      "holds multivalue answer records (identifiers 'nas', 'office-gw')"
    )
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
    expect(standIn.records(first).filter((s) => s.Type === 'A')).toEqual([])
    expect(members()).toEqual({ nas: '198.51.100.2', 'office-gw': '198.51.100.3' })
  })
})
