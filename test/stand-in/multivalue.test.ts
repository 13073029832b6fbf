// The stand-in's model of multivalue answer records: one record per SetIdentifier, no mixing
// with simple or other routing-policy records at a name and type, listing and paging by identifier.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  ChangeResourceRecordSetsCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type Change,
  type ResourceRecordSet
} from '@aws-sdk/client-route-53'
import { startStandIn, type StandIn } from './index.js'

let s: StandIn
let r53: Route53Client
let zoneId: string
let n = 0
let name: string

beforeAll(async () => {
  s = await startStandIn({ rateLimit: false })
  const env = s.env()
  r53 = new Route53Client({
    endpoint: s.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID!,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY!
    }
  })
  zoneId = s.addZone({ name: 'example.com' })
})
afterAll(() => s.close())
beforeEach(() => {
  name = `pool${++n}.example.com.`
})

function member(
  id: string,
  value: string,
  extra: Partial<ResourceRecordSet> = {}
): ResourceRecordSet {
  return {
    Name: name,
    Type: 'A',
    SetIdentifier: id,
    MultiValueAnswer: true,
    TTL: 60,
    ResourceRecords: [{ Value: value }],
    ...extra
  }
}
const simple = (value: string): ResourceRecordSet => ({
  Name: name,
  Type: 'A',
  TTL: 60,
  ResourceRecords: [{ Value: value }]
})

function send(...changes: Change[]): Promise<unknown> {
  return r53.send(
    new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: changes } })
  )
}
const create = (set: ResourceRecordSet): Change => ({ Action: 'CREATE', ResourceRecordSet: set })

async function refusal(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p
  } catch (e) {
    return e as { name: string; message: string }
  }
  throw new Error('expected a refusal')
}

const here = (): ResourceRecordSet[] => s.records(zoneId).filter((r) => r.Name === name)

describe('multivalue answer records in the stand-in', () => {
  it('holds one record per identifier, listed and paged by identifier', async () => {
    await send(create(member('m2', '192.0.2.2')))
    await send(create(member('m1', '192.0.2.1')), create(member('m3', '192.0.2.3')))
    const all = await r53.send(
      new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordName: name })
    )
    const at = (all.ResourceRecordSets ?? []).filter((r) => r.Name === name)
    expect(at.map((r) => r.SetIdentifier)).toEqual(['m1', 'm2', 'm3'])
    expect(at.every((r) => r.MultiValueAnswer === true)).toBe(true)

    const first = await r53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: name,
        MaxItems: 1
      })
    )
    expect(first.IsTruncated).toBe(true)
    expect([first.NextRecordName, first.NextRecordType, first.NextRecordIdentifier]).toEqual([
      name,
      'A',
      'm2'
    ])
    const next = await r53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: first.NextRecordName,
        StartRecordType: first.NextRecordType,
        StartRecordIdentifier: first.NextRecordIdentifier,
        MaxItems: 2
      })
    )
    expect(next.ResourceRecordSets?.map((r) => r.SetIdentifier)).toEqual(['m2', 'm3'])
  })

  it('refuses a second record with the same identifier', async () => {
    await send(create(member('m1', '192.0.2.1')))
    const e = await refusal(send(create(member('m1', '192.0.2.9'))))
    expect(e.name).toBe('InvalidChangeBatch')
    expect(e.message).toContain(
      `Tried to create resource record set [name='${name}', type='A', set-identifier='m1'] but it already exists`
    )
  })

  it("refuses a multivalue record next to a simple one, in Route 53's words", async () => {
    await send(create(simple('192.0.2.1')))
    const e = await refusal(send(create(member('m1', '192.0.2.2'))))
    expect(e.name).toBe('InvalidChangeBatch')
    expect(e.message).toBe(
      `[RRSet with DNS name ${name}, type A, SetIdentifier m1 cannot be created because a non multivalue answer rrset exists with the same name and type.]`
    )
    expect(here().map((r) => r.SetIdentifier)).toEqual([undefined])
  })

  it('refuses a simple record next to multivalue ones', async () => {
    await send(create(member('m1', '192.0.2.1')))
    const e = await refusal(send(create(simple('192.0.2.2'))))
    expect(e.message).toBe(
      `[RRSet with DNS name ${name}, type A cannot be created as other RRSets exist with the same name and type.]`
    )
    expect(here()).toHaveLength(1)
  })

  it('refuses mixing multivalue and weighted records either way', async () => {
    await send(create({ ...simple('192.0.2.1'), SetIdentifier: 'w1', Weight: 10 }))
    const e = await refusal(send(create(member('m1', '192.0.2.2'))))
    expect(e.message).toContain('SetIdentifier m1 cannot be created because a non multivalue')
    name = `pool${++n}.example.com.`
    await send(create(member('m1', '192.0.2.1')))
    const w = await refusal(
      send(create({ ...simple('192.0.2.2'), SetIdentifier: 'w1', Weight: 1 }))
    )
    expect(w.message).toContain(
      'SetIdentifier w1 cannot be created as a non-weighted set exists with the same name and type.'
    )
  })

  it('allows a multivalue member at the same name as a simple record of another type', async () => {
    await send(
      create({
        ...simple('2001:db8::1'),
        Type: 'AAAA',
        ResourceRecords: [{ Value: '2001:db8::1' }]
      })
    )
    await send(create(member('m1', '192.0.2.1')))
    expect(here().map((r) => `${r.Type} ${r.SetIdentifier ?? ''}`)).toEqual(['A m1', 'AAAA '])
  })

  it('requires an identifier of 1 to 128 characters, and no alias, CNAME or NS', async () => {
    const { SetIdentifier: _, ...noId } = member('x', '192.0.2.1')
    expect((await refusal(send(create(noId)))).name).toBe('InvalidInput')
    expect((await refusal(send(create(member('', '192.0.2.1'))))).name).toBe('InvalidInput')
    expect((await refusal(send(create(member('x'.repeat(129), '192.0.2.1'))))).name).toBe(
      'InvalidInput'
    )
    await send(create(member('y'.repeat(128), '192.0.2.1')))
    const cname = member('c', 'target.example.com', { Type: 'CNAME' })
    expect((await refusal(send(create(cname)))).name).toBe('InvalidInput')
  })

  it('knows health checks: unknown ids are refused, DELETE must name the same one', async () => {
    const hc = s.addHealthCheck()
    expect(hc).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    const unknown = await refusal(
      send(
        create(member('m1', '192.0.2.1', { HealthCheckId: '00000000-0000-4000-8000-000000000000' }))
      )
    )
    expect(unknown.name).toBe('NoSuchHealthCheck')
    await send(create(member('m1', '192.0.2.1', { HealthCheckId: hc })))
    expect(here()[0]?.HealthCheckId).toBe(hc)
    const wrong = await refusal(
      send({ Action: 'DELETE', ResourceRecordSet: member('m1', '192.0.2.1') })
    )
    expect(wrong.message).toContain('do not match the current values')
    await send({
      Action: 'DELETE',
      ResourceRecordSet: member('m1', '192.0.2.1', { HealthCheckId: hc })
    })
    expect(here()).toEqual([])
  })
})
