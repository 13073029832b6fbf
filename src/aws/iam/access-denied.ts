/**
 * Turn AccessDenied-style failures from Route 53 and STS into messages that say what was refused and
 * what to change. Pure: no I/O, no @actions/core. These functions never see tokens or keys, and
 * they scrub anything token-shaped from the AWS message they quote.
 */
import {
  changeRecordSetsStatement,
  DEFAULT_AUDIENCE,
  fullRef,
  normalizedRecordName,
  OIDC_HOST,
  trustPolicy,
  type IamPolicy,
  type IamStatement
} from './policy.js'
import { bareZoneId } from '../../model/names.js'

export type Route53Operation =
  'ChangeResourceRecordSets' | 'ListResourceRecordSets' | 'GetChange' | 'ListHostedZonesByName'

interface Route53Denied {
  operation: Route53Operation
  zoneId?: string
  names?: string[]
  types?: string[]
  actions?: string[]
  awsMessage?: string
}

interface StsDenied {
  roleArn: string
  audience: string
  code: string
  awsMessage?: string
  repository?: string
  ref?: string
  /** GITHUB_EVENT_NAME: a pull_request run presents repo:OWNER/REPO:pull_request, not its ref. */
  eventName?: string
  /** The sub claim of the token STS refused, when it could be read: the exact value to accept. */
  subject?: string
}

/** Quote an AWS message on one line, bounded, with anything that looks like a JWT or key removed. */
function quoteAws(message: string | undefined): string | undefined {
  if (message === undefined) return undefined
  const clean = message
    .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '<redacted token>')
    .replace(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '<redacted key id>')
    .replace(/\s+/g, ' ')
    .trim()
  if (clean.length === 0) return undefined
  return clean.length > 500 ? `${clean.slice(0, 500)}…` : clean
}

function safeStatement(build: () => IamStatement, fallback: IamStatement): IamStatement {
  try {
    return build()
  } catch {
    return fallback
  }
}

const policyJson = (statement: IamStatement): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] } satisfies IamPolicy, null, 2)

/** Why a change is refused although the role seems to allow it. */
const CHANGE_RULES = [
  'The role may change records only where its policy allows every name, type and change action in the batch:',
  `- route53:ChangeResourceRecordSetsNormalizedRecordNames holds names lowercase, without the trailing dot, with '*' written as \\052 (\\\\052 in JSON);`,
  '- a guarded update sends [DELETE old, CREATE new], so the policy needs CREATE and DELETE (UPSERT alone does not allow it); removing a record needs DELETE.'
]
/** Why each read is needed, and what to do instead of allowing it. */
const READ_REASONS = {
  ListResourceRecordSets:
    'The action reads the current record before the guarded update, so the role needs it on each zone it changes.',
  GetChange:
    'Waiting for the change to reach INSYNC needs it; allow it or set wait-for-sync to false.',
  ListHostedZonesByName:
    'Finding the hosted zone of a hostname needs it (it has no zone-level resource); allow it or set hosted-zone-id so no discovery is needed.'
} as const
/** The statement id each read gets in the suggested policy. */
const READ_SIDS = {
  ListResourceRecordSets: 'ListRecords',
  GetChange: 'WaitForSync',
  ListHostedZonesByName: 'FindHostedZones'
} as const

/** The refused request in words, and the statement that allows it. */
interface Refused {
  lines: string[]
  statement: IamStatement
}

/** A refused ChangeResourceRecordSets: what the batch held and the statement for exactly it. */
function refusedChange(denied: Route53Denied, zone: string | undefined, resource: string): Refused {
  const action = `route53:${denied.operation}`
  const names = denied.names ?? []
  const types = denied.types ?? []
  const actions = denied.actions ?? []
  const statement = safeStatement(
    () =>
      changeRecordSetsStatement({
        zoneIds: zone ? [zone] : [],
        names,
        types,
        actions,
        sid: 'ChangeRecords'
      }),
    { Sid: 'ChangeRecords', Effect: 'Allow', Action: action, Resource: resource }
  )
  const parts: string[] = []
  if (names.length > 0)
    parts.push(`names ${[...new Set(names.map(normalizedRecordName))].join(', ')}`)
  if (types.length > 0) parts.push(`types ${[...new Set(types)].join(', ')}`)
  if (actions.length > 0) parts.push(`change actions ${[...new Set(actions)].join(', ')}`)
  const lines = [
    `Route 53 refused ${action} on ${resource}${parts.length > 0 ? ` for ${parts.join('; ')}` : ''}.`,
    ...CHANGE_RULES
  ]
  if (!zone)
    lines.push('- the hosted zone id was not known; replace hostedzone/* with the zone id.')
  if (names.length === 0)
    lines.push('- the record names were not known: add them to the names condition.')
  return { lines, statement }
}

