import { describe, expect, it, test } from 'vitest'
import {
  ACTIONS_KEY,
  NAMES_KEY,
  TYPES_KEY,
  permissionsPolicy,
  type IamPolicy,
  type IamStatement
} from '../../src/aws/iam/policy.js'
import { evaluate, globMatch, policyAuthorizer, type AuthzRequest } from './iam.js'

const Z1 = 'Z0123456789ABCDEFGHIJ'
const Z2 = 'Z2FDTNDATAQYW2'
const zone = (z: string): string => `arn:aws:route53:::hostedzone/${z}`
const CHANGE = 'route53:ChangeResourceRecordSets'

const policy = (...Statement: IamStatement[]): IamPolicy => ({ Version: '2012-10-17', Statement })

function change(names: string[], types: string[], actions: string[], z: string = Z1): AuthzRequest {
  return {
    action: CHANGE,
    resource: zone(z),
    context: { [NAMES_KEY]: names, [TYPES_KEY]: types, [ACTIONS_KEY]: actions }
  }
}

const allowNames = (names: string[], extra: IamStatement['Condition'] = {}): IamStatement => ({
  Effect: 'Allow',
  Action: CHANGE,
  Resource: zone(Z1),
  Condition: { 'ForAllValues:StringEquals': { [NAMES_KEY]: names }, ...extra }
})

describe('ForAllValues and the Null guard', () => {
  const empty: AuthzRequest = { action: CHANGE, resource: zone(Z1), context: {} }

  it('ForAllValues is vacuously true when the key is absent', () => {
    expect(evaluate(policy(allowNames(['a.example.com'])), empty)).toBe('Allow')
    expect(
      evaluate(policy(allowNames(['a.example.com'])), { ...empty, context: { [NAMES_KEY]: [] } })
    ).toBe('Allow')
  })

  it('the Null guard makes an absent key deny', () => {
    const guarded = policy(allowNames(['a.example.com'], { Null: { [NAMES_KEY]: 'false' } }))
    expect(evaluate(guarded, empty)).toBe('ImplicitDeny')
    expect(evaluate(guarded, change(['a.example.com'], ['A'], ['CREATE']))).toBe('Allow')
  })

  it('ForAnyValue is false when the key is absent', () => {
    const p = policy({
      Effect: 'Allow',
      Action: CHANGE,
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { [NAMES_KEY]: 'a.example.com' } }
    })
    expect(evaluate(p, empty)).toBe('ImplicitDeny')
    expect(evaluate(p, change(['a.example.com', 'b.example.com'], ['A'], ['CREATE']))).toBe('Allow')
  })
})

describe('change batches against a CREATE+DELETE policy', () => {
  const p = policy({
    Effect: 'Allow',
    Action: CHANGE,
    Resource: zone(Z1),
    Condition: {
      'ForAllValues:StringEquals': {
        [NAMES_KEY]: ['a.example.com', 'b.example.com'],
        [TYPES_KEY]: ['A', 'AAAA'],
        [ACTIONS_KEY]: ['CREATE', 'DELETE']
      },
      Null: { [NAMES_KEY]: 'false' }
    }
  })

  test.each<[string, AuthzRequest, string]>([
    [
      'all names inside',
      change(['a.example.com', 'b.example.com'], ['A'], ['DELETE', 'CREATE']),
      'Allow'
    ],
    [
      'one name outside',
      change(['a.example.com', 'c.example.com'], ['A'], ['CREATE']),
      'ImplicitDeny'
    ],
    ['UPSERT', change(['a.example.com'], ['A'], ['UPSERT']), 'ImplicitDeny'],
    ['UPSERT mixed in', change(['a.example.com'], ['A'], ['DELETE', 'UPSERT']), 'ImplicitDeny'],
    ['CNAME', change(['a.example.com'], ['CNAME'], ['CREATE']), 'ImplicitDeny'],
    ['values are case-sensitive', change(['A.example.com'], ['A'], ['CREATE']), 'ImplicitDeny'],
    ['other zone', change(['a.example.com'], ['A'], ['CREATE'], Z2), 'ImplicitDeny']
  ])('%s → %s', (_name, req, decision) => {
    expect(evaluate(p, req)).toBe(decision)
  })
})

