/**
 * IAM policy generation for route53-ddns: the least-privilege permissions policy the role needs, and
 * the trust policy that lets a GitHub Actions workflow assume it through OIDC.
 *
 * Pure: no I/O, no @actions/core. Output is deterministic (sorted, deduplicated) so the same inputs
 * always print the same JSON.
 */
import { InputError } from '../../model/errors.js'
import { parseState } from '../../inputs/inputs.js'
import { hostnameProblem, parseZoneId, listedName, normalizeName } from '../../model/names.js'
import type { DesiredState, RecordType } from '../../model/types.js'

/** A condition block: operator → condition key → value(s). */
type IamCondition = Record<string, Record<string, string | string[]>>

/** One policy statement. Exactly one of Action/NotAction and (for identity policies) Resource/NotResource. */
export interface IamStatement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal?: '*' | Record<string, string | string[]>
  Action?: string | string[]
  NotAction?: string | string[]
  Resource?: string | string[]
  NotResource?: string | string[]
  Condition?: IamCondition
}

export interface IamPolicy {
  Version: '2012-10-17'
  Statement: IamStatement[]
}

export interface PolicyOptions {
  /** FQDNs, any case, trailing dot optional, may start with '*.'. */
  hostnames: string[]
  /** Bare 'Z…' or '/hostedzone/Z…'; empty means zones are discovered (resource hostedzone/*). */
  zoneIds: string[]
  /** Default ['A', 'AAAA']. */
  recordTypes?: RecordType[]
  /** 'absent' needs only DELETE; 'present' (default) needs CREATE and DELETE (guarded replace). */
  state?: DesiredState
  /** Add route53:ListHostedZonesByName on '*'. */
  discovery?: boolean
  /** Add route53:GetChange on 'arn:aws:route53:::change/*'. */
  waitForSync?: boolean
}

export interface TrustOptions {
  /** 'owner/repo'. */
  repository: string
  /** Numeric ids; when both are given the immutable sub form is accepted as well. */
  ownerId?: string
  repositoryId?: string
  /** Branch name or full ref ('main' → 'refs/heads/main'). Exclusive with `environment`. */
  ref?: string
  /** Deployment environment name. Exclusive with `ref`. */
  environment?: string
  /** Reusable workflow 'owner/repo/.github/workflows/x.yml@refs/heads/main'. */
  workflowRef?: string
  /** Default 'sts.amazonaws.com'. */
  audience?: string
  /** 12 digits; default the literal placeholder 'ACCOUNT_ID' for the user to replace. */
  accountId?: string
}

export const OIDC_HOST = 'token.actions.githubusercontent.com'
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com'
const ACCOUNT_PLACEHOLDER = 'ACCOUNT_ID'

export const NAMES_KEY = 'route53:ChangeResourceRecordSetsNormalizedRecordNames'
export const TYPES_KEY = 'route53:ChangeResourceRecordSetsRecordTypes'
export const ACTIONS_KEY = 'route53:ChangeResourceRecordSetsActions'

const ALL_ZONES_ARN = 'arn:aws:route53:::hostedzone/*'
const CHANGE_ARN = 'arn:aws:route53:::change/*'
const RECORD_TYPES: readonly RecordType[] = ['A', 'AAAA']

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort()

/**
 * The record name in the form IAM's `route53:ChangeResourceRecordSetsNormalizedRecordNames` key
 * uses: Route 53's listed form without the trailing dot (`*.example.com` → `\\052.example.com`).
 */
export function normalizedRecordName(fqdn: string): string {
  return listedName(fqdn.trim()).slice(0, -1)
}

/** ARN of a hosted zone, from a bare or prefixed id. */
function zoneArn(zoneId: string): string {
  return `arn:aws:route53:::hostedzone/${parseZoneId(zoneId)}`
}

/** Validate a user's hostname for a policy and return its IAM-normalised form. */
function policyName(raw: string): string {
  const name = normalizeName(raw.replace(/^\\052\./, '*.'))
  const problem = hostnameProblem(name)
  if (problem)
    throw new InputError('hostnames', problem === 'is empty' ? `'${raw}' is empty` : problem)
  return normalizedRecordName(name)
}

interface ChangeStatementOptions {
  /** Zone ids (bare or prefixed); empty means any zone. */
  zoneIds: string[]
  /** Record names in any form; they are normalised with normalizedRecordName. Empty: no names condition. */
  names: string[]
  /** Record types ('A', 'AAAA', …). Empty: no types condition. */
  types: string[]
  /** Change actions ('CREATE', 'DELETE', 'UPSERT'). Empty: no actions condition. */
  actions: string[]
  sid?: string
}

