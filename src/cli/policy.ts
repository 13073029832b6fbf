/** `route53-ddns policy`: print the least-privilege permissions policy and the OIDC trust policy. */
import { InputError } from '../model/errors.js'
import { parseHostMap } from '../inputs/host-map.js'
import { parseHostIds } from '../inputs/host-ids.js'
import { list as splitList, parseState } from '../inputs/inputs.js'
import {
  permissionsPolicy,
  trustPolicy,
  type IamPolicy,
  type TrustOptions
} from '../aws/iam/policy.js'
import { UsageError, parseFlags, type FlagSpec } from './args.js'
import { policyHelpText } from './help.js'
import type { Io } from './io.js'

const stringFlag = (multiple = false): FlagSpec => ({ type: 'string', multiple })
const booleanFlag = (short?: string): FlagSpec => ({
  type: 'boolean',
  multiple: false,
  ...(short ? { short } : {})
})

/** The `policy` subcommand's flags. */
const POLICY_FLAGS: Record<string, FlagSpec> = {
  hostname: stringFlag(true),
  'hosted-zone-id': stringFlag(true),
  'host-map': stringFlag(true),
  'ipv6-host-ids': stringFlag(true),
  state: stringFlag(),
  'wait-for-sync': booleanFlag(),
  repository: stringFlag(),
  'owner-id': stringFlag(),
  'repository-id': stringFlag(),
  ref: stringFlag(),
  environment: stringFlag(),
  'workflow-ref': stringFlag(),
  audience: stringFlag(),
  'account-id': stringFlag(),
  json: booleanFlag(),
  help: booleanFlag('h')
}

const TRUST_ONLY = [
  'owner-id',
  'repository-id',
  'ref',
  'environment',
  'workflow-ref',
  'audience',
  'account-id'
] as const

const list = (value: string | undefined): string[] => splitList(value ?? '')

/** Policy errors name fields ('hostnames', 'account-id', …); show them as the flags they came from. */
function flagOf(field: string): string {
  return field === 'hostnames'
    ? '--hostname'
    : field === 'record-types'
      ? 'record types'
      : `--${field}`
}

interface PolicyDocuments {
  permissionsPolicy: IamPolicy
  trustPolicy?: IamPolicy
}

/** Build both documents from the parsed flags; UsageError on any bad value. */
function buildPolicies(values: Map<string, string>): PolicyDocuments {
  try {
    return build(values)
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(`${flagOf(err.input)}: ${err.problem}`)
    throw err
  }
}

function build(values: Map<string, string>): PolicyDocuments {
  const hostnames = list(values.get('hostname'))
  const mapText = values.get('host-map')
  if (mapText !== undefined) {
    for (const names of parseHostMap(mapText).values()) hostnames.push(...names)
  }
  const hostIdText = values.get('ipv6-host-ids')
  if (hostIdText !== undefined) {
    // Only the names matter here; /1 accepts every identifier some prefix length could hold.
    for (const h of parseHostIds(hostIdText, 1)) hostnames.push(h.name)
  }
  if (hostnames.length === 0) {
    throw new UsageError('policy needs --hostname NAME (or --host-map TEXT, --ipv6-host-ids TEXT)')
  }
  const zoneIds = list(values.get('hosted-zone-id'))
  const state = parseState(values.get('state') ?? 'present')
  const repository = values.get('repository')
  if (repository === undefined) {
    const stray = TRUST_ONLY.find((f) => values.has(f))
    if (stray)
      throw new UsageError(`--${stray} is for the trust policy and needs --repository OWNER/REPO`)
  }
  const permissions = permissionsPolicy({
    hostnames: [...new Set(hostnames)],
    zoneIds,
    state,
    discovery: zoneIds.length === 0,
    waitForSync: values.get('wait-for-sync') === 'true'
  })
  if (repository === undefined) return { permissionsPolicy: permissions }
  const o: TrustOptions = { repository }
  const optional = {
    ownerId: 'owner-id',
    repositoryId: 'repository-id',
    ref: 'ref',
    environment: 'environment',
    workflowRef: 'workflow-ref',
    audience: 'audience',
    accountId: 'account-id'
  } as const
  for (const [key, flag] of Object.entries(optional) as Array<[keyof typeof optional, string]>) {
    const v = values.get(flag)
    if (v !== undefined) o[key] = v
  }
  return { permissionsPolicy: permissions, trustPolicy: trustPolicy(o) }
}

/** Run `route53-ddns policy …`; returns the exit code. */
export function policyCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseFlags(argv, POLICY_FLAGS)
  if (values.get('help') === 'true') {
    io.stdout.write(policyHelpText())
    return 0
  }
  if (positionals.length > 0) {
    throw new UsageError(
      `unexpected argument '${positionals[0] ?? ''}' (policy takes only options)`
    )
  }
  const docs = buildPolicies(values)
  if (values.get('json') === 'true') {
    io.stdout.write(`${JSON.stringify(docs, null, 2)}\n`)
    return 0
  }
  const out: string[] = [
    '# Permissions policy: attach it to the role (IAM > Roles > the role > Add permissions > Create inline policy).',
    JSON.stringify(docs.permissionsPolicy, null, 2)
  ]
  if (docs.trustPolicy) {
    out.push(
      '',
      '# Trust policy: the role’s trust relationship (IAM > Roles > the role > Trust relationships).',
      JSON.stringify(docs.trustPolicy, null, 2)
    )
    if (!values.has('account-id')) {
      io.stderr.write('note: replace ACCOUNT_ID, or pass --account-id 123456789012.\n')
    }
  } else {
    io.stderr.write('note: add --repository OWNER/REPO to also print the OIDC trust policy.\n')
  }
  io.stdout.write(`${out.join('\n')}\n`)
  return 0
}