describe('Effect', () => {
  const allowAll: IamStatement = { Effect: 'Allow', Action: 'route53:*', Resource: '*' }

  it('default deny', () => {
    expect(evaluate(policy(), change(['a.example.com'], ['A'], ['CREATE']))).toBe('ImplicitDeny')
  })

  it('explicit deny wins, whatever the order', () => {
    const deny: IamStatement = {
      Effect: 'Deny',
      Action: CHANGE,
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { [ACTIONS_KEY]: 'UPSERT' } }
    }
    for (const p of [policy(allowAll, deny), policy(deny, allowAll)]) {
      expect(evaluate(p, change(['a.example.com'], ['A'], ['UPSERT']))).toBe('ExplicitDeny')
      expect(evaluate(p, change(['a.example.com'], ['A'], ['CREATE']))).toBe('Allow')
    }
    const authorize = policyAuthorizer(policy(allowAll, deny))
    expect(authorize(change(['a.example.com'], ['A'], ['UPSERT']))).toBe(false)
    expect(authorize(change(['a.example.com'], ['A'], ['CREATE']))).toBe(true)
  })
})

describe('Action and Resource matching', () => {
  const req = (action: string, resource: string): AuthzRequest => ({
    action,
    resource,
    context: {}
  })
  const decide = (s: Omit<IamStatement, 'Effect'>, r: AuthzRequest): string =>
    evaluate(policy({ Effect: 'Allow', ...s }), r)

  test.each<[string, Omit<IamStatement, 'Effect'>, AuthzRequest, string]>([
    [
      'action wildcard',
      { Action: 'route53:List*', Resource: '*' },
      req('route53:ListResourceRecordSets', zone(Z1)),
      'Allow'
    ],
    [
      'action case-insensitive',
      { Action: 'ROUTE53:listresourcerecordsets', Resource: '*' },
      req('route53:ListResourceRecordSets', zone(Z1)),
      'Allow'
    ],
    [
      'action ?',
      { Action: 'route53:GetChang?', Resource: '*' },
      req('route53:GetChange', 'arn:aws:route53:::change/C1'),
      'Allow'
    ],
    [
      'action array',
      { Action: ['route53:GetChange', 'route53:ListHostedZonesByName'], Resource: '*' },
      req('route53:ListHostedZonesByName', '*'),
      'Allow'
    ],
    [
      'other action',
      { Action: 'route53:List*', Resource: '*' },
      req(CHANGE, zone(Z1)),
      'ImplicitDeny'
    ],
    [
      'NotAction',
      { NotAction: 'route53:ChangeResourceRecordSets', Resource: '*' },
      req(CHANGE, zone(Z1)),
      'ImplicitDeny'
    ],
    [
      'NotAction other',
      { NotAction: 'route53:Change*', Resource: '*' },
      req('route53:GetChange', '*'),
      'Allow'
    ],
    [
      'zone wildcard',
      { Action: '*', Resource: 'arn:aws:route53:::hostedzone/*' },
      req(CHANGE, zone(Z1)),
      'Allow'
    ],
    [
      'zone wildcard vs *',
      { Action: '*', Resource: 'arn:aws:route53:::hostedzone/*' },
      req('route53:ListHostedZonesByName', '*'),
      'ImplicitDeny'
    ],
    [
      'zone wildcard vs change',
      { Action: '*', Resource: 'arn:aws:route53:::hostedzone/*' },
      req('route53:GetChange', 'arn:aws:route53:::change/C1'),
      'ImplicitDeny'
    ],
    [
      'resource case-sensitive',
      { Action: '*', Resource: zone(Z1.toLowerCase()) },
      req(CHANGE, zone(Z1)),
      'ImplicitDeny'
    ],
    [
      'resource array',
      { Action: '*', Resource: [zone(Z2), zone(Z1)] },
      req(CHANGE, zone(Z1)),
      'Allow'
    ],
    ['NotResource', { Action: '*', NotResource: zone(Z1) }, req(CHANGE, zone(Z1)), 'ImplicitDeny'],
    ['NotResource other', { Action: '*', NotResource: zone(Z1) }, req(CHANGE, zone(Z2)), 'Allow'],
    [
      '? is one character',
      { Action: '*', Resource: 'arn:*:route53:::hostedzone/Z?' },
      req(CHANGE, zone(Z1)),
      'ImplicitDeny'
    ],
    [
      '* does not span ARN segments',
      { Action: '*', Resource: 'arn:*:hostedzone/*' },
      req(CHANGE, zone(Z1)),
      'ImplicitDeny'
    ],
    [
      'segment wildcard hit',
      { Action: '*', Resource: 'arn:*:route53:::hostedzone/Z?123456789ABCDEFGHIJ' },
      req(CHANGE, zone('ZX123456789ABCDEFGHIJ')),
      'Allow'
    ]
  ])('%s', (_name, s, r, decision) => {
    expect(decide(s, r)).toBe(decision)
  })

  it('glob escapes regex characters', () => {
    expect(globMatch('a.b', 'axb', false)).toBe(false)
    expect(globMatch('a(b)*', 'a(b)c', false)).toBe(true)
    expect(globMatch('\\052.*', '\\052.example.com', false)).toBe(true)
  })
})

