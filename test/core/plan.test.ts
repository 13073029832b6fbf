import { describe, expect, it } from 'vitest'
import type { Change, ResourceRecordSet } from '@aws-sdk/client-route-53'
import { planRecord, refusal, splitBatches, type Target } from '../../src/core/plan.js'

const zone = { zoneId: 'ZTEST', state: 'present' as const, ttl: 300, dryRun: false }
const a = (values: string[], ttl = 300, name = 'home.example.com.'): ResourceRecordSet => ({
  Name: name,
  Type: 'A',
  TTL: ttl,
  ResourceRecords: values.map((Value) => ({ Value }))
})
const target: Target = { name: 'home.example.com', type: 'A', values: ['198.51.100.7'] }

describe('planRecord', () => {
  it('creates with CREATE alone when absent', () => {
    const p = planRecord(target, [], zone)
    expect(p.result).toBe('created')
    expect(p.before).toEqual([])
    expect(p.changes).toEqual([
      {
        Action: 'CREATE',
        ResourceRecordSet: {
          Name: 'home.example.com.',
          Type: 'A',
          TTL: 300,
          ResourceRecords: [{ Value: '198.51.100.7' }]
        }
      }
    ])
  })

  it('ignores the next record that the cursor returns for an absent name', () => {
    const p = planRecord(target, [a(['203.0.113.9'], 300, 'homer.example.com.')], zone)
    expect(p.result).toBe('created')
  })

  it('is unchanged when values (in any order and form) and TTL match', () => {
    const t: Target = {
      name: 'home.example.com',
      type: 'AAAA',
      values: ['2001:db8::1', '2001:db8::2']
    }
    const live: ResourceRecordSet = {
      Name: 'home.example.com.',
      Type: 'AAAA',
      TTL: 300,
      ResourceRecords: [{ Value: '2001:DB8:0::2' }, { Value: '2001:db8:0:0::1' }]
    }
    const p = planRecord(t, [live], zone)
    expect(p.result).toBe('unchanged')
    expect(p.changes).toEqual([])
  })

  it('replaces with DELETE of exactly what was read, then CREATE', () => {
    const live = a(['203.0.113.9'])
    const p = planRecord(target, [live], zone)
    expect(p.result).toBe('updated')
    expect(p.changes[0]).toEqual({ Action: 'DELETE', ResourceRecordSet: live })
    expect(p.changes[1]?.Action).toBe('CREATE')
    expect(p.before).toEqual(['203.0.113.9'])
  })

  it('treats a TTL difference as a change', () => {
    expect(planRecord(target, [a(['198.51.100.7'], 60)], zone).result).toBe('updated')
  })

  it('reports would-* in a dry run', () => {
    expect(planRecord(target, [], { ...zone, dryRun: true }).result).toBe('would-create')
    expect(planRecord(target, [a(['1.1.1.1'])], { ...zone, dryRun: true }).result).toBe(
      'would-update'
    )
    expect(
      planRecord(target, [a(['1.1.1.1'])], { ...zone, state: 'absent', dryRun: true }).result
    ).toBe('would-delete')
  })

  it('deletes exactly what was read for state absent, and is unchanged when already gone', () => {
    const live = a(['203.0.113.9'], 60)
    const p = planRecord(target, [live], { ...zone, state: 'absent' })
    expect(p.result).toBe('deleted')
    expect(p.changes).toEqual([{ Action: 'DELETE', ResourceRecordSet: live }])
    expect(p.ttl).toBe(60)
    expect(planRecord(target, [], { ...zone, state: 'absent' }).result).toBe('unchanged')
  })

  it.each([
    [
      'a CNAME',
      {
        Name: 'home.example.com.',
        Type: 'CNAME',
        TTL: 300,
        ResourceRecords: [{ Value: 'x.example.net' }]
      },
      /CNAME/
    ],
    [
      'an alias',
      {
        Name: 'home.example.com.',
        Type: 'A',
        AliasTarget: { DNSName: 'lb.example.net.', HostedZoneId: 'Z1', EvaluateTargetHealth: false }
      },
      /alias/
    ],
    ['a weighted set', { ...a(['1.1.1.1']), SetIdentifier: 'blue', Weight: 10 }, /routing-policy/]
  ] as [string, ResourceRecordSet, RegExp][])('refuses a name holding %s', (_what, set, why) => {
    expect(() => planRecord(target, [set], zone)).toThrow(why)
    expect(() => planRecord(target, [set], zone)).toThrow(/home\.example\.com/)
  })

  const aaaa = (over: Partial<ResourceRecordSet>): ResourceRecordSet => ({
    Name: 'home.example.com.',
    Type: 'AAAA',
    ...over
  })
  const aliasTarget = {
    DNSName: 'lb.example.net.',
    HostedZoneId: 'Z1',
    EvaluateTargetHealth: false
  }
  it.each([
    ['an alias AAAA', 'A', aaaa({ AliasTarget: aliasTarget }), /alias/],
    [
      'a weighted AAAA',
      'A',
      aaaa({
        SetIdentifier: 'blue',
        Weight: 10,
        TTL: 60,
        ResourceRecords: [{ Value: '2001:db8::1' }]
      }),
      /weighted AAAA record set \(SetIdentifier 'blue'\)/
    ],
    [
      'an alias A',
      'AAAA',
      { ...a([]), ResourceRecords: undefined, TTL: undefined, AliasTarget: aliasTarget },
      /alias/
    ],
    [
      'a latency A',
      'AAAA',
      { ...a(['1.1.1.1']), SetIdentifier: 'eu', Region: 'eu-west-1' },
      /latency A record set \(SetIdentifier 'eu'\)/
    ]
  ] as [string, 'A' | 'AAAA', ResourceRecordSet, RegExp][])(
    'refuses the whole name holding %s when publishing only %s, whatever the state',
    (_what, type, set, why) => {
      const t: Target = {
        name: 'home.example.com',
        type,
        values: type === 'A' ? ['198.51.100.7'] : ['2001:db8::7']
      }
      for (const state of ['present', 'absent'] as const) {
        expect(() => planRecord(t, [set], { ...zone, state })).toThrow(why)
        expect(() => planRecord(t, [set], { ...zone, state })).toThrow(/home\.example\.com/)
      }
      expect(refusal(t, [set], zone)).toMatch(why)
    }
  )

  it('a multivalue member shares the name with members of either family, nothing else', () => {
    const member = { ...zone, setIdentifier: 'pi' }
    const t: Target = { name: 'home.example.com', type: 'A', values: ['198.51.100.7'] }
    const mv = aaaa({
      SetIdentifier: 'nas',
      MultiValueAnswer: true,
      TTL: 60,
      ResourceRecords: [{ Value: '2001:db8::1' }]
    })
    expect(refusal(t, [mv], member)).toBeUndefined()
    expect(
      refusal(t, [aaaa({ TTL: 60, ResourceRecords: [{ Value: '2001:db8::1' }] })], member)
    ).toBeUndefined()
    expect(refusal(t, [aaaa({ AliasTarget: aliasTarget })], member)).toMatch(
      /holds an alias AAAA record; refusing/
    )
    expect(
      refusal(t, [aaaa({ SetIdentifier: 'blue', Weight: 1, TTL: 60, ResourceRecords: [] })], member)
    ).toMatch(/holds a weighted AAAA record \(SetIdentifier 'blue'\); refusing/)
    // Leaving a name this machine has no member at writes nothing, so nothing is refused.
    expect(
      refusal(t, [aaaa({ AliasTarget: aliasTarget })], { ...member, state: 'absent' })
    ).toBeUndefined()
  })

  it('names every member of the other family, not only the first', () => {
    const t: Target = { name: 'home.example.com', type: 'A', values: ['198.51.100.7'] }
    const mv = (id: string, v: string): ResourceRecordSet =>
      aaaa({ SetIdentifier: id, MultiValueAnswer: true, TTL: 60, ResourceRecords: [{ Value: v }] })
    const here = [mv('gw-2', '2001:db8::2'), mv('gw-1', '2001:db8::1')]
    expect(refusal(t, here, zone)).toBe(
      "home.example.com holds multivalue answer AAAA record sets (identifiers 'gw-1', 'gw-2') in zone ZTEST; refusing to write its A beside them. Remove them or choose another name."
    )
    const weighted = (id: string): ResourceRecordSet =>
      aaaa({ SetIdentifier: id, Weight: 1, TTL: 60, ResourceRecords: [{ Value: '2001:db8::1' }] })
    // A machine publishing its own A member is refused by every weighted AAAA, all named.
    expect(
      refusal(t, [weighted('blue'), weighted('green')], { ...zone, setIdentifier: 'pi' })
    ).toMatch(/holds weighted AAAA records \(identifiers 'blue', 'green'\); refusing/)
  })

  it('names every member of a routing policy of its own family', () => {
    const w = (id: string): ResourceRecordSet => ({
      ...a(['1.1.1.1']),
      SetIdentifier: id,
      Weight: 1
    })
    expect(refusal(target, [w('w-2'), w('w-1')], zone)).toMatch(
      /has routing-policy record sets \(weighted, identifiers 'w-1', 'w-2'\); refusing to overwrite them/
    )
  })

  it('a plain set of the other family does not stop the name', () => {
    const other = aaaa({ TTL: 300, ResourceRecords: [{ Value: '2001:db8::1' }] })
    expect(refusal(target, [other], zone)).toBeUndefined()
    expect(planRecord(target, [other], zone).result).toBe('created')
  })

  it('matches wildcard names listed as \\052', () => {
    const t: Target = { name: '*.example.com', type: 'A', values: ['198.51.100.7'] }
    const p = planRecord(t, [a(['198.51.100.7'], 300, '\\052.example.com.')], zone)
    expect(p.result).toBe('unchanged')
  })
})

