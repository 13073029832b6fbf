import { describe, expect, it, test } from 'vitest'
import { InputError } from '../../../src/model/errors.js'
import {
  ACTIONS_KEY,
  NAMES_KEY,
  TYPES_KEY,
  normalizedRecordName,
  permissionsPolicy,
  trustPolicy,
  type IamStatement,
  type PolicyOptions,
  type TrustOptions
} from '../../../src/aws/iam/policy.js'
import { explainRoute53Denied, explainStsDenied } from '../../../src/aws/iam/access-denied.js'

const Z1 = 'Z0123456789ABCDEFGHIJ'
const Z2 = 'Z2FDTNDATAQYW2'
const arn = (z: string): string => `arn:aws:route53:::hostedzone/${z}`

function sids(o: PolicyOptions): (string | undefined)[] {
  return permissionsPolicy(o).Statement.map((s) => s.Sid)
}

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('expected an InputError')
}

describe('normalizedRecordName', () => {
  test.each([
    ['home.example.com', 'home.example.com'],
    ['Home.Example.COM.', 'home.example.com'],
    ['*.example.com', '\\052.example.com'],
    ['*.Example.com.', '\\052.example.com'],
    ['\\052.example.com', '\\052.example.com'],
    ['_acme-challenge.example.com', '_acme-challenge.example.com'],
    ['a b.example.com', 'a\\040b.example.com'],
    ['a/b.example.com', 'a\\057b.example.com'],
    ['é.example.com', '\\303\\251.example.com'],
    ['  x.example.com  ', 'x.example.com']
  ])('%s → %s', (input, expected) => {
    expect(normalizedRecordName(input)).toBe(expected)
    expect(normalizedRecordName(expected)).toBe(expected)
  })
})