describe('condition operators', () => {
  const KEY = 'aws:SomeKey'
  const withCondition = (Condition: IamStatement['Condition']): IamPolicy =>
    policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition })
  const req = (values?: string[]): AuthzRequest => ({
    action: 'route53:GetChange',
    resource: '*',
    context: values ? { [KEY]: values } : {}
  })

  test.each<[string, IamStatement['Condition'], string[] | undefined, string]>([
    ['StringEquals hit', { StringEquals: { [KEY]: ['x', 'y'] } }, ['y'], 'Allow'],
    ['StringEquals miss', { StringEquals: { [KEY]: 'x' } }, ['X'], 'ImplicitDeny'],
    ['StringEquals absent', { StringEquals: { [KEY]: 'x' } }, undefined, 'ImplicitDeny'],
    ['StringEquals on multi-value: any', { StringEquals: { [KEY]: 'x' } }, ['q', 'x'], 'Allow'],
    ['key name case-insensitive', { StringEquals: { 'AWS:somekey': 'x' } }, ['x'], 'Allow'],
    ['StringNotEquals hit', { StringNotEquals: { [KEY]: 'x' } }, ['y'], 'Allow'],
    ['StringNotEquals miss', { StringNotEquals: { [KEY]: 'x' } }, ['x'], 'ImplicitDeny'],
    ['StringNotEquals absent', { StringNotEquals: { [KEY]: 'x' } }, undefined, 'Allow'],
    ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { [KEY]: 'X' } }, ['x'], 'Allow'],
    ['StringLike *', { StringLike: { [KEY]: 'repo:octo/*' } }, ['repo:octo/demo:ref:x'], 'Allow'],
    ['StringLike ?', { StringLike: { [KEY]: 'a?c' } }, ['abbc'], 'ImplicitDeny'],
    ['StringLike case-sensitive', { StringLike: { [KEY]: 'A*' } }, ['abc'], 'ImplicitDeny'],
    ['Bool', { Bool: { [KEY]: 'true' } }, ['true'], 'Allow'],
    ['Bool false', { Bool: { [KEY]: 'true' } }, ['false'], 'ImplicitDeny'],
    ['Null true, absent', { Null: { [KEY]: 'true' } }, undefined, 'Allow'],
    ['Null true, present', { Null: { [KEY]: 'true' } }, ['x'], 'ImplicitDeny'],
    ['Null false, present', { Null: { [KEY]: 'false' } }, ['x'], 'Allow'],
    ['IfExists absent', { StringEqualsIfExists: { [KEY]: 'x' } }, undefined, 'Allow'],
    ['IfExists present', { StringEqualsIfExists: { [KEY]: 'x' } }, ['y'], 'ImplicitDeny'],
    [
      'ForAllValues subset',
      { 'ForAllValues:StringLike': { [KEY]: ['a*', 'b*'] } },
      ['ax', 'by'],
      'Allow'
    ],
    [
      'ForAllValues not subset',
      { 'ForAllValues:StringLike': { [KEY]: 'a*' } },
      ['ax', 'by'],
      'ImplicitDeny'
    ],
    [
      'ForAnyValue:StringNotEquals',
      { 'ForAnyValue:StringNotEquals': { [KEY]: 'a' } },
      ['a', 'b'],
      'Allow'
    ],
    [
      'ForAllValues:StringNotEquals',
      { 'ForAllValues:StringNotEquals': { [KEY]: 'a' } },
      ['a', 'b'],
      'ImplicitDeny'
    ],
    [
      'blocks are ANDed',
      { StringEquals: { [KEY]: 'x' }, Null: { 'aws:Other': 'false' } },
      ['x'],
      'ImplicitDeny'
    ],
    [
      'keys in a block are ANDed',
      { StringEquals: { [KEY]: 'x', 'aws:Other': 'y' } },
      ['x'],
      'ImplicitDeny'
    ]
  ])('%s', (_name, condition, values, decision) => {
    expect(evaluate(withCondition(condition), req(values))).toBe(decision)
  })

  test.each<[string, IamPolicy]>([
    ['unknown operator', withCondition({ NumericEquals: { [KEY]: '1' } })],
    ['set operator on Null', withCondition({ 'ForAllValues:Null': { [KEY]: 'true' } })],
    ['Null with a non-boolean', withCondition({ Null: { [KEY]: 'maybe' } })],
    ['no Action', policy({ Effect: 'Allow', Resource: '*' })],
    [
      'Action and NotAction',
      policy({ Effect: 'Allow', Action: '*', NotAction: 'x', Resource: '*' })
    ],
    ['no Resource', policy({ Effect: 'Allow', Action: '*' })],
    ['bad Effect', policy({ Effect: 'allow' as 'Allow', Action: '*', Resource: '*' })]
  ])('malformed policy throws: %s', (_name, p) => {
    expect(() => evaluate(p, req(['x']))).toThrow(/malformed policy/)
  })
})

