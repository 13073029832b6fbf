import { describe, expect, it } from 'vitest'
import type { IamPolicy, IamStatement } from '../../src/aws/iam/policy.js'
import { cli } from './helpers.js'

const NAMES_KEY = 'route53:ChangeResourceRecordSetsNormalizedRecordNames'
const ZONE = 'Z0123456789ABCDEFGHIJ'

interface Docs {
  permissionsPolicy: IamPolicy
  trustPolicy?: IamPolicy
}

async function docs(argv: string[]): Promise<Docs> {
  const r = await cli(['policy', ...argv, '--json'])
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as Docs
}

const bySid = (p: IamPolicy, sid: string): IamStatement | undefined =>
  p.Statement.find((s) => s.Sid === sid)

const namesOf = (p: IamPolicy): string[] => {
  const change = p.Statement.find((s) => s.Action === 'route53:ChangeResourceRecordSets')
  const names = change?.Condition?.['ForAllValues:StringEquals']?.[NAMES_KEY]
  return Array.isArray(names) ? names : names ? [names] : []
}

describe('route53-ddns policy', () => {
  it('--json prints exactly one object with permissionsPolicy (and trustPolicy with --repository)', async () => {
    const only = await docs(['--hostname', 'home.example.com', '--hosted-zone-id', ZONE])
    expect(Object.keys(only)).toEqual(['permissionsPolicy'])
    expect(only.permissionsPolicy.Version).toBe('2012-10-17')
    expect(namesOf(only.permissionsPolicy)).toEqual(['home.example.com'])
    const zoneArn = `arn:aws:route53:::hostedzone/${ZONE}`
    expect(bySid(only.permissionsPolicy, 'ListRecords')?.Resource).toBe(zoneArn)
    // A zone was given: no discovery permission, no GetChange.
    expect(bySid(only.permissionsPolicy, 'FindHostedZones')).toBeUndefined()
    expect(bySid(only.permissionsPolicy, 'WaitForSync')).toBeUndefined()

    const both = await docs([
      '--hostname',
      'home.example.com',
      '--hosted-zone-id',
      ZONE,
      '--repository',
      'octo/home',
      '--account-id',
      '111122223333',
      '--environment',
      'dns'
    ])
    expect(Object.keys(both)).toEqual(['permissionsPolicy', 'trustPolicy'])
    const trust = both.trustPolicy?.Statement[0]
    expect(trust?.Action).toBe('sts:AssumeRoleWithWebIdentity')
    expect(trust?.Principal).toEqual({
      Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
    })
    expect(trust?.Condition?.StringEquals?.['token.actions.githubusercontent.com:sub']).toBe(
      'repo:octo/home:environment:dns'
    )
  })

  it('without --hosted-zone-id: zone discovery on * and records in hostedzone/*', async () => {
    const d = await docs(['--hostname', 'home.example.com'])
    expect(bySid(d.permissionsPolicy, 'FindHostedZones')).toMatchObject({
      Action: 'route53:ListHostedZonesByName',
      Resource: '*'
    })
    expect(bySid(d.permissionsPolicy, 'ListRecords')?.Resource).toBe(
      'arn:aws:route53:::hostedzone/*'
    )
  })

  it('--wait-for-sync adds GetChange; --state absent allows only DELETE', async () => {
    const d = await docs(['--hostname', 'home.example.com', '--wait-for-sync', '--state', 'absent'])
    expect(bySid(d.permissionsPolicy, 'WaitForSync')?.Action).toBe('route53:GetChange')
    const change = d.permissionsPolicy.Statement.find(
      (s) => s.Action === 'route53:ChangeResourceRecordSets'
    )
    expect(
      change?.Condition?.['ForAllValues:StringEquals']?.['route53:ChangeResourceRecordSetsActions']
    ).toEqual(['DELETE'])
  })

  it('--host-map covers every machine’s names; repeated --hostname appends', async () => {
    const map = 'pi = a.example.com\nnas = b.example.com, c.example.com # comment\n'
    const d = await docs([
      '--host-map',
      map,
      '--hostname',
      'x.example.com',
      '--hostname',
      'y.example.com'
    ])
    expect(namesOf(d.permissionsPolicy)).toEqual([
      'a.example.com',
      'b.example.com',
      'c.example.com',
      'x.example.com',
      'y.example.com'
    ])
  })

  it('--owner-id/--repository-id add the immutable subject form', async () => {
    const d = await docs([
      '--hostname',
      'home.example.com',
      '--repository',
      'octo/home',
      '--owner-id',
      '1',
      '--repository-id',
      '2'
    ])
    const sub =
      d.trustPolicy?.Statement[0]?.Condition?.StringEquals?.[
        'token.actions.githubusercontent.com:sub'
      ]
    expect(sub).toEqual([
      'repo:octo/home:ref:refs/heads/main',
      'repo:octo@1/home@2:ref:refs/heads/main'
    ])
  })

  it('prints both documents under headings without --json', async () => {
    const r = await cli(['policy', '--hostname', 'home.example.com', '--repository', 'octo/home'])
    expect(r.code).toBe(0)
    const parts = r.stdout
      .split(/^# .*$/m)
      .map((s) => s.trim())
      .filter(Boolean)
    expect(parts).toHaveLength(2)
    for (const p of parts) expect((JSON.parse(p) as IamPolicy).Version).toBe('2012-10-17')
    expect(r.stdout).toMatch(/^# Permissions policy/m)
    expect(r.stdout).toMatch(/^# Trust policy/m)
    expect(r.stderr).toContain('ACCOUNT_ID')
  })

  const usage: Array<[string, string[], RegExp]> = [
    ['no hostname', [], /needs --hostname/],
    ['bad hostname', ['--hostname', 'localhost'], /--hostname: 'localhost'/],
    ['bad zone', ['--hostname', 'a.example.com', '--hosted-zone-id', 'nope'], /--hosted-zone-id/],
    ['bad state', ['--hostname', 'a.example.com', '--state', 'gone'], /--state/],
    [
      'trust flag without repository',
      ['--hostname', 'a.example.com', '--ref', 'main'],
      /--ref .*needs --repository/
    ],
    [
      'bad account id',
      ['--hostname', 'a.example.com', '--repository', 'o/r', '--account-id', '12'],
      /--account-id/
    ],
    [
      'ref and environment',
      ['--hostname', 'a.example.com', '--repository', 'o/r', '--ref', 'main', '--environment', 'x'],
      /mutually exclusive/
    ],
    [
      'owner id alone',
      ['--hostname', 'a.example.com', '--repository', 'o/r', '--owner-id', '1'],
      /together/
    ],
    ['bad host map', ['--host-map', 'nonsense'], /--host-map: line 1/],
    ['unknown flag', ['--hostname', 'a.example.com', '--ttl', '5'], /unknown option '--ttl'/],
    ['positional', ['a.example.com'], /unexpected argument/]
  ]
  for (const [label, argv, message] of usage) {
    it(`usage error: ${label}`, async () => {
      const r = await cli(['policy', ...argv])
      expect(r.code, r.stderr).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^error: /)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).toContain("Run 'route53-ddns policy --help' for usage.")
    })
  }

  it('policy --help', async () => {
    const r = await cli(['policy', '--help'])
    expect(r.code).toBe(0)
    for (const f of ['--hostname', '--hosted-zone-id', '--host-map', '--repository', '--json']) {
      expect(r.stdout).toContain(f)
    }
  })
})
