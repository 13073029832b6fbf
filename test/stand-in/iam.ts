/**
 * A small IAM policy evaluator for the local Route 53 stand-in. It implements the parts of IAM's
 * identity-policy evaluation that this project's policies use, faithfully and never more loosely:
 *
 * - Effect Allow / Deny: an explicit Deny wins over any Allow; with no matching Allow the result is
 *   an implicit deny.
 * - Action / NotAction (case-insensitive) and Resource / NotResource (case-sensitive), each a string
 *   or an array, with `*` (any run of characters) and `?` (one character) wildcards. Resource ARNs
 *   are compared segment by segment (the six colon-separated parts), as IAM does; `*` alone matches
 *   every resource, including the '*' resource of account-level actions.
 * - Condition operators StringEquals, StringNotEquals, StringEqualsIgnoreCase,
 *   StringNotEqualsIgnoreCase, StringLike, StringNotLike, Bool and Null, optionally prefixed with
 *   `ForAllValues:` / `ForAnyValue:` and (except Null) suffixed with `IfExists`.
 * - Condition blocks are ANDed (every operator, every key); the values listed for one key are ORed.
 * - Condition key names are case-insensitive, as in IAM.
 *
 * Principal is ignored (identity policies have none). Policy variables (`${aws:username}`) are not
 * expanded. A malformed policy (bad Effect, both or neither of Action/NotAction or Resource/NotResource,
 * an unknown operator) throws: AWS would refuse to store it.
 */
import type { IamPolicy, IamStatement } from '../../src/aws/iam/policy.js'

export interface AuthzRequest {
  /** e.g. 'route53:ChangeResourceRecordSets'. */
  action: string
  /** 'arn:aws:route53:::hostedzone/Z…', 'arn:aws:route53:::change/C…' or '*'. */
  resource: string
  /** Condition keys → values (deduplicated); single-valued keys hold one value. */
  context: Record<string, string[]>
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

type Matcher = (requestValue: string, policyValue: string) => boolean

/** Positive operators; each has a negated twin listed in NEGATED. */
const POSITIVE: Record<string, Matcher> = {
  StringEquals: (r, p) => r === p,
  StringEqualsIgnoreCase: (r, p) => r.toLowerCase() === p.toLowerCase(),
  StringLike: (r, p) => globMatch(p, r, false),
  Bool: (r, p) => r.toLowerCase() === p.toLowerCase()
}
const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike'
}

const globCache = new Map<string, RegExp>()

/** `*` matches any run of characters (possibly empty), `?` exactly one; everything else literally. */
export function globMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const key = `${ignoreCase ? 'i' : 's'}:${pattern}`
  let re = globCache.get(key)
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
      .join('')
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's')
    globCache.set(key, re)
  }
  return re.test(value)
}

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v]

function actionMatches(patterns: string[], action: string): boolean {
  return patterns.some((p) => globMatch(p, action, true))
}

function resourceMatches(patterns: string[], resource: string): boolean {
  return patterns.some((p) => {
    if (p === '*') return true
    const ps = splitArn(p)
    const rs = splitArn(resource)
    // A wildcard never spans ARN segments, so a pattern with too few segments matches no ARN.
    if (!ps || !rs) return !ps && !rs && globMatch(p, resource, false)
    return ps.every((seg, i) => globMatch(seg, rs[i] as string, false))
  })
}

/** The six parts of an ARN (the resource part may itself contain colons), or undefined. */
function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':')
  if (parts.length < 6 || parts[0] !== 'arn') return undefined
  return [...parts.slice(0, 5), parts.slice(5).join(':')]
}

/** Request values for a key, looked up case-insensitively; an empty set counts as absent. */
function lookup(context: Record<string, string[]>, key: string): string[] | undefined {
  const want = key.toLowerCase()
  for (const [k, v] of Object.entries(context)) {
    if (k.toLowerCase() === want) return v.length > 0 ? v : undefined
  }
  return undefined
}

