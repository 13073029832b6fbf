// ipv6-host-ids through the one update(), against the stand-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { update } from '../../src/core/update.js'
import { standInClient } from '../helpers/client.js'
import { testConfig } from '../helpers/config.js'
import type { Config, Logger } from '../../src/model/types.js'

let standIn: StandIn
let zoneId: string
let zone: string
const warnings: string[] = []
const logger: Logger = { info: () => {}, warning: (m) => warnings.push(m), debug: () => {} }

const hostIds = {
  prefixLength: 64,
  hosts: [
    { name: 'nas', id: '::1:2:3:4' },
    { name: 'printer', id: '::a' }
  ]
}
const config = (over: Partial<Config> = {}): Config =>
  testConfig({
    hostnames: [`home.${zone}`],
    hostedZoneId: zoneId,
    ipv4: [],
    ipv6: ['2001:db8:1:2::99'],
    hostIds: {
      prefixLength: hostIds.prefixLength,
      hosts: hostIds.hosts.map((h) => ({ name: `${h.name}.${zone}`, id: h.id }))
    },
    ...over
  })

const aaaa = (): Record<string, string[]> =>
  Object.fromEntries(
    standIn
      .records(zoneId)
      .filter((s) => s.Type === 'AAAA')
      .map((s) => [
        (s.Name ?? '').replace(`.${zone}.`, ''),
        (s.ResourceRecords ?? []).map((r) => r.Value ?? '')
      ])
  )

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
})
afterAll(async () => standIn.close())
beforeEach(() => {
  zone = `h${Math.random().toString(36).slice(2, 8)}.example.com`
  zoneId = standIn.addZone({ name: zone })
  standIn.resetLog()
  warnings.length = 0
})

describe('update with ipv6-host-ids', () => {
  it('publishes each host at this machine’s prefix, and follows a prefix change in one batch', async () => {
    const client = standInClient(standIn)
    const first = await update(config(), { logger, client })
    expect(first.error).toBeUndefined()
    expect(aaaa()).toEqual({
      home: ['2001:db8:1:2::99'],
      nas: ['2001:db8:1:2:1:2:3:4'],
      printer: ['2001:db8:1:2::a']
    })
    expect(first.report.records.map((r) => r.result)).toEqual(['created', 'created', 'created'])

    standIn.resetLog()
    const again = await update(config(), { logger, client })
    expect(again.report.changed).toBe(false)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)

    standIn.resetLog()
    const moved = await update(config({ ipv6: ['2001:db8:77:8::99'] }), { logger, client })
    expect(moved.error).toBeUndefined()
    expect(aaaa()).toEqual({
      home: ['2001:db8:77:8::99'],
      nas: ['2001:db8:77:8:1:2:3:4'],
      printer: ['2001:db8:77:8::a']
    })
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
  })

  it('works without hostname, with zones discovered for the hosts’ names', async () => {
    const client = standInClient(standIn)
    const { hostedZoneId: _omit, ...rest } = config({ hostnames: [] })
    const r = await update(rest, { logger, client })
    expect(r.error).toBeUndefined()
    expect(aaaa()).toEqual({ nas: ['2001:db8:1:2:1:2:3:4'], printer: ['2001:db8:1:2::a'] })
  })

  it('state absent deletes the hosts’ AAAA records too', async () => {
    const client = standInClient(standIn)
    await update(config(), { logger, client })
    const r = await update(config({ state: 'absent', ipv6: [] }), { logger, client })
    expect(r.error).toBeUndefined()
    expect(aaaa()).toEqual({})
    expect(r.report.records.filter((x) => x.result === 'deleted')).toHaveLength(3)
  })

  it('no IPv6 address known (ip-version both, IPv6 not detected): a warning, hosts left alone', async () => {
    const client = standInClient(standIn)
    await update(config(), { logger, client })
    const r = await update(config({ ipv4: ['198.51.100.7'], ipv6: [] }), { logger, client })
    expect(r.error).toBeUndefined()
    expect(aaaa()).toEqual({
      home: ['2001:db8:1:2::99'],
      nas: ['2001:db8:1:2:1:2:3:4'],
      printer: ['2001:db8:1:2::a']
    })
    expect(warnings.join('\n')).toMatch(/ipv6-host-ids: .* left as they are/)
  })

  it('this machine’s addresses in two prefixes: an error, and nothing is written', async () => {
    const client = standInClient(standIn)
    const r = await update(config({ ipv6: ['2001:db8:1:2::99', '2001:db8:1:3::99'] }), {
      logger,
      client
    })
    expect(r.error?.message).toMatch(
      /ipv6-host-ids: .* 2 different \/64 prefixes \(2001:db8:1:2::\/64, 2001:db8:1:3::\/64\)/
    )
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
    expect(aaaa()).toEqual({})
  })
})
