import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  InvalidChangeBatch,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  NoSuchChange,
  NoSuchHostedZone,
  PriorRequestNotComplete,
  Route53Client,
  Route53ServiceException
} from '@aws-sdk/client-route-53'
import type { Change, ResourceRecordSet } from '@aws-sdk/client-route-53'
import {
  AssumeRoleWithWebIdentityCommand,
  ExpiredTokenException,
  GetCallerIdentityCommand,
  InvalidIdentityTokenException,
  STSClient,
  STSServiceException
} from '@aws-sdk/client-sts'
import { ConfiguredRetryStrategy, isThrottlingError } from '@smithy/core/retry'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { startStandIn } from './index.js'
import type { StandIn, StandInOptions } from './index.js'

const ROLE = 'arn:aws:iam::111122223333:role/ddns-writer'

let s: StandIn
let r53: Route53Client
let zoneId: string

async function setup(opts: StandInOptions = {}): Promise<void> {
  s = await startStandIn({ changeSyncMs: 100, ...opts })
  const env = s.env()
  r53 = new Route53Client({
    endpoint: s.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: {
      accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '',
      secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? ''
    }
  })
  zoneId = s.addZone({ name: 'example.com' })
}

function a(name: string, values: string[], ttl = 300): ResourceRecordSet {
  return { Name: name, Type: 'A', TTL: ttl, ResourceRecords: values.map((Value) => ({ Value })) }
}

function change(...changes: Change[]): ChangeResourceRecordSetsCommand {
  return new ChangeResourceRecordSetsCommand({
    HostedZoneId: zoneId,
    ChangeBatch: { Changes: changes }
  })
}

async function fails(
  p: Promise<unknown>
): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await p
  } catch (e) {
    return e as Error & { name: string }
  }
  throw new Error('expected the call to fail')
}

function list(
  name?: string,
  type?: ResourceRecordSet['Type'],
  maxItems?: number
): Promise<{
  ResourceRecordSets?: ResourceRecordSet[]
  IsTruncated?: boolean
  NextRecordName?: string
  NextRecordType?: string
}> {
  return r53.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      ...(name !== undefined ? { StartRecordName: name } : {}),
      ...(type !== undefined ? { StartRecordType: type } : {}),
      ...(maxItems !== undefined ? { MaxItems: maxItems } : {})
    })
  )
}