/** A refused read: why the run needs it and the statement that allows it. */
function refusedRead(
  operation: Exclude<Route53Operation, 'ChangeResourceRecordSets'>,
  zoneResource: string
): Refused {
  const action = `route53:${operation}`
  const resource =
    operation === 'ListResourceRecordSets'
      ? zoneResource
      : operation === 'GetChange'
        ? 'arn:aws:route53:::change/*'
        : '*'
  return {
    lines: [`Route 53 refused ${action} on ${resource}. ${READ_REASONS[operation]}`],
    statement: { Sid: READ_SIDS[operation], Effect: 'Allow', Action: action, Resource: resource }
  }
}

/** What AWS's own words add: a Deny, a permissions boundary or an SCP needs more than an Allow. */
function awsHints(aws: string | undefined): string[] {
  if (!aws) return []
  const lines = [`AWS said: ${aws}`]
  if (/explicit deny/i.test(aws)) {
    lines.push(
      'The message names an explicit Deny: adding an Allow will not help; find the Deny (identity policy, permissions boundary, session policy or an organization SCP).'
    )
  } else if (/permissions boundary/i.test(aws)) {
    lines.push('The role has a permissions boundary: it must allow this action as well.')
  } else if (/service control policy/i.test(aws)) {
    lines.push("An organization's service control policy must allow this action as well.")
  }
  return lines
}

/**
 * Explain a Route 53 AccessDenied: which action on which resource was refused, why that usually
 * happens, and the minimal statement (same builder as permissionsPolicy) allowing exactly that request.
 */
export function explainRoute53Denied(denied: Route53Denied): string {
  const zone = denied.zoneId ? bareZoneId(denied.zoneId) : undefined
  const zoneResource = zone
    ? `arn:aws:route53:::hostedzone/${zone}`
    : 'arn:aws:route53:::hostedzone/*'
  const { lines, statement } =
    denied.operation === 'ChangeResourceRecordSets'
      ? refusedChange(denied, zone, zoneResource)
      : refusedRead(denied.operation, zoneResource)
  return [
    ...lines,
    ...awsHints(quoteAws(denied.awsMessage)),
    'A minimal statement that allows exactly this request:',
    policyJson(statement)
  ].join('\n')
}

/** The sub this run presents, as far as the repository, ref and event tell it. */
function derivedSubject(denied: StsDenied): string | undefined {
  const repo = denied.repository?.trim()
  const ref = denied.ref?.trim()
  if (!repo) return undefined
  if (denied.eventName === 'pull_request') return `repo:${repo}:pull_request`
  return ref ? `repo:${repo}:ref:${fullRef(ref)}` : undefined
}

/** The check on the trust policy's sub condition, with the value this run presents if known. */
function subjectCheck(denied: StsDenied, subject: string | undefined): string {
  const derived = derivedSubject(denied)
  const owner = denied.repository?.trim() ?? 'OWNER/REPO'
  return [
    `The trust policy's condition on ${OIDC_HOST}:sub must match the token's sub claim exactly (StringEquals is case-sensitive).`,
    subject
      ? `  This run's token presents: ${subject}`
      : derived
        ? `  This run presents: ${derived} (unless the job declares an environment: then repo:${owner}:environment:NAME)`
        : '  For a branch it is repo:OWNER/REPO:ref:refs/heads/BRANCH.',
    `  A job with \`environment: NAME\` presents repo:${owner}:environment:NAME instead of the ref; pull requests present repo:${owner}:pull_request.`,
    IMMUTABLE_SUBJECT
  ].join('\n')
}

const IMMUTABLE_SUBJECT =
  '  On github.com, repositories created after 2026-07-15, older ones renamed or transferred after that date, and those opted in use the immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID:…; a policy written only for the classic form fails — list both.'
const PERMISSION_CHECK =
  'The job needs `permissions: id-token: write` (without it the runner provides no OIDC token).'