/**
 * A statement allowing route53:ChangeResourceRecordSets on the given zones only for the given names,
 * types and actions. Used by permissionsPolicy and by the AccessDenied explanations, so both print
 * the same shape. The names condition is guarded by `Null: false`, because `ForAllValues` is
 * vacuously true when the key is absent from the request.
 */
export function changeRecordSetsStatement(options: ChangeStatementOptions): IamStatement {
  const arns =
    options.zoneIds.length === 0 ? [ALL_ZONES_ARN] : sortedUnique(options.zoneIds.map(zoneArn))
  const names = sortedUnique(options.names.map(normalizedRecordName))
  const types = sortedUnique(options.types.map((t) => t.trim().toUpperCase()))
  const actions = sortedUnique(options.actions.map((a) => a.trim().toUpperCase()))
  const forAll: Record<string, string[]> = {}
  if (names.length > 0) forAll[NAMES_KEY] = names
  if (types.length > 0) forAll[TYPES_KEY] = types
  if (actions.length > 0) forAll[ACTIONS_KEY] = actions
  const statement: IamStatement = {
    ...(options.sid ? { Sid: options.sid } : {}),
    Effect: 'Allow',
    Action: 'route53:ChangeResourceRecordSets',
    Resource: single(arns)
  }
  const condition: IamCondition = {}
  if (Object.keys(forAll).length > 0) condition['ForAllValues:StringEquals'] = forAll
  if (names.length > 0) condition['Null'] = { [NAMES_KEY]: 'false' }
  if (Object.keys(condition).length > 0) statement.Condition = condition
  return statement
}

const single = (values: string[]): string | string[] =>
  values.length === 1 ? (values[0] as string) : values

/**
 * The least-privilege permissions policy for the given hostnames and zones:
 * - route53:ChangeResourceRecordSets on each zone, only for these names, these record types and the
 *   change actions the state needs ('present': CREATE + DELETE for the guarded replace; 'absent':
 *   DELETE). One statement per zone; with several zones *and* several names a name cannot be
 *   attributed to a zone without I/O, so a single statement covers all zones and all names.
 * - route53:ListResourceRecordSets on the same zones (to read the current record before replacing it).
 * - route53:GetChange on change/* when `waitForSync`; route53:ListHostedZonesByName on '*' when
 *   `discovery`. With no zone ids the zone resource is hostedzone/*.
 */
export function permissionsPolicy(options: PolicyOptions): IamPolicy {
  if (options.hostnames.length === 0)
    throw new InputError('hostnames', 'at least one hostname is needed')
  const names = sortedUnique(options.hostnames.map(policyName))
  const zones = sortedUnique(options.zoneIds.map(parseZoneId))
  const types = options.recordTypes ?? [...RECORD_TYPES]
  if (types.length === 0) throw new InputError('record-types', 'at least one record type is needed')
  for (const t of types) {
    if (!RECORD_TYPES.includes(t)) {
      throw new InputError('record-types', `'${String(t)}' is not supported (A or AAAA)`)
    }
  }
  const state = parseState(String(options.state ?? 'present'))
  const actions = state === 'absent' ? ['DELETE'] : ['CREATE', 'DELETE']

  const statements: IamStatement[] = []
  const change = (zoneIds: string[], sid: string): IamStatement =>
    changeRecordSetsStatement({ zoneIds, names, types, actions, sid })
  if (zones.length === 0) {
    statements.push(change([], 'ChangeRecordsAnyZone'))
  } else if (zones.length > 1 && names.length > 1) {
    statements.push(change(zones, 'ChangeRecords'))
  } else {
    for (const z of zones) statements.push(change([z], `ChangeRecords${z}`))
  }
  statements.push({
    Sid: 'ListRecords',
    Effect: 'Allow',
    Action: 'route53:ListResourceRecordSets',
    Resource: zones.length === 0 ? ALL_ZONES_ARN : single(zones.map(zoneArn))
  })
  if (options.waitForSync) {
    statements.push({
      Sid: 'WaitForSync',
      Effect: 'Allow',
      Action: 'route53:GetChange',
      Resource: CHANGE_ARN
    })
  }
  if (options.discovery) {
    statements.push({
      Sid: 'FindHostedZones',
      Effect: 'Allow',
      Action: 'route53:ListHostedZonesByName',
      Resource: '*'
    })
  }
  return { Version: '2012-10-17', Statement: statements }
}

/** 'main' → 'refs/heads/main'; 'refs/…' kept. */
export function fullRef(ref: string): string {
  const r = ref.trim()
  return r.startsWith('refs/') ? r : `refs/heads/${r}`
}