describe('Route 53 records', () => {
  beforeEach(() => setup({ rateLimit: false }))
  afterEach(() => s.close())

  it('zone starts with SOA and NS at the apex, listed in AWS order', async () => {
    s.seed(zoneId, a('www.example.com', ['192.0.2.1']))
    s.seed(zoneId, a('a.example.com', ['192.0.2.2']))
    s.seed(zoneId, {
      Name: 'example.com',
      Type: 'MX',
      TTL: 300,
      ResourceRecords: [{ Value: '10 mx.example.com' }]
    })
    s.seed(zoneId, a('b.a.example.com', ['192.0.2.3']))
    const out = await list()
    expect(out.ResourceRecordSets?.map((r) => `${r.Name} ${r.Type}`)).toEqual([
      'example.com. MX',
      'example.com. NS',
      'example.com. SOA',
      'a.example.com. A',
      'b.a.example.com. A',
      'www.example.com. A'
    ])
    expect(out.IsTruncated).toBe(false)
    expect(s.records(zoneId).map((r) => r.Name)).toEqual(out.ResourceRecordSets?.map((r) => r.Name))
  })

  it('StartRecordName is a cursor: an absent name returns the next record', async () => {
    s.seed(zoneId, a('www.example.com', ['192.0.2.1']))
    s.seed(zoneId, a('zzz.example.com', ['192.0.2.2']))
    const out = await list('home.example.com', 'A', 1)
    expect(out.ResourceRecordSets?.[0]?.Name).toBe('www.example.com.')
    expect(out.IsTruncated).toBe(true)
    expect(out.NextRecordName).toBe('zzz.example.com.')
    // type is part of the cursor too
    const t = await list('www.example.com', 'AAAA', 1)
    expect(t.ResourceRecordSets?.[0]?.Name).toBe('zzz.example.com.')
    // names are matched case-insensitively, trailing dot optional
    const c = await list('WWW.Example.COM.', 'A', 1)
    expect(c.ResourceRecordSets?.[0]?.Name).toBe('www.example.com.')
  })

  it('StartRecordType without StartRecordName is InvalidInput', async () => {
    const e = await fails(list(undefined, 'A'))
    expect(e.name).toBe('InvalidInput')
  })

  it('pages with NextRecordName/NextRecordType, max 300 per page', async () => {
    for (let i = 0; i < 650; i++)
      s.seed(zoneId, a(`h${String(i).padStart(4, '0')}.example.com`, ['192.0.2.1']))
    const names: string[] = []
    let name: string | undefined
    let type: ResourceRecordSet['Type'] | undefined
    let pages = 0
    for (;;) {
      const out = await r53.send(
        new ListResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          MaxItems: 1000,
          ...(name ? { StartRecordName: name, StartRecordType: type } : {})
        })
      )
      pages++
      expect(out.ResourceRecordSets?.length).toBeLessThanOrEqual(300)
      names.push(...(out.ResourceRecordSets ?? []).map((r) => `${r.Name} ${r.Type}`))
      if (!out.IsTruncated) break
      name = out.NextRecordName
      type = out.NextRecordType
    }
    expect(pages).toBe(3)
    expect(names).toHaveLength(652)
    expect(new Set(names).size).toBe(652)
  })

  it('CREATE twice fails with InvalidChangeBatch', async () => {
    await r53.send(
      change({ Action: 'CREATE', ResourceRecordSet: a('home.example.com', ['192.0.2.1']) })
    )
    const e = await fails(
      r53.send(
        change({ Action: 'CREATE', ResourceRecordSet: a('home.example.com', ['192.0.2.9']) })
      )
    )
    expect(e).toBeInstanceOf(InvalidChangeBatch)
    // Route 53 now answers the standard ErrorResponse: all problems in one bracketed Message,
    // no <Messages> list. The SDK then sets `messages` to an EMPTY ARRAY (not undefined), so
    // `err.messages ?? [err.message]` loses the text: read `message`.
    expect((e as InvalidChangeBatch).messages).toEqual([])
    expect(e.message).toMatch(/^\[.*\]$/)
    expect(e.message).toContain(
      "Tried to create resource record set [name='home.example.com.', type='A'] but it already exists"
    )
    expect(s.records(zoneId).find((r) => r.Name === 'home.example.com.')?.ResourceRecords).toEqual([
      { Value: '192.0.2.1' }
    ])
  })

  it('DELETE must match exactly; a failing batch applies nothing', async () => {
    s.seed(zoneId, a('home.example.com', ['192.0.2.1', '192.0.2.2'], 60))
    // compare-and-swap with stale values: nothing applies
    const e = await fails(
      r53.send(
        change(
          { Action: 'DELETE', ResourceRecordSet: a('home.example.com', ['192.0.2.1'], 60) },
          { Action: 'CREATE', ResourceRecordSet: a('home.example.com', ['192.0.2.7'], 60) },
          { Action: 'CREATE', ResourceRecordSet: a('other.example.com', ['192.0.2.8']) }
        )
      )
    )
    expect(e.name).toBe('InvalidChangeBatch')
    expect(e.message).toContain('but the values provided do not match the current values')
    expect(e.message).toContain('but it already exists')
    expect(s.records(zoneId).map((r) => r.Name)).not.toContain('other.example.com.')
    // TTL mismatch also fails
    const t = await fails(
      r53.send(
        change({
          Action: 'DELETE',
          ResourceRecordSet: a('home.example.com', ['192.0.2.2', '192.0.2.1'], 300)
        })
      )
    )
    expect(t.message).toContain('do not match')
    // missing
    const m = await fails(
      r53.send(
        change({ Action: 'DELETE', ResourceRecordSet: a('gone.example.com', ['192.0.2.1']) })
      )
    )
    expect(m.message).toContain(
      "Tried to delete resource record set [name='gone.example.com.', type='A'] but it was not found"
    )
    // exact (order-insensitive) compare-and-swap succeeds
    const ok = await r53.send(
      change(
        {
          Action: 'DELETE',
          ResourceRecordSet: a('home.example.com', ['192.0.2.2', '192.0.2.1'], 60)
        },
        { Action: 'CREATE', ResourceRecordSet: a('home.example.com', ['192.0.2.7'], 60) }
      )
    )
    expect(ok.ChangeInfo?.Id).toMatch(/^\/change\/C[A-Z0-9]{13,21}$/)
    expect(ok.ChangeInfo?.Status).toBe('PENDING')
    expect(s.records(zoneId).find((r) => r.Name === 'home.example.com.')?.ResourceRecords).toEqual([
      { Value: '192.0.2.7' }
    ])
  })

  it('rejects two changes to the same set in one batch (other than DELETE then CREATE)', async () => {
    const e = await fails(
      r53.send(
        change(
          { Action: 'UPSERT', ResourceRecordSet: a('home.example.com', ['192.0.2.1']) },
          { Action: 'UPSERT', ResourceRecordSet: a('HOME.example.com.', ['192.0.2.2']) }
        )
      )
    )
    expect(e.name).toBe('InvalidChangeBatch')
    expect(e.message).toContain(
      "invalid set of changes for a resource record set 'A home.example.com.'"
    )
    expect(s.records(zoneId)).toHaveLength(2)
  })

  it('CNAME cannot coexist with other types, nor sit at the apex', async () => {
    s.seed(zoneId, a('www.example.com', ['192.0.2.1']))
    const cname = (name: string): ResourceRecordSet => ({
      Name: name,
      Type: 'CNAME',
      TTL: 300,
      ResourceRecords: [{ Value: 'target.example.net' }]
    })
    const e = await fails(
      r53.send(change({ Action: 'CREATE', ResourceRecordSet: cname('www.example.com') }))
    )
    expect(e.message).toContain('conflicts with other records with the same DNS name')
    const apex = await fails(
      r53.send(change({ Action: 'CREATE', ResourceRecordSet: cname('example.com') }))
    )
    expect(apex.name).toBe('InvalidChangeBatch')
    // replacing the A by a CNAME in one batch is fine
    await r53.send(
      change(
        { Action: 'DELETE', ResourceRecordSet: a('www.example.com', ['192.0.2.1']) },
        { Action: 'CREATE', ResourceRecordSet: cname('www.example.com') }
      )
    )
    const e2 = await fails(
      r53.send(change({ Action: 'UPSERT', ResourceRecordSet: a('www.example.com', ['192.0.2.1']) }))
    )
    expect(e2.message).toContain('conflicts')
  })

  it('escapes * as \\052 and treats both spellings as the same name', async () => {
    await r53.send(
      change({ Action: 'CREATE', ResourceRecordSet: a('*.Example.com', ['192.0.2.1']) })
    )
    const out = await list('\\052.example.com', 'A', 1)
    expect(out.ResourceRecordSets?.[0]?.Name).toBe('\\052.example.com.')
    const e = await fails(
      r53.send(
        change({ Action: 'CREATE', ResourceRecordSet: a('\\052.example.com.', ['192.0.2.1']) })
      )
    )
    expect(e.message).toContain('already exists')
    const bad = await fails(
      r53.send(change({ Action: 'CREATE', ResourceRecordSet: a('a*.example.com', ['192.0.2.1']) }))
    )
    expect(bad.name).toBe('InvalidChangeBatch')
    const mid = await fails(
      r53.send(change({ Action: 'CREATE', ResourceRecordSet: a('a.*.example.com', ['192.0.2.1']) }))
    )
    expect(mid.name).toBe('InvalidChangeBatch')
  })

  it('rejects names outside the zone, whole labels only', async () => {
    const e = await fails(
      r53.send(
        change({ Action: 'CREATE', ResourceRecordSet: a('home.badexample.com', ['192.0.2.1']) })
      )
    )
    expect(e.name).toBe('InvalidChangeBatch')
    expect(e.message).toContain(
      'RRSet with DNS name home.badexample.com. is not permitted in zone example.com.'
    )
  })

  it('validates values, TTL, name lengths and quotas', async () => {
    const bad = async (set: ResourceRecordSet, code: string, text?: string): Promise<void> => {
      const e = await fails(r53.send(change({ Action: 'UPSERT', ResourceRecordSet: set })))
      expect(e.name).toBe(code)
      if (text) expect(e.message).toContain(text)
    }
    await bad(
      a('x.example.com', ['192.0.2.256']),
      'InvalidChangeBatch',
      'ARRDATAIllegalIPv4Address'
    )
    await bad(a('x.example.com', ['01.2.3.4']), 'InvalidChangeBatch', 'ARRDATAIllegalIPv4Address')
    await bad({ ...a('x.example.com', ['192.0.2.1']), Type: 'AAAA' }, 'InvalidChangeBatch', 'IPv6')
    await bad({ ...a('x.example.com', ['hello']), Type: 'TXT' }, 'InvalidChangeBatch', 'quotation')
    await bad(a('x.example.com', ['192.0.2.1'], -1), 'InvalidInput')
    await bad(a('x.example.com', ['192.0.2.1'], 2147483648), 'InvalidInput')
    await bad(
      { Name: 'x.example.com', Type: 'A', ResourceRecords: [{ Value: '192.0.2.1' }] },
      'InvalidInput'
    )
    await bad(
      a(`${'a'.repeat(64)}.example.com`, ['192.0.2.1']),
      'InvalidChangeBatch',
      'DomainLabelTooLong'
    )
    const long = Array.from({ length: 5 }, () => 'b'.repeat(50)).join('.') + '.example.com'
    await bad(a(long, ['192.0.2.1']), 'InvalidChangeBatch', 'DomainNameTooLong')
    const many = Array.from({ length: 401 }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}`)
    await bad(a('x.example.com', many), 'InvalidChangeBatch', '400')
    // 3 UPSERTs of 200 values = 1200 records (UPSERT counts twice)
    const vals = Array.from({ length: 200 }, (_, i) => `10.1.${Math.floor(i / 256)}.${i % 256}`)
    const e = await fails(
      r53.send(
        change(
          { Action: 'UPSERT', ResourceRecordSet: a('p.example.com', vals) },
          { Action: 'UPSERT', ResourceRecordSet: a('q.example.com', vals) },
          { Action: 'UPSERT', ResourceRecordSet: a('r.example.com', vals) }
        )
      )
    )
    expect(e.message).toContain('Number of records limit of 1000 exceeded.')
    expect(s.records(zoneId)).toHaveLength(2)
    // 1000 exactly as CREATE is fine
    const ok = Array.from({ length: 5 }, (_, k) => ({
      Action: 'CREATE' as const,
      ResourceRecordSet: a(`c${k}.example.com`, vals)
    }))
    await r53.send(change(...ok))
  })

  it('GetChange goes PENDING then INSYNC; unknown id is NoSuchChange', async () => {
    const out = await r53.send(
      change({ Action: 'UPSERT', ResourceRecordSet: a('home.example.com', ['192.0.2.1']) })
    )
    const id = out.ChangeInfo?.Id ?? ''
    expect((await r53.send(new GetChangeCommand({ Id: id }))).ChangeInfo?.Status).toBe('PENDING')
    // pending changes are visible in the list
    expect((await list('home.example.com', 'A', 1)).ResourceRecordSets?.[0]?.Name).toBe(
      'home.example.com.'
    )
    await new Promise((r) => setTimeout(r, 120))
    expect((await r53.send(new GetChangeCommand({ Id: id }))).ChangeInfo?.Status).toBe('INSYNC')
    const e = await fails(r53.send(new GetChangeCommand({ Id: 'C0000000000000NOPE' })))
    expect(e).toBeInstanceOf(NoSuchChange)
  })

  it('unknown zone is NoSuchHostedZone (404), malformed id InvalidInput', async () => {
    const e = await fails(
      r53.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'Z0000000000000000NONE' }))
    )
    expect(e).toBeInstanceOf(NoSuchHostedZone)
    expect(e.$metadata?.httpStatusCode).toBe(404)
    const m = await fails(
      r53.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'Z'.repeat(40) }))
    )
    expect(m.name).toBe('InvalidInput')
    const hz = await r53.send(new GetHostedZoneCommand({ Id: `/hostedzone/${zoneId}` }))
    expect(hz.HostedZone?.Name).toBe('example.com.')
    expect(hz.DelegationSet?.NameServers).toHaveLength(4)
  })

  it('alias sets list with AliasTarget and no TTL; weighted sets keep SetIdentifier', async () => {
    s.seed(zoneId, a('origin.example.com', ['192.0.2.1']))
    s.seed(zoneId, {
      Name: 'www.example.com',
      Type: 'A',
      AliasTarget: {
        HostedZoneId: zoneId,
        DNSName: 'origin.example.com',
        EvaluateTargetHealth: false
      }
    })
    s.seed(zoneId, { ...a('w.example.com', ['192.0.2.1']), SetIdentifier: 'one', Weight: 10 })
    s.seed(zoneId, { ...a('w.example.com', ['192.0.2.2']), SetIdentifier: 'two', Weight: 20 })
    const out = await list('w.example.com')
    const w = out.ResourceRecordSets ?? []
    expect(w.map((r) => r.SetIdentifier)).toEqual(['one', 'two', undefined])
    expect(w[2]?.AliasTarget?.DNSName).toBe('origin.example.com.')
    expect(w[2]?.TTL).toBeUndefined()
    expect(w[2]?.ResourceRecords).toBeUndefined()
    // a plain UPSERT must not clobber a weighted set
    const e = await fails(
      r53.send(change({ Action: 'UPSERT', ResourceRecordSet: a('w.example.com', ['192.0.2.3']) }))
    )
    expect(e.name).toBe('InvalidChangeBatch')
    const page = await r53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: 'w.example.com',
        StartRecordType: 'A',
        MaxItems: 1
      })
    )
    expect(page.NextRecordIdentifier).toBe('two')
  })
})

describe('ListHostedZonesByName', () => {
  beforeEach(() => setup({ rateLimit: false }))
  afterEach(() => s.close())

  it('orders by reversed labels then id, starts at the cursor, pages', async () => {
    const priv = s.addZone({ name: 'example.com', private: true, id: 'Z00000000000000000001' })
    s.addZone({ name: 'badexample.com' })
    s.addZone({ name: 'sub.example.com' })
    s.addZone({ name: 'example.org' })
    const all = await r53.send(new ListHostedZonesByNameCommand({}))
    expect(all.HostedZones?.map((z) => z.Name)).toEqual([
      'badexample.com.',
      'example.com.',
      'example.com.',
      'sub.example.com.',
      'example.org.'
    ])
    expect(all.HostedZones?.[1]?.Id).toBe(`/hostedzone/${priv}`)
    expect(all.HostedZones?.[1]?.Config?.PrivateZone).toBe(true)
    expect(all.HostedZones?.[2]?.Id).toBe(`/hostedzone/${zoneId}`)
    expect(all.HostedZones?.[2]?.ResourceRecordSetCount).toBe(2)
    // cursor, not filter
    const from = await r53.send(new ListHostedZonesByNameCommand({ DNSName: 'home.example.com' }))
    expect(from.HostedZones?.[0]?.Name).toBe('sub.example.com.')
    const page = await r53.send(
      new ListHostedZonesByNameCommand({ DNSName: 'example.com', MaxItems: 1 })
    )
    expect(page.HostedZones?.map((z) => z.Id)).toEqual([`/hostedzone/${priv}`])
    expect(page.IsTruncated).toBe(true)
    expect(page.NextDNSName).toBe('example.com.')
    expect(page.NextHostedZoneId).toBe(zoneId)
    const next = await r53.send(
      new ListHostedZonesByNameCommand({
        DNSName: page.NextDNSName,
        HostedZoneId: page.NextHostedZoneId,
        MaxItems: 1
      })
    )
    expect(next.HostedZones?.[0]?.Id).toBe(`/hostedzone/${zoneId}`)
  })
})

describe('rate limits, prior requests, faults', () => {
  afterEach(() => s.close())

  it('token bucket answers Throttling, which the SDK classifies as throttling', async () => {
    await setup({ rateLimit: { burst: 3, refillPerSecond: 1 } })
    for (let i = 0; i < 3; i++) await list()
    const e = await fails(list())
    expect(e).toBeInstanceOf(Route53ServiceException)
    expect(e.name).toBe('Throttling')
    expect(e.message).toBe('Rate exceeded')
    expect(e.$metadata?.httpStatusCode).toBe(400)
    expect(isThrottlingError(e as never)).toBe(true)
    expect(s.requests.at(-1)?.errorCode).toBe('Throttling')
  })

  it('the SDK retries a throttled call', async () => {
    await setup({ rateLimit: false })
    const c = new Route53Client({
      endpoint: s.url,
      region: 'us-east-1',
      retryStrategy: new ConfiguredRetryStrategy(3, () => 10),
      credentials: r53.config.credentials
    })
    s.inject({ operation: 'ListResourceRecordSets', error: 'Throttling', times: 1 })
    const out = await c.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }))
    expect(out.$metadata.attempts).toBe(2)
    expect(s.count('ListResourceRecordSets')).toBe(2)
  })

  it('PriorRequestNotComplete within the window, per zone', async () => {
    await setup({ rateLimit: false, priorRequestWindowMs: 150 })
    const other = s.addZone({ name: 'example.net' })
    await r53.send(
      change({ Action: 'UPSERT', ResourceRecordSet: a('h.example.com', ['192.0.2.1']) })
    )
    const e = await fails(
      r53.send(change({ Action: 'UPSERT', ResourceRecordSet: a('h.example.com', ['192.0.2.2']) }))
    )
    expect(e).toBeInstanceOf(PriorRequestNotComplete)
    expect(isThrottlingError(e as never)).toBe(true)
    await r53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: other,
        ChangeBatch: {
          Changes: [{ Action: 'UPSERT', ResourceRecordSet: a('h.example.net', ['192.0.2.1']) }]
        }
      })
    )
    await new Promise((r) => setTimeout(r, 160))
    await r53.send(
      change({ Action: 'UPSERT', ResourceRecordSet: a('h.example.com', ['192.0.2.2']) })
    )
  })

  it('injects faults: errors, afterMatches, zone filter, Drop and Delay', async () => {
    await setup({ rateLimit: false })
    s.inject({ operation: 'ListResourceRecordSets', error: 'InternalError', afterMatches: 1 })
    await list()
    const e = await fails(list())
    expect(e.$metadata?.httpStatusCode).toBe(500)
    await list()
    s.inject({ zoneId: 'Z0000000000000000OTHER', error: 'ServiceUnavailable' })
    await list()
    s.inject({ operation: 'ListResourceRecordSets', error: 'Drop' })
    const d = await fails(list())
    expect(d.name).not.toBe('Route53ServiceException')
    expect(s.requests.at(-1)).toMatchObject({ status: 0, errorCode: 'Drop' })
    s.inject({ operation: 'ListHostedZonesByName', error: 'Delay', delayMs: 80 })
    const t0 = Date.now()
    await r53.send(new ListHostedZonesByNameCommand({}))
    expect(Date.now() - t0).toBeGreaterThanOrEqual(70)
    s.inject({ operation: 'ChangeResourceRecordSets', error: 'AccessDenied' })
    const ad = await fails(
      r53.send(change({ Action: 'UPSERT', ResourceRecordSet: a('h.example.com', ['192.0.2.1']) }))
    )
    expect(ad.name).toBe('AccessDenied')
    expect(s.records(zoneId)).toHaveLength(2)
  })

  it('models lost answers (apply, then 500 or a reset) and a captive portal (200 HTML, nothing applied)', async () => {
    await setup({ rateLimit: false })
    const upsert = (v: string) =>
      change({ Action: 'UPSERT', ResourceRecordSet: a('lost.example.com', [v]) })
    const value = () =>
      s.records(zoneId).find((r) => r.Name === 'lost.example.com.')?.ResourceRecords?.[0]?.Value

    s.inject({ operation: 'ChangeResourceRecordSets', error: 'ApplyThenInternalError' })
    const e = await fails(r53.send(upsert('192.0.2.1')))
    expect(e.name).toBe('InternalError')
    expect(e.$metadata?.httpStatusCode).toBe(500)
    expect(value()).toBe('192.0.2.1')

    s.inject({ operation: 'ChangeResourceRecordSets', error: 'ApplyThenDrop' })
    const d = await fails(r53.send(upsert('192.0.2.2')))
    expect(d.$metadata?.httpStatusCode).toBeUndefined()
    expect(value()).toBe('192.0.2.2')
    expect(s.requests.at(-1)).toMatchObject({ status: 0, errorCode: 'ApplyThenDrop' })

    // The SDK reads a 200 HTML page as an empty success: the stand-in applied nothing.
    s.inject({ operation: 'ChangeResourceRecordSets', error: 'HtmlPage' })
    const out = await r53.send(upsert('192.0.2.3'))
    expect(out.ChangeInfo).toBeUndefined()
    expect(value()).toBe('192.0.2.2')
    expect(s.requests.at(-1)).toMatchObject({ status: 200, errorCode: 'HtmlPage' })
  })

  it('logs every request with operation, zone, status and access key', async () => {
    await setup({ rateLimit: false })
    await list()
    await fails(list(undefined, 'A'))
    await r53.send(new ListHostedZonesByNameCommand({}))
    expect(s.count()).toBe(3)
    expect(s.count('ListResourceRecordSets')).toBe(2)
    expect(s.requests[0]).toMatchObject({
      service: 'route53',
      operation: 'ListResourceRecordSets',
      zoneId,
      status: 200,
      accessKeyId: s.env()['AWS_ACCESS_KEY_ID']
    })
    expect(s.requests[1]).toMatchObject({ status: 400, errorCode: 'InvalidInput' })
    s.resetLog()
    expect(s.count()).toBe(0)
    const admin = await fetch(`${s.url}/__standin/records?zone=${zoneId}`)
    expect(((await admin.json()) as unknown[]).length).toBe(2)
  })

  it('rejects unknown access keys', async () => {
    await setup({ rateLimit: false })
    const c = new Route53Client({
      endpoint: s.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIAXXXXXXXXXXXXXXXX', secretAccessKey: 'x' }
    })
    const e = await fails(c.send(new ListHostedZonesByNameCommand({})))
    expect(e.name).toBe('InvalidClientTokenId')
    expect(e.$metadata?.httpStatusCode).toBe(403)
  })
})

describe('authorize hook', () => {
  beforeEach(() => setup({ rateLimit: false }))
  afterEach(() => s.close())

  it('passes action, resource and condition keys; false → AccessDenied', async () => {
    const seen: Array<{ action: string; resource: string; context: Record<string, string[]> }> = []
    s.setAuthorize((req) => {
      seen.push(req)
      return !(req.context['route53:ChangeResourceRecordSetsActions'] ?? []).includes('DELETE')
    })
    await r53.send(
      change(
        { Action: 'UPSERT', ResourceRecordSet: a('*.Home.example.com.', ['192.0.2.1']) },
        {
          Action: 'UPSERT',
          ResourceRecordSet: { ...a('home.example.com', ['::1']), Type: 'AAAA' }
        },
        { Action: 'UPSERT', ResourceRecordSet: a('home.example.com', ['192.0.2.1']) }
      )
    )
    expect(seen[0]).toMatchObject({
      action: 'route53:ChangeResourceRecordSets',
      resource: `arn:aws:route53:::hostedzone/${zoneId}`,
      context: {
        'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
          '\\052.home.example.com',
          'home.example.com'
        ],
        'route53:ChangeResourceRecordSetsRecordTypes': ['A', 'AAAA'],
        'route53:ChangeResourceRecordSetsActions': ['UPSERT']
      }
    })
    const e = await fails(
      r53.send(
        change(
          { Action: 'DELETE', ResourceRecordSet: a('home.example.com', ['192.0.2.1']) },
          { Action: 'CREATE', ResourceRecordSet: a('home.example.com', ['192.0.2.2']) }
        )
      )
    )
    expect(e.name).toBe('AccessDenied')
    expect(e.$metadata?.httpStatusCode).toBe(403)
    expect(e.message).toBe(
      `User: arn:aws:iam::111122223333:user/stand-in-test is not authorized to perform: route53:ChangeResourceRecordSets on resource: arn:aws:route53:::hostedzone/${zoneId} because no identity-based policy allows the route53:ChangeResourceRecordSets action`
    )
    await r53.send(new ListHostedZonesByNameCommand({}))
    expect(seen.at(-1)).toMatchObject({ action: 'route53:ListHostedZonesByName', resource: '*' })
    const id = (
      await r53.send(
        change({ Action: 'UPSERT', ResourceRecordSet: a('x.example.com', ['192.0.2.1']) })
      )
    ).ChangeInfo?.Id
    await r53.send(new GetChangeCommand({ Id: id }))
    expect(seen.at(-1)?.resource).toBe(`arn:aws:route53:::change/${id?.replace('/change/', '')}`)
  })
})

describe('OIDC and STS', () => {
  afterEach(() => s.close())

  async function idToken(audience = 'sts.amazonaws.com', bearer?: string): Promise<Response> {
    const env = s.env()
    return fetch(
      `${env['ACTIONS_ID_TOKEN_REQUEST_URL']}&audience=${encodeURIComponent(audience)}`,
      {
        headers: { Authorization: `Bearer ${bearer ?? env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']}` }
      }
    )
  }
  const sts = (): STSClient =>
    new STSClient({ endpoint: s.url, region: 'us-east-1', maxAttempts: 1 })
  const assume = (
    token: string,
    extra: { RoleArn?: string; DurationSeconds?: number; RoleSessionName?: string } = {}
  ) =>
    sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: ROLE,
        RoleSessionName: 'ddns-run-1',
        WebIdentityToken: token,
        ...extra
      })
    )

  it('issues a JWT to the bearer, exchanges it for working credentials', async () => {
    await setup({ rateLimit: false })
    s.addRole({ arn: ROLE, subject: 'repo:octo/demo:ref:refs/heads/main' })
    expect((await idToken('sts.amazonaws.com', 'wrong')).status).toBe(401)
    const res = await idToken()
    expect(res.status).toBe(200)
    const { value } = (await res.json()) as { value: string }
    expect(s.issuedTokens()).toEqual([value])
    const claims = JSON.parse(
      Buffer.from(value.split('.')[1] ?? '', 'base64url').toString()
    ) as Record<string, unknown>
    expect(claims).toMatchObject({
      aud: 'sts.amazonaws.com',
      sub: 'repo:octo/demo:ref:refs/heads/main',
      iss: 'https://token.actions.githubusercontent.com'
    })
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(300)
    const out = await assume(value)
    const c = out.Credentials
    expect(c?.AccessKeyId).toMatch(/^ASIA/)
    expect(out.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::111122223333:assumed-role/ddns-writer/ddns-run-1'
    )
    expect(s.issuedCredentials()[0]?.accessKeyId).toBe(c?.AccessKeyId)
    const client = new Route53Client({
      endpoint: s.url,
      region: 'us-east-1',
      credentials: {
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: c?.SecretAccessKey ?? '',
        sessionToken: c?.SessionToken ?? ''
      }
    })
    await client.send(new ListHostedZonesByNameCommand({}))
    expect(s.requests.at(-1)?.accessKeyId).toBe(c?.AccessKeyId)
    const who = await new STSClient({
      endpoint: s.url,
      region: 'us-east-1',
      credentials: client.config.credentials
    }).send(new GetCallerIdentityCommand({}))
    expect(who.Arn).toBe('arn:aws:sts::111122223333:assumed-role/ddns-writer/ddns-run-1')
    const bad = new Route53Client({
      endpoint: s.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: {
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: 'x',
        sessionToken: 'forged'
      }
    })
    expect((await fails(bad.send(new ListHostedZonesByNameCommand({})))).name).toBe(
      'InvalidClientTokenId'
    )
  })

  it('rejects foreign tokens, bad ARNs, bad durations, bad session names, wrong audience/subject', async () => {
    await setup({ rateLimit: false })
    s.addRole({ arn: ROLE, subject: 'repo:octo/demo:ref:refs/heads/main' })
    const { value } = (await (await idToken()).json()) as { value: string }
    const parts = value.split('.')
    const forged = `${parts[0]}.${parts[1]}.AAAA`
    const e1 = await fails(assume(forged))
    expect(e1).toBeInstanceOf(InvalidIdentityTokenException)
    const e2 = await fails(assume(value, { RoleArn: 'arn:aws:iam::role/x-not-an-arn' }))
    expect(e2.name).toBe('ValidationError')
    expect(e2).toBeInstanceOf(STSServiceException)
    const e3 = await fails(assume(value, { RoleArn: 'arn:aws:iam::111122223333:role/other' }))
    expect(e3.name).toBe('AccessDenied')
    const e4 = await fails(assume(value, { DurationSeconds: 899 }))
    expect(e4.name).toBe('ValidationError')
    const e5 = await fails(assume(value, { DurationSeconds: 3601 }))
    expect(e5.message).toContain('MaxSessionDuration')
    const e6 = await fails(assume(value, { RoleSessionName: 'has space' }))
    expect(e6.name).toBe('ValidationError')
    const e7 = await fails(assume(value, { RoleSessionName: 'x' }))
    expect(e7.name).toBe('ValidationError')
    const wrongAud = (
      (await (await idToken('https://github.com/octo')).json()) as { value: string }
    ).value
    expect(await fails(assume(wrongAud))).toBeInstanceOf(InvalidIdentityTokenException)
    s.setOidcSubject('repo:octo/demo:pull_request')
    const pr = ((await (await idToken()).json()) as { value: string }).value
    const e8 = await fails(assume(pr))
    expect(e8.name).toBe('AccessDenied')
    expect(e8.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity')
    expect(s.count('AssumeRoleWithWebIdentity')).toBe(9)
  })

  it('rejects expired tokens and expired credentials', async () => {
    let clock = Date.now()
    await setup({ rateLimit: false, now: () => clock })
    s.addRole({ arn: ROLE })
    const { value } = (await (await idToken()).json()) as { value: string }
    const out = await assume(value, { DurationSeconds: 900 })
    clock += 301_000
    expect(await fails(assume(value))).toBeInstanceOf(ExpiredTokenException)
    clock += 900_000
    const c = out.Credentials
    const client = new Route53Client({
      endpoint: s.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: {
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: c?.SecretAccessKey ?? '',
        sessionToken: c?.SessionToken ?? ''
      }
    })
    expect((await fails(client.send(new ListHostedZonesByNameCommand({})))).name).toBe(
      'ExpiredToken'
    )
  })

  it('OIDC faults: 500 and Delay', async () => {
    await setup({ rateLimit: false })
    s.inject({ operation: 'GetIDToken', error: 'InternalError' })
    expect((await idToken()).status).toBe(500)
    expect((await idToken()).status).toBe(200)
    s.inject({ operation: 'AssumeRoleWithWebIdentity', error: 'InvalidIdentityToken' })
    expect(await fails(assume('xxxx'))).toBeInstanceOf(InvalidIdentityTokenException)
  })

  it('SDK picks the endpoints up from env()', async () => {
    await setup({ rateLimit: false })
    const saved = { ...process.env }
    Object.assign(process.env, s.env())
    try {
      const c = new Route53Client({})
      const out = await c.send(new ListHostedZonesByNameCommand({}))
      expect(out.HostedZones?.[0]?.Id).toBe(`/hostedzone/${zoneId}`)
    } finally {
      process.env = saved
    }
  })
})