describe('permissionsPolicy', () => {
  it('one zone, present: CREATE+DELETE on the exact names and types, Null guard, list on the zone', () => {
    const p = permissionsPolicy({
      hostnames: ['Home.Example.com.', '*.example.com', 'home.example.com'],
      zoneIds: [`/hostedzone/${Z1}`]
    })
    expect(p).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: `ChangeRecords${Z1}`,
          Effect: 'Allow',
          Action: 'route53:ChangeResourceRecordSets',
          Resource: arn(Z1),
          Condition: {
            'ForAllValues:StringEquals': {
              [NAMES_KEY]: ['\\052.example.com', 'home.example.com'],
              [TYPES_KEY]: ['A', 'AAAA'],
              [ACTIONS_KEY]: ['CREATE', 'DELETE']
            },
            Null: { [NAMES_KEY]: 'false' }
          }
        },
        {
          Sid: 'ListRecords',
          Effect: 'Allow',
          Action: 'route53:ListResourceRecordSets',
          Resource: arn(Z1)
        }
      ]
    })
    // JSON escapes the backslash, as users paste it into IAM
    expect(JSON.stringify(p)).toContain('"\\\\052.example.com"')
  })

  it("state 'absent' needs only DELETE", () => {
    const s = permissionsPolicy({ hostnames: ['a.example.com'], zoneIds: [Z1], state: 'absent' })
      .Statement[0] as IamStatement
    expect(s.Condition?.['ForAllValues:StringEquals']?.[ACTIONS_KEY]).toEqual(['DELETE'])
  })

  it('record types are restricted to what was asked', () => {
    const s = permissionsPolicy({ hostnames: ['a.example.com'], zoneIds: [Z1], recordTypes: ['A'] })
      .Statement[0] as IamStatement
    expect(s.Condition?.['ForAllValues:StringEquals']?.[TYPES_KEY]).toEqual(['A'])
  })

  test.each<[string, PolicyOptions, (string | undefined)[]]>([
    [
      'one zone',
      { hostnames: ['a.example.com'], zoneIds: [Z1] },
      [`ChangeRecords${Z1}`, 'ListRecords']
    ],
    [
      'wait for sync',
      { hostnames: ['a.example.com'], zoneIds: [Z1], waitForSync: true },
      [`ChangeRecords${Z1}`, 'ListRecords', 'WaitForSync']
    ],
    [
      'discovery',
      { hostnames: ['a.example.com'], zoneIds: [], discovery: true, waitForSync: true },
      ['ChangeRecordsAnyZone', 'ListRecords', 'WaitForSync', 'FindHostedZones']
    ],
    [
      'two zones, one name: one statement per zone',
      { hostnames: ['a.example.com'], zoneIds: [Z2, Z1] },
      [`ChangeRecords${Z1}`, `ChangeRecords${Z2}`, 'ListRecords']
    ],
    [
      'two zones, two names: one statement for all',
      { hostnames: ['a.example.com', 'b.example.org'], zoneIds: [Z2, Z1, Z1] },
      ['ChangeRecords', 'ListRecords']
    ]
  ])('statements: %s', (_name, o, expected) => {
    expect(sids(o)).toEqual(expected)
  })

  it('discovered zones use hostedzone/* and ListHostedZonesByName on *', () => {
    const p = permissionsPolicy({ hostnames: ['a.example.com'], zoneIds: [], discovery: true })
    expect(p.Statement.map((s) => [s.Action, s.Resource])).toEqual([
      ['route53:ChangeResourceRecordSets', 'arn:aws:route53:::hostedzone/*'],
      ['route53:ListResourceRecordSets', 'arn:aws:route53:::hostedzone/*'],
      ['route53:ListHostedZonesByName', '*']
    ])
  })

  it('GetChange on change/*', () => {
    const p = permissionsPolicy({ hostnames: ['a.example.com'], zoneIds: [Z1], waitForSync: true })
    expect(p.Statement.find((s) => s.Sid === 'WaitForSync')?.Resource).toBe(
      'arn:aws:route53:::change/*'
    )
  })

  it('several zones and names: all ARNs sorted and deduplicated, all names', () => {
    const p = permissionsPolicy({
      hostnames: ['b.example.org', 'a.example.com'],
      zoneIds: [Z2, `/hostedzone/${Z1}`, Z1]
    })
    expect(p.Statement[0]?.Resource).toEqual([arn(Z1), arn(Z2)])
    expect(p.Statement[0]?.Condition?.['ForAllValues:StringEquals']?.[NAMES_KEY]).toEqual([
      'a.example.com',
      'b.example.org'
    ])
    expect(p.Statement[1]?.Resource).toEqual([arn(Z1), arn(Z2)])
  })

  it('is deterministic whatever the input order', () => {
    const a = permissionsPolicy({
      hostnames: ['b.example.com', 'a.example.com'],
      zoneIds: [Z2, Z1]
    })
    const b = permissionsPolicy({
      hostnames: ['A.example.com.', 'b.example.com'],
      zoneIds: [Z1, Z2]
    })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  test.each<[string, PolicyOptions, string]>([
    ['no hostnames', { hostnames: [], zoneIds: [Z1] }, 'hostnames'],
    ['not an FQDN', { hostnames: ['localhost'], zoneIds: [Z1] }, 'hostnames'],
    ['empty label', { hostnames: ['a..example.com'], zoneIds: [Z1] }, 'hostnames'],
    ['inner wildcard', { hostnames: ['a.*.example.com'], zoneIds: [Z1] }, 'hostnames'],
    ['partial wildcard', { hostnames: ['a*.example.com'], zoneIds: [Z1] }, 'hostnames'],
    ['leading hyphen', { hostnames: ['-a.example.com'], zoneIds: [Z1] }, 'hostnames'],
    ['long label', { hostnames: [`${'a'.repeat(64)}.example.com`], zoneIds: [Z1] }, 'hostnames'],
    ['invalid non-ASCII', { hostnames: ['a\u202eb.example.com'], zoneIds: [Z1] }, 'hostnames'],
    ['zone lowercase', { hostnames: ['a.example.com'], zoneIds: ['z123abc'] }, 'hosted-zone-id'],
    ['zone garbage', { hostnames: ['a.example.com'], zoneIds: ['example.com'] }, 'hosted-zone-id'],
    [
      'zone wrong prefix',
      { hostnames: ['a.example.com'], zoneIds: ['/change/C123'] },
      'hosted-zone-id'
    ],
    [
      'no record types',
      { hostnames: ['a.example.com'], zoneIds: [Z1], recordTypes: [] },
      'record-types'
    ],
    [
      'CNAME',
      {
        hostnames: ['a.example.com'],
        zoneIds: [Z1],
        recordTypes: ['CNAME' as unknown as 'A']
      },
      'record-types'
    ]
  ])('InputError: %s', (_name, o, field) => {
    expect(inputError(() => permissionsPolicy(o)).input).toBe(field)
  })
})