function parseRepository(repository: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repository.trim())
  if (!m?.[1] || !m[2] || m[2] === '.' || m[2] === '..') {
    throw new InputError('repository', `'${repository}' is not 'owner/repo'`)
  }
  return { owner: m[1], repo: m[2] }
}

/** The sub claim's context after 'repo:OWNER/REPO:' for a ref or an environment. */
function subContext(options: { ref?: string; environment?: string }): string {
  if (options.ref !== undefined && options.environment !== undefined) {
    throw new InputError(
      'environment',
      'ref and environment are mutually exclusive: a job that uses an environment presents the environment in its sub claim, not the ref'
    )
  }
  if (options.environment !== undefined) {
    const env = options.environment.trim()
    // eslint-disable-next-line no-control-regex
    if (env.length === 0 || env.length > 255 || /[\x00-\x1f*?]/.test(env)) {
      throw new InputError(
        'environment',
        `'${options.environment}' is not a usable environment name`
      )
    }
    return `environment:${env}`
  }
  const ref = fullRef(options.ref ?? 'main')
  if (ref === 'refs/heads/' || /[\s*?:~^[\\]/.test(ref) || ref.includes('..')) {
    throw new InputError('ref', `'${options.ref ?? ''}' is not a valid branch or ref`)
  }
  return `ref:${ref}`
}

/**
 * The trust policy that lets GitHub Actions runs of one repository assume the role through OIDC.
 *
 * The `sub` condition is an exact `StringEquals`: with neither `ref` nor `environment` it defaults
 * to the `main` branch (`repo:OWNER/REPO:ref:refs/heads/main`) rather than a `repo:OWNER/REPO:*`
 * wildcard, which would also admit every branch, tag and pull request. A job that declares
 * `environment:` presents `…:environment:NAME` instead of the ref, hence the two are exclusive.
 * When `ownerId` and `repositoryId` are both given, the immutable form
 * `repo:OWNER@OWNER_ID/REPO@REPO_ID:…` (github.com repositories created, renamed or transferred
 * after 2026-07-15, or opted in) is accepted too. `workflowRef` adds a `job_workflow_ref` condition pinning a reusable workflow.
 * `accountId` defaults to the placeholder 'ACCOUNT_ID', for the user to replace.
 */
export function trustPolicy(options: TrustOptions): IamPolicy {
  const { owner, repo } = parseRepository(options.repository)
  const account = options.accountId?.trim() ?? ACCOUNT_PLACEHOLDER
  if (options.accountId !== undefined && !/^\d{12}$/.test(account)) {
    throw new InputError('account-id', `'${options.accountId}' is not a 12-digit AWS account id`)
  }
  const audience = (options.audience ?? DEFAULT_AUDIENCE).trim()
  if (audience.length === 0 || /\s/.test(audience)) {
    throw new InputError('audience', `'${options.audience ?? ''}' is not a usable audience`)
  }
  if ((options.ownerId === undefined) !== (options.repositoryId === undefined)) {
    throw new InputError(
      options.ownerId === undefined ? 'owner-id' : 'repository-id',
      'owner-id and repository-id must be given together (both form the immutable sub claim)'
    )
  }
  for (const [field, value] of [
    ['owner-id', options.ownerId],
    ['repository-id', options.repositoryId]
  ] as const) {
    if (value !== undefined && !/^\d{1,20}$/.test(value.trim())) {
      throw new InputError(field, `'${value}' is not a numeric id`)
    }
  }
  const context = subContext(options)
  const subs = [`repo:${owner}/${repo}:${context}`]
  if (options.ownerId !== undefined && options.repositoryId !== undefined) {
    subs.push(
      `repo:${owner}@${options.ownerId.trim()}/${repo}@${options.repositoryId.trim()}:${context}`
    )
  }
  const equals: Record<string, string | string[]> = {
    [`${OIDC_HOST}:aud`]: audience,
    [`${OIDC_HOST}:sub`]: single(subs)
  }
  if (options.workflowRef !== undefined) {
    const wf = options.workflowRef.trim()
    if (
      !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/\.github\/workflows\/[^@\s*?]+\.ya?ml@[^\s*?]+$/.test(wf)
    ) {
      throw new InputError(
        'workflow-ref',
        `'${options.workflowRef}' is not 'owner/repo/.github/workflows/file.yml@refs/heads/branch'`
      )
    }
    equals[`${OIDC_HOST}:job_workflow_ref`] = wf
  }
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'GitHubActionsOidc',
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/${OIDC_HOST}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: equals }
      }
    ]
  }
}
