import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { discoverZones, nextCursor } from '../../src/aws/route53.js'
import { standInClient } from '../helpers/client.js'

let standIn: StandIn
const ids: Record<string, string> = {}

const client = () => standInClient(standIn)

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
  ids.example = standIn.addZone({ name: 'example.com' })
  ids.dyn = standIn.addZone({ name: 'dyn.example.com' })
  ids.dynPrivate = standIn.addZone({ name: 'dyn.example.com', private: true })
  ids.corp = standIn.addZone({ name: 'corp.example.net', private: true })
  ids.dup1 = standIn.addZone({ name: 'dup.example.org' })
  ids.dup2 = standIn.addZone({ name: 'dup.example.org' })
})
afterAll(async () => standIn?.close())

describe('discoverZones', () => {
  it('takes the longest whole-label suffix, public zones only, in one listing request', async () => {
    standIn.resetLog()
    const zones = await discoverZones(
      client(),
      ['home.dyn.example.com', 'www.example.com', 'example.com', 'a.b.dyn.example.com'],
      false
    )
    expect(zones.get('home.dyn.example.com')).toEqual({ id: ids.dyn, name: 'dyn.example.com' })
    expect(zones.get('a.b.dyn.example.com')?.id).toBe(ids.dyn)
    expect(zones.get('www.example.com')).toEqual({ id: ids.example, name: 'example.com' })
    expect(zones.get('example.com')?.id).toBe(ids.example)
    expect(standIn.count('ListHostedZonesByName')).toBe(1)
  })

  it('matches whole labels only', async () => {
    await expect(discoverZones(client(), ['www.badexample.com'], false)).rejects.toThrow(
      /No public hosted zone found for www\.badexample\.com/
    )
  })

  it('skips private zones unless asked', async () => {
    await expect(discoverZones(client(), ['db.corp.example.net'], false)).rejects.toThrow(
      /private-zone: true/
    )
    const zones = await discoverZones(client(), ['db.corp.example.net'], true)
    expect(zones.get('db.corp.example.net')?.id).toBe(ids.corp)
  })

  it('asks for hosted-zone-id when several zones share the name', async () => {
    await expect(discoverZones(client(), ['x.dup.example.org'], false)).rejects.toThrow(
      /Several hosted zones are named dup\.example\.org.*set hosted-zone-id/
    )
    // A split view (public + private) is ambiguous once private zones are considered.
    await expect(discoverZones(client(), ['home.dyn.example.com'], true)).rejects.toThrow(
      /dyn\.example\.com.*hosted-zone-id/
    )
  })

  it('pages through many zones and still finds each exactly', async () => {
    const many = await startStandIn({ rateLimit: false })
    try {
      const want: Record<string, string> = {}
      for (let i = 0; i < 250; i++) {
        const name = `z${String(i).padStart(3, '0')}.example.com`
        const id = many.addZone({ name })
        if (i % 60 === 0) want[`host.${name}`] = id
      }
      const zones = await discoverZones(standInClient(many), Object.keys(want), false)
      for (const [host, id] of Object.entries(want)) expect(zones.get(host)?.id).toBe(id)
      // Five names over 250 zones: each request jumps to the next wanted name instead of scanning.
      expect(many.count('ListHostedZonesByName')).toBeLessThanOrEqual(Object.keys(want).length + 1)
    } finally {
      await many.close()
    }
  })
})

describe('nextCursor', () => {
  const wanted = ['a.example.com', 'm.example.com', 'z.example.com']
  it.each([
    ['nothing left after the page', { name: 'zz.example.com' }, undefined],
    [
      'continues inside a wanted name with its type cursor',
      { name: 'm.example.com', type: 'AAAA' },
      { name: 'm.example.com', type: 'AAAA' }
    ],
    [
      'jumps over a gap to the next wanted name',
      { name: 'b.example.com', type: 'A' },
      { name: 'm.example.com' }
    ],
    ['no next page', undefined, undefined]
  ] as const)('%s', (_label, next, want) => {
    expect(nextCursor(wanted, next as never)).toEqual(want)
  })
})