/** Evaluate one operator entry (`op` → key → values). */
function conditionHolds(
  operator: string,
  key: string,
  policyValues: string[],
  context: Record<string, string[]>
): boolean {
  let op = operator
  let set: 'all' | 'any' | undefined
  if (op.startsWith('ForAllValues:')) {
    set = 'all'
    op = op.slice('ForAllValues:'.length)
  } else if (op.startsWith('ForAnyValue:')) {
    set = 'any'
    op = op.slice('ForAnyValue:'.length)
  }
  let ifExists = false
  if (op.endsWith('IfExists') && op !== 'IfExists') {
    ifExists = true
    op = op.slice(0, -'IfExists'.length)
  }
  const values = lookup(context, key)

  if (op === 'Null') {
    if (set || ifExists) throw new Error(`malformed policy: operator '${operator}'`)
    // Null: 'true' means the key must be absent, 'false' that it must be present.
    return policyValues.some((p) => {
      const want = p.toLowerCase()
      if (want !== 'true' && want !== 'false') throw new Error(`malformed policy: Null '${p}'`)
      return (want === 'true') === (values === undefined)
    })
  }

  const negatedOf = NEGATED[op]
  const positive = POSITIVE[negatedOf ?? op]
  if (!positive) throw new Error(`malformed policy: unknown condition operator '${operator}'`)
  const negated = negatedOf !== undefined
  /** One request value against the policy values: any matches (positive) / none matches (negated). */
  const one = (r: string): boolean => {
    const hit = policyValues.some((p) => positive(r, p))
    return negated ? !hit : hit
  }

  if (values === undefined) {
    if (ifExists) return true
    if (set === 'all') return true // vacuously true: why policies add a Null guard
    if (set === 'any') return false
    // IAM: a missing key never matches, so a positive operator is false and a negated one is true.
    return negated
  }
  if (set === 'all') return values.every(one)
  if (set === 'any') return values.some(one)
  // A plain (single-valued) operator against a multi-valued key: IAM matches if any request value
  // matches a policy value. The negated operator is the negation of that (true only when no request
  // value matches), consistent with its "missing key → true" rule above.
  const anyHit = values.some((r) => policyValues.some((p) => positive(r, p)))
  return negated ? !anyHit : anyHit
}

function statementApplies(s: IamStatement, req: AuthzRequest): boolean {
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    throw new Error(`malformed policy: Effect '${String(s.Effect)}'`)
  }
  if ((s.Action === undefined) === (s.NotAction === undefined)) {
    throw new Error('malformed policy: a statement needs exactly one of Action and NotAction')
  }
  if ((s.Resource === undefined) === (s.NotResource === undefined)) {
    throw new Error('malformed policy: a statement needs exactly one of Resource and NotResource')
  }
  const actionOk =
    s.Action !== undefined
      ? actionMatches(list(s.Action), req.action)
      : !actionMatches(list(s.NotAction), req.action)
  if (!actionOk) return false
  const resourceOk =
    s.Resource !== undefined
      ? resourceMatches(list(s.Resource), req.resource)
      : !resourceMatches(list(s.NotResource), req.resource)
  if (!resourceOk) return false
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(block)) {
      if (!conditionHolds(operator, key, list(value), req.context)) return false
    }
  }
  return true
}

/** IAM's decision for one request against one identity policy. */
export function evaluate(policy: IamPolicy, req: AuthzRequest): Decision {
  if (policy.Version !== '2012-10-17') {
    throw new Error(`malformed policy: Version '${String(policy.Version)}'`)
  }
  let allowed = false
  for (const s of policy.Statement) {
    if (!statementApplies(s, req)) continue
    if (s.Effect === 'Deny') return 'ExplicitDeny'
    allowed = true
  }
  return allowed ? 'Allow' : 'ImplicitDeny'
}

/** The stand-in's `authorize` hook: true only when the policy allows the request. */
export function policyAuthorizer(policy: IamPolicy): (req: AuthzRequest) => boolean {
  return (req) => evaluate(policy, req) === 'Allow'
}
