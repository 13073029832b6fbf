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

export interface Route53Denied {
  operation: Route53Operation
  zoneId?: string
  names?: string[]
  types?: string[]
  actions?: string[]
  awsMessage?: string
}

export interface StsDenied {
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

/**
 * Explain a Route 53 AccessDenied: which action on which resource was refused, why that usually
 * happens, and the minimal statement (same builder as permissionsPolicy) allowing exactly that request.
 */
export function explainRoute53Denied(d: Route53Denied): string {
  const action = `route53:${d.operation}`
  const zone = d.zoneId ? bareZoneId(d.zoneId) : undefined
  const zoneResource = zone
    ? `arn:aws:route53:::hostedzone/${zone}`
    : 'arn:aws:route53:::hostedzone/*'
  const lines: string[] = []
  let statement: IamStatement
  let resource: string
  switch (d.operation) {
    case 'ChangeResourceRecordSets': {
      resource = zoneResource
      const names = d.names ?? []
      const types = d.types ?? []
      const actions = d.actions ?? []
      statement = safeStatement(
        () =>
          changeRecordSetsStatement({
            zoneIds: zone ? [zone] : [],
            names,
            types,
            actions,
            sid: 'ChangeRecords'
          }),
        { Sid: 'ChangeRecords', Effect: 'Allow', Action: action, Resource: zoneResource }
      )
      const parts: string[] = []
      if (names.length > 0)
        parts.push(`names ${[...new Set(names.map(normalizedRecordName))].join(', ')}`)
      if (types.length > 0) parts.push(`types ${[...new Set(types)].join(', ')}`)
      if (actions.length > 0) parts.push(`change actions ${[...new Set(actions)].join(', ')}`)
      lines.push(
        `Route 53 refused ${action} on ${resource}${parts.length > 0 ? ` for ${parts.join('; ')}` : ''}.`
      )
      lines.push(
        'The role may change records only where its policy allows every name, type and change action in the batch:',
        `- ${'route53:ChangeResourceRecordSetsNormalizedRecordNames'} holds names lowercase, without the trailing dot, with '*' written as \\052 (\\\\052 in JSON);`,
        '- a guarded update sends [DELETE old, CREATE new], so the policy needs CREATE and DELETE (UPSERT alone does not allow it); removing a record needs DELETE.'
      )
      if (!zone)
        lines.push('- the hosted zone id was not known; replace hostedzone/* with the zone id.')
      if (names.length === 0) {
        lines.push('- the record names were not known: add them to the names condition.')
      }
      break
    }
    case 'ListResourceRecordSets':
      resource = zoneResource
      statement = { Sid: 'ListRecords', Effect: 'Allow', Action: action, Resource: zoneResource }
      lines.push(
        `Route 53 refused ${action} on ${resource}. The action reads the current record before the guarded update, so the role needs it on each zone it changes.`
      )
      break
    case 'GetChange':
      resource = 'arn:aws:route53:::change/*'
      statement = { Sid: 'WaitForSync', Effect: 'Allow', Action: action, Resource: resource }
      lines.push(
        `Route 53 refused ${action} on ${resource}. Waiting for the change to reach INSYNC needs it; allow it or set wait-for-sync to false.`
      )
      break
    case 'ListHostedZonesByName':
      resource = '*'
      statement = { Sid: 'FindHostedZones', Effect: 'Allow', Action: action, Resource: '*' }
      lines.push(
        `Route 53 refused ${action} on *. Finding the hosted zone of a hostname needs it (it has no zone-level resource); allow it or set hosted-zone-id so no discovery is needed.`
      )
      break
  }
  const aws = quoteAws(d.awsMessage)
  if (aws) {
    lines.push(`AWS said: ${aws}`)
    if (/explicit deny/i.test(aws)) {
      lines.push(
        'The message names an explicit Deny: adding an Allow will not help; find the Deny (identity policy, permissions boundary, session policy or an organization SCP).'
      )
    } else if (/permissions boundary/i.test(aws)) {
      lines.push('The role has a permissions boundary: it must allow this action as well.')
    } else if (/service control policy/i.test(aws)) {
      lines.push("An organization's service control policy must allow this action as well.")
    }
  }
  lines.push('A minimal statement that allows exactly this request:', policyJson(statement))
  return lines.join('\n')
}

/**
 * Explain why STS refused AssumeRoleWithWebIdentity: the usual trust-policy mismatches (audience,
 * sub form, OIDC provider, id-token permission), most likely first for the error code, with the exact
 * sub claim this run presents when repository and ref are known.
 */
export function explainStsDenied(d: StsDenied): string {
  const arn = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(.+)$/.exec(d.roleArn.trim())
  const partition = arn?.[1] ?? 'aws'
  const account = arn?.[2]
  const provider = `arn:${partition}:iam::${account ?? 'ACCOUNT_ID'}:oidc-provider/${OIDC_HOST}`
  const audience = d.audience || DEFAULT_AUDIENCE
  const aws = quoteAws(d.awsMessage)
  const code = d.code || 'AccessDenied'

  const lines: string[] = [`STS refused to let this run assume ${d.roleArn} (${code}).`]
  if (aws) lines.push(`AWS said: ${aws}`)
  if (!arn) {
    lines.push(
      `The role ARN does not look like 'arn:aws:iam::123456789012:role/NAME': check role-to-assume.`
    )
  }

  const repo = d.repository?.trim()
  const ref = d.ref?.trim()
  const subject = d.subject?.trim() || undefined
  // The runner tells an action neither the job's environment nor the sub; only the token does.
  const derived = repo
    ? d.eventName === 'pull_request'
      ? `repo:${repo}:pull_request`
      : ref
        ? `repo:${repo}:ref:${fullRef(ref)}`
        : undefined
    : undefined
  const sub = subject ?? derived

  const checks: string[] = []
  const providerCheck = `The IAM OIDC provider for https://${OIDC_HOST} must exist in account ${account ?? '(the role’s account)'} (${provider}), list '${audience}' among its audiences, and be the trust policy's Federated principal.`
  const audCheck = `The trust policy's condition on ${OIDC_HOST}:aud must equal the audience input: '${audience}'.`
  const owner = repo ?? 'OWNER/REPO'
  const subLines = [
    `The trust policy's condition on ${OIDC_HOST}:sub must match the token's sub claim exactly (StringEquals is case-sensitive).`,
    subject
      ? `  This run's token presents: ${subject}`
      : derived
        ? `  This run presents: ${derived} (unless the job declares an environment: then repo:${owner}:environment:NAME)`
        : '  For a branch it is repo:OWNER/REPO:ref:refs/heads/BRANCH.',
    `  A job with \`environment: NAME\` presents repo:${owner}:environment:NAME instead of the ref; pull requests present repo:${owner}:pull_request.`,
    '  On github.com, repositories created after 2026-07-15, older ones renamed or transferred after that date, and those opted in use the immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID:…; a policy written only for the classic form fails — list both.'
  ]
  const permissionCheck =
    'The job needs `permissions: id-token: write` (without it the runner provides no OIDC token).'
  const codeUpper = code.toUpperCase()
  const providerFirst =
    codeUpper.includes('INVALIDIDENTITYTOKEN') ||
    /openid ?connect provider|no openidconnect/i.test(aws ?? '')
  if (codeUpper.includes('EXPIRED')) {
    checks.push(
      'The token expired before STS saw it: tokens live about 5 minutes, so fetch it right before calling STS, and check the runner clock.'
    )
  }
  if (codeUpper.includes('IDPCOMMUNICATION')) {
    checks.push('STS could not reach the identity provider: this is usually transient, retry.')
  }
  if (providerFirst) checks.push(providerCheck, audCheck, subLines.join('\n'))
  else checks.push(audCheck, subLines.join('\n'), providerCheck)
  checks.push(permissionCheck)
  lines.push('Check:', ...checks.map((c, i) => `${i + 1}. ${c}`))

  if (repo && partition === 'aws') {
    try {
      const policy = trustPolicy({
        repository: repo,
        ...(ref ? { ref } : {}),
        audience,
        ...(account ? { accountId: account } : {})
      })
      // The sub this run really presents (token, or pull_request) rather than its ref.
      const condition = policy.Statement[0]?.Condition?.StringEquals
      if (sub && condition) condition[`${OIDC_HOST}:sub`] = sub
      lines.push(
        subject
          ? 'A trust policy that accepts this run (the sub as its token presents it):'
          : 'A trust policy that accepts this run (classic sub form):',
        JSON.stringify(policy, null, 2)
      )
    } catch {
      // repository or ref not usable for a policy: the checks above still apply
    }
  }
  return lines.join('\n')
}
