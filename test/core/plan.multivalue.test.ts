// Planning one machine's member of a multivalue answer record (set-identifier).
import { describe, expect, it } from 'vitest'
import type { ResourceRecordSet } from '@aws-sdk/client-route-53'
import { planRecord, type PlanOptions, type Target } from '../../src/core/plan.js'

const HC = 'abcdef11-2222-3333-4444-555555fedcba'
const o: PlanOptions = {
  zoneId: 'ZTEST',
  state: 'present',
  ttl: 300,
  dryRun: false,
  setIdentifier: 'pi-garage'
}
const target: Target = { name: 'pool.example.com', type: 'A', values: ['198.51.100.7'] }
const member = (id: string, values: string[], extra: Partial<ResourceRecordSet> = {}) => ({
  Name: 'pool.example.com.',
  Type: 'A' as const,
  SetIdentifier: id,
  MultiValueAnswer: true,
  TTL: 300,
  ResourceRecords: values.map((Value) => ({ Value })),
  ...extra
})
const simple: ResourceRecordSet = {
  Name: 'pool.example.com.',
  Type: 'A',
  TTL: 300,
  ResourceRecords: [{ Value: '203.0.113.1' }]
}

describe('planRecord with a set identifier', () => {
  it('creates this member alone with CREATE, leaving the others out of the batch', () => {
    const others = [member('nas', ['203.0.113.2']), member('office-gw', ['203.0.113.3'])]
    const p = planRecord(target, others, { ...o, healthCheckId: HC })
    expect(p.result).toBe('created')
    expect(p.setIdentifier).toBe('pi-garage')
    expect(p.members).toEqual(['nas', 'office-gw'])
    expect(p.changes).toEqual([
      {
        Action: 'CREATE',
        ResourceRecordSet: {
          Name: 'pool.example.com.',
          Type: 'A',
          SetIdentifier: 'pi-garage',
          MultiValueAnswer: true,
          TTL: 300,
          ResourceRecords: [{ Value: '198.51.100.7' }],
          HealthCheckId: HC
        }
      }
    ])
  })

  it('is unchanged when its own values, TTL and health check match, whatever the others hold', () => {
    const mine = member('pi-garage', ['198.51.100.7'], { HealthCheckId: HC })
    const p = planRecord(target, [member('nas', ['203.0.113.2']), mine], {
      ...o,
      healthCheckId: HC
    })
    expect(p.result).toBe('unchanged')
    expect(p.changes).toEqual([])
    expect(p.members).toEqual(['nas'])
  })

  it.each([
    ['values', member('pi-garage', ['198.51.100.9']), {}],
    ['TTL', member('pi-garage', ['198.51.100.7'], { TTL: 60 }), {}],
    ['a health check added', member('pi-garage', ['198.51.100.7']), { healthCheckId: HC }],
    ['a health check removed', member('pi-garage', ['198.51.100.7'], { HealthCheckId: HC }), {}]
  ])('replaces only its own member when %s differ', (_what, mine, extra) => {
    const nas = member('nas', ['203.0.113.2'])
    const p = planRecord(target, [nas, mine], { ...o, ...extra })
    expect(p.result).toBe('updated')
    expect(p.changes).toHaveLength(2)
    expect(p.changes[0]).toEqual({ Action: 'DELETE', ResourceRecordSet: mine })
    expect(p.changes[1]?.Action).toBe('CREATE')
    expect(p.changes[1]?.ResourceRecordSet?.SetIdentifier).toBe('pi-garage')
    expect(p.changes.some((c) => c.ResourceRecordSet?.SetIdentifier === 'nas')).toBe(false)
  })

  it('with state absent deletes exactly its own member, and nothing when it has none', () => {
    const mine = member('pi-garage', ['198.51.100.7'], { TTL: 60 })
    const nas = member('nas', ['203.0.113.2'])
    const p = planRecord(target, [nas, mine], { ...o, state: 'absent' })
    expect(p.result).toBe('deleted')
    expect(p.changes).toEqual([{ Action: 'DELETE', ResourceRecordSet: mine }])
    expect(p.ttl).toBe(60)
    const none = planRecord(target, [nas], { ...o, state: 'absent', dryRun: true })
    expect(none.result).toBe('unchanged')
    expect(none.changes).toEqual([])
  })

  it('says would-create / would-update in a dry run', () => {
    expect(planRecord(target, [], { ...o, dryRun: true }).result).toBe('would-create')
    const stale = member('pi-garage', ['198.51.100.9'])
    expect(planRecord(target, [stale], { ...o, dryRun: true }).result).toBe('would-update')
  })

  it.each([
    ['a simple record', simple, /holds a simple record;/],
    [
      'an alias record',
      {
        Name: 'pool.example.com.',
        Type: 'A' as const,
        AliasTarget: { HostedZoneId: 'Z1', DNSName: 'lb.example.net.', EvaluateTargetHealth: false }
      },
      /holds an? alias record;/
    ],
    [
      'a weighted record',
      member('w', ['203.0.113.1'], { MultiValueAnswer: undefined, Weight: 10 }),
      /weighted record \(SetIdentifier 'w'\)/
    ],
    [
      'a latency record',
      member('l', ['203.0.113.1'], { MultiValueAnswer: undefined, Region: 'eu-west-1' }),
      /latency record/
    ],
    [
      'a failover record',
      member('f', ['203.0.113.1'], { MultiValueAnswer: undefined, Failover: 'PRIMARY' }),
      /failover record/
    ],
    [
      'a geolocation record',
      member('g', ['203.0.113.1'], {
        MultiValueAnswer: undefined,
        GeoLocation: { CountryCode: 'DE' }
      }),
      /geolocation record/
    ],
    [
      'a CIDR record',
      member('c', ['203.0.113.1'], {
        MultiValueAnswer: undefined,
        CidrRoutingConfig: {
          CollectionId: 'c0ffee00-0000-4000-8000-000000000000',
          LocationName: 'office'
        }
      }),
      /IP-based \(CIDR\) record/
    ]
  ])('refuses a name and type holding %s, naming it and the identifier', (_what, live, pattern) => {
    expect(() => planRecord(target, [member('nas', ['203.0.113.2']), live], o)).toThrow(pattern)
    expect(() => planRecord(target, [live], o)).toThrow(/set-identifier 'pi-garage'/)
    // Removing a member that is not there writes nothing, so there is nothing to refuse.
    const gone = planRecord(target, [live], { ...o, state: 'absent' })
    expect([gone.result, gone.changes]).toEqual(['unchanged', []])
  })

  it('refuses a CNAME at the name', () => {
    const cname: ResourceRecordSet = {
      Name: 'pool.example.com.',
      Type: 'CNAME',
      TTL: 300,
      ResourceRecords: [{ Value: 'x.example.net' }]
    }
    expect(() => planRecord(target, [cname], o)).toThrow(/CNAME/)
  })

  it('ignores records of the other family and other names', () => {
    const aaaa = { ...simple, Type: 'AAAA' as const, ResourceRecords: [{ Value: '2001:db8::1' }] }
    const other = { ...member('nas', ['203.0.113.2']), Name: 'poolx.example.com.' }
    const p = planRecord(target, [aaaa, other], o)
    expect(p.result).toBe('created')
    expect(p.members).toEqual([])
  })
})

describe('planRecord without a set identifier', () => {
  it('refuses a name holding multivalue records, naming the identifiers seen', () => {
    const live = [member('nas', ['203.0.113.2']), member('office-gw', ['203.0.113.3'])]
    const { setIdentifier: _, ...plain } = o
    expect(() => planRecord(target, live, plain)).toThrow(
      "pool.example.com A in zone ZTEST holds multivalue answer records (identifiers 'nas', 'office-gw'); refusing to overwrite them. To publish this machine as one more member, set set-identifier."
    )
    expect(() => planRecord(target, live, { ...plain, state: 'absent' })).toThrow(
      /'nas', 'office-gw'/
    )
  })

  it('reports an empty setIdentifier and no members for a simple record', () => {
    const { setIdentifier: _, ...plain } = o
    const p = planRecord(target, [], plain)
    expect(p.setIdentifier).toBe('')
    expect(p.members).toEqual([])
  })
})