describe('trustPolicy', () => {
  const cond = (o: TrustOptions): Record<string, string | string[]> =>
    trustPolicy(o).Statement[0]?.Condition?.['StringEquals'] ?? {}
  const SUB = 'token.actions.githubusercontent.com:sub'
  const AUD = 'token.actions.githubusercontent.com:aud'

  it('whole document for the defaults: main branch, sts audience, account placeholder', () => {
    expect(trustPolicy({ repository: 'octo/demo' })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'GitHubActionsOidc',
          Effect: 'Allow',
          Principal: {
            Federated: 'arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com'
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              [AUD]: 'sts.amazonaws.com',
              [SUB]: 'repo:octo/demo:ref:refs/heads/main'
            }
          }
        }
      ]
    })
  })

  test.each<[string, TrustOptions, string | string[]]>([
    [
      'branch name',
      { repository: 'octo/demo', ref: 'release' },
      'repo:octo/demo:ref:refs/heads/release'
    ],
    [
      'full ref',
      { repository: 'octo/demo', ref: 'refs/tags/v1' },
      'repo:octo/demo:ref:refs/tags/v1'
    ],
    [
      'environment',
      { repository: 'octo/demo', environment: 'prod' },
      'repo:octo/demo:environment:prod'
    ],
    [
      'classic + immutable',
      { repository: 'octo/demo', ownerId: '123', repositoryId: '456', ref: 'main' },
      ['repo:octo/demo:ref:refs/heads/main', 'repo:octo@123/demo@456:ref:refs/heads/main']
    ],
    [
      'classic + immutable, environment',
      { repository: 'octo/demo', ownerId: '123', repositoryId: '456', environment: 'prod' },
      ['repo:octo/demo:environment:prod', 'repo:octo@123/demo@456:environment:prod']
    ]
  ])('sub: %s', (_name, o, expected) => {
    expect(cond(o)[SUB]).toEqual(expected)
  })

  it('audience and account id', () => {
    const p = trustPolicy({
      repository: 'octo/demo',
      audience: 'custom',
      accountId: '123456789012'
    })
    expect(p.Statement[0]?.Principal).toEqual({
      Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
    })
    expect(cond({ repository: 'octo/demo', audience: 'custom' })[AUD]).toBe('custom')
  })

  it('reusable workflow adds job_workflow_ref', () => {
    const wf = 'octo/shared/.github/workflows/ddns.yml@refs/heads/main'
    expect(cond({ repository: 'octo/demo', workflowRef: wf })).toEqual({
      [AUD]: 'sts.amazonaws.com',
      [SUB]: 'repo:octo/demo:ref:refs/heads/main',
      'token.actions.githubusercontent.com:job_workflow_ref': wf
    })
  })

  test.each<[string, TrustOptions, string]>([
    ['no slash', { repository: 'octo' }, 'repository'],
    ['too many parts', { repository: 'octo/demo/x' }, 'repository'],
    ['wildcard repo', { repository: 'octo/*' }, 'repository'],
    [
      'ref and environment',
      { repository: 'octo/demo', ref: 'main', environment: 'prod' },
      'environment'
    ],
    ['bad ref', { repository: 'octo/demo', ref: 'feat*' }, 'ref'],
    ['empty environment', { repository: 'octo/demo', environment: ' ' }, 'environment'],
    ['short account', { repository: 'octo/demo', accountId: '12345' }, 'account-id'],
    ['account letters', { repository: 'octo/demo', accountId: 'ACCOUNT_ID12' }, 'account-id'],
    ['owner id alone', { repository: 'octo/demo', ownerId: '1' }, 'repository-id'],
    ['repo id alone', { repository: 'octo/demo', repositoryId: '1' }, 'owner-id'],
    [
      'owner id not numeric',
      { repository: 'octo/demo', ownerId: 'x', repositoryId: '1' },
      'owner-id'
    ],
    [
      'bad workflow ref',
      { repository: 'octo/demo', workflowRef: 'octo/shared/ddns.yml' },
      'workflow-ref'
    ],
    ['empty audience', { repository: 'octo/demo', audience: '' }, 'audience']
  ])('InputError: %s', (_name, o, field) => {
    expect(inputError(() => trustPolicy(o)).input).toBe(field)
  })
})