describe('splitBatches', () => {
  const create = (n: number, values = 1): Change[] => [
    {
      Action: 'CREATE',
      ResourceRecordSet: {
        Name: `h${n}.example.com.`,
        Type: 'A',
        TTL: 1,
        ResourceRecords: Array.from({ length: values }, () => ({ Value: '192.0.2.1' }))
      }
    }
  ]
  it('keeps everything in one batch under the limits', () => {
    expect(splitBatches([create(1), create(2), []])).toHaveLength(1)
  })
  it('splits on the record count and never separates a record’s changes', () => {
    // Five replacements of 300 values each way: 600 ResourceRecord elements per record.
    const groups = Array.from({ length: 5 }, (_, i) => {
      const [del, cre] = [create(i, 300)[0]!, create(i, 300)[0]!]
      return [{ ...del, Action: 'DELETE' as const }, cre]
    })
    const batches = splitBatches(groups)
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 2, 2])
    for (const b of batches) {
      expect(b.map((c) => c.Action)).toEqual(['DELETE', 'CREATE'])
      expect(b[0]?.ResourceRecordSet?.Name).toBe(b[1]?.ResourceRecordSet?.Name)
    }
  })
  it('splits on value characters', () => {
    const batches = splitBatches(
      Array.from({ length: 4 }, (_, i) => create(i, 400)),
      { records: 1000, valueChars: 6000 }
    )
    expect(batches.length).toBe(4)
  })
})