const EXPIRED_CHECK =
  'The token expired before STS saw it: tokens live about 5 minutes, so fetch it right before calling STS, and check the runner clock.'
const IDP_CHECK = 'STS could not reach the identity provider: this is usually transient, retry.'

/** The role ARN's partition and account, when it has the shape of one. */
interface RoleParts {
  valid: boolean
  partition: string
  account: string | undefined
}

function roleParts(roleArn: string): RoleParts {
  const arn = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(.+)$/.exec(roleArn.trim())
  return { valid: arn !== null, partition: arn?.[1] ?? 'aws', account: arn?.[2] }
}

/** The numbered checks, most likely first for the error code. */
function stsChecks(
  denied: StsDenied,
  role: RoleParts,
  aws: string | undefined,
  subject: string | undefined
): string[] {
  const audience = denied.audience || DEFAULT_AUDIENCE
  const code = (denied.code || 'AccessDenied').toUpperCase()
  const provider = `arn:${role.partition}:iam::${role.account ?? 'ACCOUNT_ID'}:oidc-provider/${OIDC_HOST}`
  const providerCheck = `The IAM OIDC provider for https://${OIDC_HOST} must exist in account ${role.account ?? '(the role’s account)'} (${provider}), list '${audience}' among its audiences, and be the trust policy's Federated principal.`
  const audCheck = `The trust policy's condition on ${OIDC_HOST}:aud must equal the audience input: '${audience}'.`
  const subCheck = subjectCheck(denied, subject)
  const providerFirst =
    code.includes('INVALIDIDENTITYTOKEN') ||
    /openid ?connect provider|no openidconnect/i.test(aws ?? '')
  const checks: string[] = []
  if (code.includes('EXPIRED')) checks.push(EXPIRED_CHECK)
  if (code.includes('IDPCOMMUNICATION')) checks.push(IDP_CHECK)
  if (providerFirst) checks.push(providerCheck, audCheck, subCheck)
  else checks.push(audCheck, subCheck, providerCheck)
  checks.push(PERMISSION_CHECK)
  return checks.map((c, i) => `${i + 1}. ${c}`)
}

/** A trust policy that accepts this run, when the repository is known (commercial partition). */
function acceptingPolicy(
  denied: StsDenied,
  role: RoleParts,
  subject: string | undefined
): string[] {
  const repo = denied.repository?.trim()
  const ref = denied.ref?.trim()
  if (!repo || role.partition !== 'aws') return []
  const sub = subject ?? derivedSubject(denied)
  try {
    const policy = trustPolicy({
      repository: repo,
      ...(ref ? { ref } : {}),
      audience: denied.audience || DEFAULT_AUDIENCE,
      ...(role.account ? { accountId: role.account } : {})
    })
    // The sub this run really presents (token, or pull_request) rather than its ref.
    const condition = policy.Statement[0]?.Condition?.StringEquals
    if (sub && condition) condition[`${OIDC_HOST}:sub`] = sub
    return [
      subject
        ? 'A trust policy that accepts this run (the sub as its token presents it):'
        : 'A trust policy that accepts this run (classic sub form):',
      JSON.stringify(policy, null, 2)
    ]
  } catch {
    // repository or ref not usable for a policy: the checks still apply
    return []
  }
}

/**
 * Explain why STS refused AssumeRoleWithWebIdentity: the usual trust-policy mismatches (audience,
 * sub form, OIDC provider, id-token permission), most likely first for the error code, with the exact
 * sub claim this run presents when repository and ref are known.
 */
export function explainStsDenied(denied: StsDenied): string {
  const role = roleParts(denied.roleArn)
  const aws = quoteAws(denied.awsMessage)
  const subject = denied.subject?.trim() || undefined
  const lines: string[] = [
    `STS refused to let this run assume ${denied.roleArn} (${denied.code || 'AccessDenied'}).`
  ]
  if (aws) lines.push(`AWS said: ${aws}`)
  if (!role.valid) {
    lines.push(
      `The role ARN does not look like 'arn:aws:iam::123456789012:role/NAME': check role-to-assume.`
    )
  }
  // The runner tells an action neither the job's environment nor the sub; only the token does.
  lines.push('Check:', ...stsChecks(denied, role, aws, subject))
  lines.push(...acceptingPolicy(denied, role, subject))
  return lines.join('\n')
}