describe('explainRoute53Denied', () => {
  it('ChangeResourceRecordSets: names the action, resource, request and prints the statement', () => {
    const msg = explainRoute53Denied({
      operation: 'ChangeResourceRecordSets',
      zoneId: `/hostedzone/${Z1}`,
      names: ['*.Example.com.'],
      types: ['A'],
      actions: ['DELETE', 'CREATE'],
      awsMessage: 'User: arn:aws:sts::123456789012:assumed-role/ddns/run is not authorized'
    })
    expect(msg).toContain(`route53:ChangeResourceRecordSets on ${arn(Z1)}`)
    expect(msg).toContain('AWS said: User: arn:aws:sts::123456789012:assumed-role/ddns/run')
    const json = msg.slice(msg.indexOf('{'))
    const policy = JSON.parse(json) as { Statement: IamStatement[] }
    expect(policy.Statement[0]).toMatchObject({
      Action: 'route53:ChangeResourceRecordSets',
      Resource: arn(Z1),
      Condition: {
        'ForAllValues:StringEquals': {
          [NAMES_KEY]: ['\\052.example.com'],
          [TYPES_KEY]: ['A'],
          [ACTIONS_KEY]: ['CREATE', 'DELETE']
        },
        Null: { [NAMES_KEY]: 'false' }
      }
    })
  })

  test.each<[Parameters<typeof explainRoute53Denied>[0], string, string]>([
    [
      { operation: 'ListResourceRecordSets', zoneId: Z1 },
      arn(Z1),
      'route53:ListResourceRecordSets'
    ],
    [{ operation: 'GetChange' }, 'arn:aws:route53:::change/*', 'wait-for-sync'],
    [{ operation: 'ListHostedZonesByName' }, '"Resource": "*"', 'hosted-zone-id']
  ])('%o', (d, resource, hint) => {
    const msg = explainRoute53Denied(d)
    expect(msg).toContain(resource)
    expect(msg).toContain(hint)
  })

  it('explicit deny: says an Allow will not help', () => {
    const msg = explainRoute53Denied({
      operation: 'ListResourceRecordSets',
      zoneId: Z1,
      awsMessage: 'User: x is not authorized ... with an explicit deny in a service control policy'
    })
    expect(msg).toMatch(/explicit Deny/)
  })

  it('never throws on odd input, redacts token-shaped text', () => {
    const msg = explainRoute53Denied({
      operation: 'ChangeResourceRecordSets',
      zoneId: 'not a zone',
      awsMessage: 'token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl key AKIAABCDEFGHIJKLMNOP'
    })
    expect(msg).not.toContain('eyJ')
    expect(msg).not.toContain('AKIAABCDEFGHIJKLMNOP')
    expect(msg).toContain('names were not known')
  })
})

describe('explainStsDenied', () => {
  const base = {
    roleArn: 'arn:aws:iam::123456789012:role/ddns',
    audience: 'sts.amazonaws.com',
    code: 'AccessDenied',
    awsMessage: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
  }

  it('lists audience, sub (with this run’s sub), provider and id-token permission', () => {
    const msg = explainStsDenied({ ...base, repository: 'octo/demo', ref: 'main' })
    expect(msg).toContain("aud must equal the audience input: 'sts.amazonaws.com'")
    expect(msg).toContain('This run presents: repo:octo/demo:ref:refs/heads/main')
    expect(msg).toContain('repo:OWNER@OWNER_ID/REPO@REPO_ID')
    expect(msg).toContain(
      'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
    )
    expect(msg).toContain('id-token: write')
    expect(msg).toContain('"repo:octo/demo:ref:refs/heads/main"')
    // audience comes before the provider for AccessDenied
    expect(msg.indexOf('aud must')).toBeLessThan(msg.indexOf('IAM OIDC provider'))
  })

  it('missing provider first for InvalidIdentityToken', () => {
    const msg = explainStsDenied({
      ...base,
      code: 'InvalidIdentityToken',
      awsMessage:
        'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com'
    })
    expect(msg.indexOf('IAM OIDC provider')).toBeLessThan(msg.indexOf('aud must'))
    expect(msg).toContain('repo:OWNER/REPO:ref:refs/heads/BRANCH')
  })

  it('a pull_request run presents repo:OWNER/REPO:pull_request, not its merge ref', () => {
    const msg = explainStsDenied({
      ...base,
      repository: 'octo/demo',
      ref: 'refs/pull/7/merge',
      eventName: 'pull_request'
    })
    expect(msg).toContain('This run presents: repo:octo/demo:pull_request')
    expect(msg).not.toContain('refs/pull/7/merge')
    expect(msg).toContain(
      '"token.actions.githubusercontent.com:sub": "repo:octo/demo:pull_request"'
    )
    // The runner does not tell an action the job's environment: the help names the form.
    expect(msg).toContain('repo:octo/demo:environment:NAME')
  })

  it("shows the refused token's own sub (an environment, say) and a policy that accepts it", () => {
    const msg = explainStsDenied({
      ...base,
      repository: 'octo/demo',
      ref: 'main',
      subject: 'repo:octo/demo:environment:prod'
    })
    expect(msg).toContain("This run's token presents: repo:octo/demo:environment:prod")
    expect(msg).toContain(
      '"token.actions.githubusercontent.com:sub": "repo:octo/demo:environment:prod"'
    )
    expect(msg).not.toContain('"repo:octo/demo:ref:refs/heads/main"')
  })

  it('expired token and malformed role ARN', () => {
    const msg = explainStsDenied({ ...base, code: 'ExpiredTokenException', roleArn: 'ddns' })
    expect(msg).toContain('expired')
    expect(msg).toContain('check role-to-assume')
  })
})

describe('internationalised names', () => {
  it('are written as punycode, as the action sends them', () => {
    const policy = permissionsPolicy({ hostnames: ['bücher.example.com'], zoneIds: ['Z1'] })
    expect(JSON.stringify(policy)).toContain('xn--bcher-kva.example.com')
  })
})
