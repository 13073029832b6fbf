import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { update } from '../../src/core/update.js'
import { standInClient } from '../helpers/client.js'
import { testConfig } from '../helpers/config.js'
import { NO_WAIT } from '../helpers/timing.js'
import type { Config, Logger } from '../../src/model/types.js'

let standIn: StandIn
let zoneId: string
let zname: string
const messages: string[] = []
const logger: Logger = {
  info: (m) => messages.push(`info ${m}`),
  warning: (m) => messages.push(`warning ${m}`),
  debug: () => undefined
}

const client = (hook?: (command: string) => void) => standInClient(standIn, hook)

const config = (over: Partial<Config> = {}): Config => testConfig({ hostedZoneId: zoneId, ...over })

const values = (zone: string, name: string, type = 'A'): string[] =>
  standIn
    .records(zone)
    .filter((s) => s.Name === name && s.Type === type)
    .flatMap((s) => (s.ResourceRecords ?? []).map((r) => r.Value ?? ''))

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
})
afterAll(async () => standIn.close())
beforeEach(() => {
  // Each test gets a zone of its own.
  zname = `t${Math.random().toString(36).slice(2, 8)}.example.com`
  zoneId = standIn.addZone({ name: zname })
  standIn.resetLog()
  messages.length = 0
})

const zoneName = (): string => zname