describe('the generated permissionsPolicy against a guarded update', () => {
  const generated = permissionsPolicy({
    hostnames: ['home.example.com', '*.home.example.com'],
    zoneIds: [Z1],
    waitForSync: true
  })
  const authorize = policyAuthorizer(generated)
  const list: AuthzRequest = {
    action: 'route53:ListResourceRecordSets',
    resource: zone(Z1),
    context: {}
  }

  test.each<[string, AuthzRequest, boolean]>([
    ['ListResourceRecordSets on the zone', list, true],
    ['ListResourceRecordSets on another zone', { ...list, resource: zone(Z2) }, false],
    ['[DELETE, CREATE] A', change(['home.example.com'], ['A'], ['DELETE', 'CREATE']), true],
    ['CREATE A + AAAA', change(['home.example.com'], ['A', 'AAAA'], ['CREATE']), true],
    ['wildcard as \\052', change(['\\052.home.example.com'], ['A'], ['DELETE', 'CREATE']), true],
    [
      'GetChange',
      { action: 'route53:GetChange', resource: 'arn:aws:route53:::change/C123', context: {} },
      true
    ],
    ['another name', change(['other.example.com'], ['A'], ['DELETE', 'CREATE']), false],
    ['a name with a trailing dot', change(['home.example.com.'], ['A'], ['CREATE']), false],
    ['another zone', change(['home.example.com'], ['A'], ['DELETE', 'CREATE'], Z2), false],
    ['type CNAME', change(['home.example.com'], ['CNAME'], ['DELETE', 'CREATE']), false],
    ['UPSERT', change(['home.example.com'], ['A'], ['UPSERT']), false],
    ['no context at all', { action: CHANGE, resource: zone(Z1), context: {} }, false],
    [
      'discovery not asked for',
      { action: 'route53:ListHostedZonesByName', resource: '*', context: {} },
      false
    ]
  ])('%s → %s', (_name, req, allowed) => {
    expect(authorize(req)).toBe(allowed)
  })

  it("state 'absent': DELETE allowed, CREATE denied", () => {
    const absent = policyAuthorizer(
      permissionsPolicy({ hostnames: ['home.example.com'], zoneIds: [Z1], state: 'absent' })
    )
    expect(absent(change(['home.example.com'], ['A'], ['DELETE']))).toBe(true)
    expect(absent(change(['home.example.com'], ['A'], ['DELETE', 'CREATE']))).toBe(false)
  })

  it('discovered zones: any zone, and ListHostedZonesByName on *', () => {
    const discovered = policyAuthorizer(
      permissionsPolicy({ hostnames: ['home.example.com'], zoneIds: [], discovery: true })
    )
    expect(discovered(change(['home.example.com'], ['A'], ['CREATE'], Z2))).toBe(true)
    expect(
      discovered({ action: 'route53:ListHostedZonesByName', resource: '*', context: {} })
    ).toBe(true)
    expect(discovered(change(['x.example.com'], ['A'], ['CREATE'], Z2))).toBe(false)
  })
})
