import { describe, expect, it } from 'vitest'
import type { IamPolicy } from '../../src/aws/iam/policy.js'
import { cli } from './helpers.js'

const NAMES_KEY = 'route53:ChangeResourceRecordSetsNormalizedRecordNames'

describe('route53-ddns policy --ipv6-host-ids', () => {
  it('covers the hosts’ names along with --hostname', async () => {
    const r = await cli([
      'policy',
      '--hostname',
      'gw.example.com',
      '--ipv6-host-ids',
      'nas.example.com = ::211:32ff:fe12:3456',
      '--ipv6-host-ids',
      'printer.example.com = ::a',
      '--json'
    ])
    expect(r.code, r.stderr).toBe(0)
    const policy = (JSON.parse(r.stdout) as { permissionsPolicy: IamPolicy }).permissionsPolicy
    const change = policy.Statement.find((s) => s.Action === 'route53:ChangeResourceRecordSets')
    expect(change?.Condition?.['ForAllValues:StringEquals']?.[NAMES_KEY]).toEqual([
      'gw.example.com',
      'nas.example.com',
      'printer.example.com'
    ])
  })

  it('alone is enough', async () => {
    const r = await cli(['policy', '--ipv6-host-ids', 'nas.example.com = ::5', '--json'])
    expect(r.code, r.stderr).toBe(0)
  })

  it('a bad line is a usage error naming the flag', async () => {
    const r = await cli(['policy', '--ipv6-host-ids', 'nas = ::5'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^error: --ipv6-host-ids: line 1: the name 'nas' is not a fully qualified/
    )
  })
})