describe('authorization order', () => {
  beforeEach(() => setup({ rateLimit: false }))
  afterEach(() => s.close())

  it('denies before revealing whether a zone exists or a batch is valid', async () => {
    s.setAuthorize(() => false)
    const e = await fails(
      r53.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'Z0000000000000000NONE' }))
    )
    expect(e.name).toBe('AccessDenied')
    const b = await fails(
      r53.send(change({ Action: 'CREATE', ResourceRecordSet: a('x.example.com', ['bad']) }))
    )
    expect(b.name).toBe('AccessDenied')
    s.setAuthorize()
    await list()
  })
})

describe('serve.ts', () => {
  it('prints one JSON line, serves the SDK and the admin endpoints, exits on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'test/stand-in/serve.ts',
        '--zone',
        'example.com',
        '--rate-limit',
        'off'
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve)
        child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)))
      })
      const info = JSON.parse(line) as {
        url: string
        env: Record<string, string>
        zones: Record<string, string>
      }
      const id = info.zones['example.com'] ?? ''
      expect(id).toMatch(/^Z[A-Z0-9]{13,21}$/)
      expect(info.env['AWS_ENDPOINT_URL_ROUTE_53']).toBe(info.url)
      const c = new Route53Client({
        endpoint: info.url,
        region: 'us-east-1',
        credentials: {
          accessKeyId: info.env['AWS_ACCESS_KEY_ID'] ?? '',
          secretAccessKey: info.env['AWS_SECRET_ACCESS_KEY'] ?? ''
        }
      })
      await c.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: id,
          ChangeBatch: {
            Changes: [{ Action: 'CREATE', ResourceRecordSet: a('h.example.com', ['192.0.2.1']) }]
          }
        })
      )
      const log = (await (await fetch(`${info.url}/__standin/requests`)).json()) as Array<{
        operation: string
      }>
      expect(log.map((e) => e.operation)).toEqual(['ChangeResourceRecordSets'])
      const recs = (await (
        await fetch(`${info.url}/__standin/records?zone=${id}`)
      ).json()) as ResourceRecordSet[]
      expect(recs.map((r) => r.Name)).toContain('h.example.com.')
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
  }, 20_000)
})