describe('update against the stand-in', () => {
  it('creates, then costs one read and no write when unchanged, then replaces with a guarded batch', async () => {
    const name = `home.${zoneName()}`
    const c = client()
    const first = await update(config({ hostnames: [name] }), {
      logger,
      client: c,
      timing: NO_WAIT
    })
    expect(first.error).toBeUndefined()
    expect(first.report.records).toMatchObject([
      { name, type: 'A', zoneId, before: [], after: ['198.51.100.7'], ttl: 300, result: 'created' }
    ])
    expect(first.report.changed).toBe(true)
    expect(first.report.changeIds).toHaveLength(1)
    expect(values(zoneId, `${name}.`)).toEqual(['198.51.100.7'])

    standIn.resetLog()
    const second = await update(config({ hostnames: [name] }), {
      logger,
      client: c,
      timing: NO_WAIT
    })
    expect(second.report.records[0]?.result).toBe('unchanged')
    expect(second.report.changed).toBe(false)
    expect(standIn.count()).toBe(1)
    expect(standIn.count('ListResourceRecordSets')).toBe(1)

    standIn.resetLog()
    const third = await update(config({ hostnames: [name], ipv4: ['198.51.100.8'] }), {
      logger,
      client: c,
      timing: NO_WAIT
    })
    expect(third.report.records[0]).toMatchObject({
      result: 'updated',
      before: ['198.51.100.7'],
      after: ['198.51.100.8']
    })
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
    expect(values(zoneId, `${name}.`)).toEqual(['198.51.100.8'])
  })

  it('does not mistake the next record for an absent target', async () => {
    const z = zoneName()
    standIn.seed(zoneId, {
      Name: `homer.${z}.`,
      Type: 'A',
      TTL: 300,
      ResourceRecords: [{ Value: '198.51.100.7' }]
    })
    const out = await update(config({ hostnames: [`home.${z}`] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(out.report.records[0]?.result).toBe('created')
    expect(values(zoneId, `homer.${z}.`)).toEqual(['198.51.100.7'])
  })

  it('publishes several addresses of a family as one multi-value set, and both families', async () => {
    const name = `multi.${zoneName()}`
    const out = await update(
      config({ hostnames: [name], ipv4: ['198.51.100.1', '198.51.100.2'], ipv6: ['2001:db8::1'] }),
      { logger, client: client(), timing: NO_WAIT }
    )
    expect(out.error).toBeUndefined()
    expect(values(zoneId, `${name}.`).sort()).toEqual(['198.51.100.1', '198.51.100.2'])
    expect(values(zoneId, `${name}.`, 'AAAA')).toEqual(['2001:db8::1'])
    expect(out.report.changeIds).toHaveLength(1)
  })

  it.each([
    ['CNAME', { Type: 'CNAME', TTL: 300, ResourceRecords: [{ Value: 'elsewhere.example.net' }] }],
    [
      'alias',
      {
        Type: 'A',
        AliasTarget: {
          DNSName: 'lb.example.net.',
          HostedZoneId: 'Z2FDTNDATAQYW2',
          EvaluateTargetHealth: false
        }
      }
    ],
    [
      'weighted',
      {
        Type: 'A',
        TTL: 60,
        SetIdentifier: 'blue',
        Weight: 5,
        ResourceRecords: [{ Value: '192.0.2.9' }]
      }
    ],
    // Only A is published: a name held by an alias or routing-policy AAAA is refused all the same.
    [
      'alias AAAA',
      {
        Type: 'AAAA',
        AliasTarget: {
          DNSName: 'lb.example.net.',
          HostedZoneId: 'Z2FDTNDATAQYW2',
          EvaluateTargetHealth: false
        }
      }
    ],
    [
      'weighted AAAA',
      {
        Type: 'AAAA',
        TTL: 60,
        SetIdentifier: 'green',
        Weight: 5,
        ResourceRecords: [{ Value: '2001:db8::9' }]
      }
    ]
  ])('refuses to touch a %s and writes nothing', async (_kind, set) => {
    const z = zoneName()
    standIn.seed(zoneId, { Name: `guarded.${z}.`, ...set } as never)
    const out = await update(config({ hostnames: [`ok.${z}`, `guarded.${z}`] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(out.error?.message).toMatch(new RegExp(`guarded\\.${z.replace(/\./g, '\\.')}`))
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
    expect(values(zoneId, `ok.${z}.`)).toEqual([])
  })

  it('re-reads and retries when the record changes between read and write', async () => {
    const name = `race.${zoneName()}`
    standIn.seed(zoneId, {
      Name: `${name}.`,
      Type: 'A',
      TTL: 300,
      ResourceRecords: [{ Value: '192.0.2.1' }]
    })
    let interfered = false
    const c = client((command) => {
      if (command === 'ChangeResourceRecordSetsCommand' && !interfered) {
        interfered = true
        // Someone else edits the record after this run read it.
        standIn.seed(zoneId, {
          Name: `${name}.`,
          Type: 'A',
          TTL: 300,
          ResourceRecords: [{ Value: '192.0.2.2' }]
        })
      }
    })
    const out = await update(config({ hostnames: [name] }), { logger, client: c, timing: NO_WAIT })
    expect(out.error).toBeUndefined()
    expect(out.report.records[0]).toMatchObject({
      result: 'updated',
      before: ['192.0.2.2'],
      after: ['198.51.100.7']
    })
    expect(standIn.count('ListResourceRecordSets')).toBe(2)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(2)
    expect(
      messages.some((m) => m.startsWith('warning') && /changed since it was read/.test(m))
    ).toBe(true)
  })

  it('gives up after bounded retries without overwriting the other writer', async () => {
    const name = `busy.${zoneName()}`
    standIn.seed(zoneId, {
      Name: `${name}.`,
      Type: 'A',
      TTL: 300,
      ResourceRecords: [{ Value: '192.0.2.1' }]
    })
    let n = 0
    const c = client((command) => {
      if (command === 'ChangeResourceRecordSetsCommand') {
        n++
        standIn.seed(zoneId, {
          Name: `${name}.`,
          Type: 'A',
          TTL: 300,
          ResourceRecords: [{ Value: `192.0.2.${10 + n}` }]
        })
      }
    })
    const out = await update(config({ hostnames: [name] }), { logger, client: c, timing: NO_WAIT })
    expect(out.error?.message).toMatch(/kept changing/)
    expect(n).toBe(4)
    expect(values(zoneId, `${name}.`)).toEqual([`192.0.2.${10 + n}`])
    expect(out.report.records).toEqual([])
  })

  it('writes nothing in a dry run', async () => {
    const name = `dry.${zoneName()}`
    const out = await update(config({ hostnames: [name], dryRun: true }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(out.report.records[0]?.result).toBe('would-create')
    expect(out.report.changed).toBe(true)
    expect(out.report.changeIds).toEqual([])
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('deletes with state absent, then reports unchanged', async () => {
    const name = `gone.${zoneName()}`
    standIn.seed(zoneId, {
      Name: `${name}.`,
      Type: 'A',
      TTL: 60,
      ResourceRecords: [{ Value: '192.0.2.1' }]
    })
    standIn.seed(zoneId, {
      Name: `${name}.`,
      Type: 'AAAA',
      TTL: 60,
      ResourceRecords: [{ Value: '2001:db8::5' }]
    })
    const out = await update(config({ hostnames: [name], state: 'absent', ipv4: [] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(out.error).toBeUndefined()
    expect(out.report.records.map((r) => [r.type, r.result])).toEqual([
      ['A', 'deleted'],
      ['AAAA', 'deleted']
    ])
    expect(standIn.records(zoneId).filter((s) => s.Name === `${name}.`)).toEqual([])
    const again = await update(config({ hostnames: [name], state: 'absent', ipv4: [] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(again.report.records.map((r) => r.result)).toEqual(['unchanged', 'unchanged'])
    expect(again.report.changed).toBe(false)
  })

  it('puts 50 new names in one zone into one read and one write', async () => {
    const z = zoneName()
    const names = Array.from({ length: 50 }, (_, i) => `host${i}.${z}`)
    const out = await update(config({ hostnames: names }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(out.error).toBeUndefined()
    expect(standIn.count('ListResourceRecordSets')).toBe(1)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
    standIn.resetLog()
    const again = await update(config({ hostnames: names }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(again.report.changed).toBe(false)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('pages through a large zone without losing a name', async () => {
    const z = zoneName()
    for (let i = 0; i < 700; i++) {
      standIn.seed(zoneId, {
        Name: `n${String(i).padStart(4, '0')}.${z}.`,
        Type: 'A',
        TTL: 300,
        ResourceRecords: [{ Value: '192.0.2.1' }]
      })
    }
    const names = ['n0000', 'n0350', 'n0699', 'zzz'].map((n) => `${n}.${z}`)
    const out = await update(config({ hostnames: names, ipv4: ['192.0.2.1'] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(out.error).toBeUndefined()
    expect(out.report.records.map((r) => r.result)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'created'
    ])
  })

  it('explains an unknown zone and a name outside the zone', async () => {
    const missing = await update(config({ hostedZoneId: 'ZNOSUCHZONE0000' }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(missing.error?.message).toMatch(/ZNOSUCHZONE0000 does not exist/)
    const outside = await update(config({ hostnames: ['elsewhere.example.org'] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(outside.error?.message).toMatch(/not in hosted zone/)
    expect(standIn.records(zoneId).filter((s) => s.Type === 'A')).toEqual([])
  })

  it('waits for the change to be in sync', async () => {
    const name = `sync.${zoneName()}`
    const out = await update(config({ hostnames: [name], waitForSync: true }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(out.error).toBeUndefined()
    expect(standIn.count('GetChange')).toBeGreaterThanOrEqual(1)
    expect(messages.some((m) => /INSYNC/.test(m))).toBe(true)
  })

  it('rides out throttling', async () => {
    const name = `throttled.${zoneName()}`
    standIn.inject({ operation: 'ListResourceRecordSets', error: 'Throttling', times: 2 })
    standIn.inject({
      operation: 'ChangeResourceRecordSets',
      error: 'PriorRequestNotComplete',
      times: 2
    })
    const out = await update(config({ hostnames: [name] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    expect(out.error).toBeUndefined()
    expect(values(zoneId, `${name}.`)).toEqual(['198.51.100.7'])
    expect(standIn.count('ChangeResourceRecordSets')).toBe(3)
  })
})

describe('a failure part way', () => {
  it('reports the batch that was written before a later batch failed', async () => {
    const z = zoneName()
    // 600 names × 2 values: 1200 values, so two batches of at most 1000.
    const names = Array.from({ length: 600 }, (_, i) => `p${i}.${z}`)
    standIn.inject({
      operation: 'ChangeResourceRecordSets',
      zoneId,
      error: 'AccessDenied',
      afterMatches: 1
    })
    const out = await update(config({ hostnames: names, ipv4: ['198.51.100.1', '198.51.100.2'] }), {
      logger,
      client: client(),
      timing: NO_WAIT
    })
    standIn.clearFaults()
    expect(out.error?.message).toMatch(/ChangeResourceRecordSets/)
    const written = out.report.records
    expect(written.length).toBeGreaterThan(0)
    expect(written.length).toBeLessThan(600)
    expect(new Set(written.map((r) => r.changeId)).size).toBe(1)
    // One read of the zone: records() copies every set, so reading it per name is quadratic.
    const live = new Map<string, string[]>()
    for (const s of standIn.records(zoneId).filter((s) => s.Type === 'A'))
      live.set(s.Name ?? '', (s.ResourceRecords ?? []).map((r) => r.Value ?? '').sort())
    for (const r of written)
      expect(live.get(`${r.name}.`)).toEqual(['198.51.100.1', '198.51.100.2'])
    const writtenNames = new Set(written.map((r) => r.name))
    const unwritten = names.filter((n) => !writtenNames.has(n))
    for (const n of unwritten) expect(live.get(`${n}.`)).toBeUndefined()
    expect(out.report.attempted).toHaveLength(600)
    expect(out.report.changed).toBe(true)
    expect(messages.filter((m) => m.startsWith('info ')).length).toBe(written.length)
  })
})
