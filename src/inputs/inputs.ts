import { isIP } from 'node:net'
import { InputError, shown } from '../model/errors.js'
import { normalizeName, hostnameProblem, parseZoneId } from '../model/names.js'
import { canonicalAddress, mappedIpv4 } from '../model/address.js'
import { validateProviderUrl } from '../model/provider-url.js'
import { parseHostMap, hostsForMachine } from './host-map.js'
import { hostAddresses, parseHostIds } from './host-ids.js'
import { parseCommand } from './ip-command.js'
import type {
  AuthConfig,
  Config,
  DesiredState,
  DetectionConfig,
  IpSource,
  IpVersion,
  MonitorConfig
} from '../model/types.js'
import { parseMonitoring } from './monitoring.js'
import { defaultComment, defaultSessionName, type RunContext } from '../model/run-context.js'

/**
 * Every input, its default and meaning: the one list that action.yml, the CLI and README follow.
 * `secret`: never shown, masked, and withheld from the address command (see env.ts).
 */
export const INPUTS = {
  hostname: {
    default: '',
    description: 'One or more FQDNs, separated by newlines, commas or spaces.'
  },
  'host-map': {
    default: '',
    description:
      'Lines `machine = fqdn[, fqdn…]`: the FQDNs for this machine, chosen by its hostname, else by the runner name (RUNNER_NAME, for container jobs); case-insensitive.'
  },
  'hosted-zone-id': {
    default: '',
    description: 'Hosted zone id (`Z…` or `/hostedzone/Z…`). Empty: find the zone of each hostname.'
  },
  'private-zone': {
    default: 'false',
    description: 'With zone discovery, consider private hosted zones too.'
  },
  ip: {
    default: '',
    description:
      'One or more addresses (IPv4 → A, IPv6 → AAAA). Empty: detect this machine’s address.'
  },
  'ip-source': {
    default: 'public',
    description:
      '`public`: ask address-echo services. `local`: read this machine’s interfaces. `command`: run `ip-command`.'
  },
  'ip-version': { default: '4', description: '`4`, `6` or `both`: which families to detect.' },
  'ip-providers': {
    default: '',
    description:
      'Echo service URLs (https), one per line or comma-separated, replacing the built-in list.'
  },
  interface: {
    default: '',
    description: 'For `ip-source: local`: the interface to read (e.g. `eth0`).'
  },
  'ip-command': {
    default: '',
    description:
      'For `ip-source: command`: the program and its arguments, run without a shell (quoted words or a JSON array). Its stdout must be exactly one address per requested family.'
  },
  'ip-command-timeout': {
    default: '10',
    description: 'Seconds `ip-command` may run, 1 … 600.'
  },
  'ipv6-host-ids': {
    default: '',
    description:
      'Lines `fqdn = ::host:id`: AAAA records for machines behind this one, made of this machine’s IPv6 prefix and each interface identifier.'
  },
  'ipv6-prefix-length': {
    default: '64',
    description: 'The prefix length for `ipv6-host-ids`, 1 … 127.'
  },
  ttl: { default: '300', description: 'Record TTL in seconds, 0 … 2147483647.' },
  state: {
    default: 'present',
    description:
      '`present`: create or update the records. `absent`: delete the named A/AAAA records.'
  },
  'set-identifier': {
    default: '',
    description:
      "This machine's member of a multivalue answer record at each hostname, 1–128 characters (e.g. the runner's name). Other members are left alone. Empty: a simple record."
  },
  'health-check-id': {
    default: '',
    description:
      "Route 53 health check id (a UUID) to attach to this machine's member; needs set-identifier."
  },
  'dry-run': { default: 'false', description: 'Plan and report; write nothing.' },
  'wait-for-sync': {
    default: 'false',
    description: 'Wait until each submitted change is INSYNC on all Route 53 name servers.'
  },
  'wait-timeout': { default: '300', description: 'Seconds to wait for sync, 1 … 3600.' },
  comment: {
    default: '',
    description: 'Change-batch comment. Default names the repository and run.'
  },
  'aws-region': { default: 'us-east-1', description: 'Region for the STS call and the SDK.' },
  'role-to-assume': {
    default: '',
    description:
      'IAM role ARN to assume with GitHub OIDC. Empty: use the AWS SDK default credential chain.'
  },
  audience: { default: 'sts.amazonaws.com', description: 'OIDC token audience.' },
  'role-session-name': {
    default: '',
    description: 'STS session name. Default derived from the run id and attempt.'
  },
  'role-duration-seconds': {
    default: '900',
    description: 'Session duration in seconds, 900 … 43200.'
  },
  'heartbeat-url': {
    default: '',
    description:
      'Dead-man’s-switch URL (secret) pinged on every run: Healthchecks.io style (`/start`, success, `/fail`) or an Uptime Kuma push URL.',
    secret: true
  },
  'notify-url': {
    default: '',
    description:
      'Webhook URL (secret) called when a record changed or the run failed: Slack, Discord, or JSON.',
    secret: true
  },
  'failure-issue': {
    default: 'false',
    description:
      'Action only. `true`: open an issue when a run fails, close it on the next success (needs `issues: write`).'
  },
  'github-token': {
    default: '${{ github.token }}',
    description: 'Action only. Token for failure-issue; default the job token.',
    secret: true
  }
} as const satisfies Record<string, { default: string; description: string; secret?: true }>

export type InputName = keyof typeof INPUTS

/** Limits that keep a run bounded on hostile or mistaken input. */
export const MAX_INPUT_LENGTH = 64 * 1024
export const MAX_HOSTNAMES = 1000
const MAX_ADDRESSES = 100

/** Where the machine-dependent parts of input parsing come from. */
interface InputContext {
  /** This machine's hostname, for `host-map`. */
  machine: string
  env: Record<string, string | undefined>
  /** The workflow run, for the default comment and session name; none outside a run. */
  run?: RunContext
  /** Whose quoting rules `ip-command` follows (`win32`: Windows'); default this process's platform. */
  platform?: NodeJS.Platform
}

/** Split a list input on newlines, commas and spaces. */
export function list(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** The spellings of a boolean the action accepts (those of the YAML 1.2 core schema). */
export function booleanValue(value: string): boolean | undefined {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  return undefined
}

/** A boolean input or option; InputError naming `name` otherwise. */
export function parseBoolean(name: string, value: string): boolean {
  const b = booleanValue(value)
  if (b === undefined) {
    throw new InputError(name, `'${shown(value)}' is not a boolean (use true or false)`)
  }
  return b
}

/** A whole number in `min … max`; InputError naming `name` otherwise. */
export function parseWholeNumber(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new InputError(name, `'${shown(value)}' is not a whole number`)
  const n = Number(value)
  if (n < min || n > max) throw new InputError(name, `${value} is out of range (${min} … ${max})`)
  return n
}

function oneOf<T extends string>(name: InputName, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(
    name,
    `'${shown(value)}' is not one of ${allowed.map((a) => `'${a}'`).join(', ')}`
  )
}

const STATES: readonly DesiredState[] = ['present', 'absent']

/** The `state` input: 'present' or 'absent'; InputError('state') otherwise. */
export function parseState(value: string): DesiredState {
  return oneOf('state', value, STATES)
}

const ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/

/** An input's value: trimmed, its default when empty, refused when absurdly long. */
type Read = (name: InputName) => string

function reader(get: (name: InputName) => string): Read {
  return (name) => {
    const value = get(name) ?? ''
    if (value.length > MAX_INPUT_LENGTH) {
      throw new InputError(name, `is ${value.length} characters long (at most ${MAX_INPUT_LENGTH})`)
    }
    const trimmed = value.trim()
    return trimmed === '' ? INPUTS[name].default : trimmed
  }
}

function hostnames(raw: string, field: InputName): string[] {
  const names = list(raw)
  if (names.length > MAX_HOSTNAMES) {
    throw new InputError(field, `has ${names.length} names (at most ${MAX_HOSTNAMES})`)
  }
  const out: string[] = []
  for (const written of names) {
    const name = normalizeName(written)
    const problem = hostnameProblem(name)
    if (problem) throw new InputError(field, problem === 'is empty' ? problem : shown(problem))
    if (!out.includes(name)) out.push(name)
  }
  return out
}

/** Names: explicit hostnames and/or this machine's entry in the host map. */
function parseNames(read: Read, machine: string, runnerName?: string): string[] {
  const names = hostnames(read('hostname'), 'hostname')
  const hostMapText = read('host-map')
  if (hostMapText) {
    const mapped = hostsForMachine(parseHostMap(hostMapText), machine, runnerName)
    names.push(...hostnames(mapped.join('\n'), 'host-map').filter((n) => !names.includes(n)))
  }
  if (names.length === 0 && read('ipv6-host-ids') === '') {
    throw new InputError(
      'hostname',
      'is required (or give host-map with an entry for this machine, or ipv6-host-ids)'
    )
  }
  return names
}

/** Explicit addresses (`ip`), canonical and deduplicated per family. */
function parseAddresses(read: Read): { ipv4: string[]; ipv6: string[] } {
  const ipv4: string[] = []
  const ipv6: string[] = []
  const ips = list(read('ip'))
  if (ips.length > MAX_ADDRESSES) {
    throw new InputError('ip', `has ${ips.length} addresses (at most ${MAX_ADDRESSES})`)
  }
  for (const ip of ips) {
    const family = isIP(ip)
    if (family === 0) throw new InputError('ip', `'${shown(ip)}' is not an IPv4 or IPv6 address`)
    const mapped = mappedIpv4(ip)
    if (mapped) {
      throw new InputError(
        'ip',
        `'${shown(ip)}' is an IPv4-mapped IPv6 address, never published as an AAAA record: write ${mapped} to publish it as an A record`
      )
    }
    let canonical: string
    try {
      canonical = canonicalAddress(ip)
    } catch (err) {
      throw new InputError('ip', shown((err as Error).message))
    }
    const target = family === 4 ? ipv4 : ipv6
    if (!target.includes(canonical)) target.push(canonical)
  }
  return { ipv4, ipv6 }
}

/** How to find the addresses; validated always, used only when there is something to detect. */
function parseDetection(read: Read, platform: NodeJS.Platform): DetectionConfig {
  const source = oneOf<IpSource>('ip-source', read('ip-source'), ['public', 'local', 'command'])
  const version = oneOf<IpVersion>('ip-version', read('ip-version'), ['4', '6', 'both'])
  const providers = list(read('ip-providers')).map((url) => validateProviderUrl(url))
  const iface = read('interface')
  // Linux and macOS names (`eth0`, `en0`), and Windows' friendly names (`Ethernet 2`, `Wi-Fi`).
  if (iface && !/^[\p{L}\p{N}_.:@#*+-]+(?: [\p{L}\p{N}_.:@#*+()[\]-]+)*$/u.test(iface)) {
    throw new InputError('interface', `'${shown(iface)}' is not an interface name`)
  }
  if (iface.length > 256) {
    throw new InputError('interface', 'is longer than 256 characters')
  }
  if (iface && source !== 'local') {
    throw new InputError('interface', "is only used with ip-source 'local'")
  }
  const command = parseCommandInputs(read, source, platform)
  return { source, version, providers, ...(iface ? { interface: iface } : {}), ...command }
}

/** Sign-in: GitHub OIDC when a role is given, else the SDK default chain. */
function parseAuth(read: Read, run: RunContext | undefined): AuthConfig {
  const roleArn = read('role-to-assume')
  const audience = read('audience')
  const sessionRaw = read('role-session-name')
  // Validate the OIDC inputs even when unused, so a typo is caught before it matters.
  if (!/^[\x21-\x7e]{1,256}$/.test(audience)) {
    throw new InputError('audience', `'${shown(audience)}' is not a valid audience`)
  }
  if (sessionRaw && !SESSION_NAME.test(sessionRaw)) {
    throw new InputError(
      'role-session-name',
      `'${shown(sessionRaw)}' must be 2–64 characters of letters, digits and +=,.@_-`
    )
  }
  const durationSeconds = parseWholeNumber(
    'role-duration-seconds',
    read('role-duration-seconds'),
    900,
    43200
  )
  if (!roleArn) return { kind: 'default' }
  if (!ROLE_ARN.test(roleArn)) {
    throw new InputError(
      'role-to-assume',
      `'${shown(roleArn)}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)`
    )
  }
  return {
    kind: 'oidc',
    roleArn,
    audience,
    sessionName: sessionRaw || defaultSessionName(run),
    durationSeconds
  }
}

const HEALTH_CHECK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * `set-identifier` and `health-check-id`: Route 53 takes identifiers of 1–128 characters and
 * assigns health checks UUID ids. Empty set-identifier keeps the simple record.
 */
function parseMemberInputs(raw: (name: InputName) => string): {
  setIdentifier?: string
  healthCheckId?: string
} {
  const setIdentifier = raw('set-identifier')
  if (setIdentifier.length > 128) {
    throw new InputError(
      'set-identifier',
      `is ${setIdentifier.length} characters long (Route 53 allows 1 … 128)`
    )
  }
  if ([...setIdentifier].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    throw new InputError('set-identifier', `'${shown(setIdentifier)}' contains control characters`)
  }
  const healthCheckId = raw('health-check-id').toLowerCase()
  if (healthCheckId && !HEALTH_CHECK_ID.test(healthCheckId)) {
    throw new InputError(
      'health-check-id',
      `'${shown(healthCheckId)}' is not a Route 53 health check id (a UUID such as abcdef11-2222-3333-4444-555555fedcba)`
    )
  }
  if (healthCheckId && !setIdentifier) {
    throw new InputError(
      'health-check-id',
      "is only used with set-identifier (a health check belongs to one machine's member)"
    )
  }
  return {
    ...(setIdentifier ? { setIdentifier } : {}),
    ...(healthCheckId ? { healthCheckId } : {})
  }
}

/** `ip-command` (validated whenever given) and its timeout, for `ip-source: command`. */
function parseCommandInputs(
  read: (name: InputName) => string,
  source: IpSource,
  platform: NodeJS.Platform
): Pick<DetectionConfig, 'command' | 'commandTimeoutMs'> {
  const text = read('ip-command')
  const command = text ? parseCommand(text, platform) : undefined
  const timeout = parseWholeNumber('ip-command-timeout', read('ip-command-timeout'), 1, 600)
  if (command && source !== 'command') {
    throw new InputError('ip-command', "is only used with ip-source 'command'")
  }
  if (!command && source === 'command') {
    throw new InputError('ip-command', "is required with ip-source 'command'")
  }
  return command ? { command, commandTimeoutMs: timeout * 1000 } : {}
}

/**
 * `ipv6-host-ids` and `ipv6-prefix-length`. Publishing needs this machine's IPv6 address, so with
 * state present it must be given in `ip` or detected (ip-version 6 or both).
 */
function parseHostIdInputs(
  read: (name: InputName) => string,
  names: string[],
  ipv6: string[],
  detection: DetectionConfig | undefined,
  state: DesiredState
): Config['hostIds'] {
  const prefixLength = parseWholeNumber('ipv6-prefix-length', read('ipv6-prefix-length'), 1, 127)
  const text = read('ipv6-host-ids')
  if (!text) return undefined
  const hosts = parseHostIds(text, prefixLength)
  if (hosts.length > MAX_HOSTNAMES) {
    throw new InputError('ipv6-host-ids', `has ${hosts.length} names (at most ${MAX_HOSTNAMES})`)
  }
  const clash = hosts.find((h) => names.includes(h.name))
  if (clash) {
    throw new InputError(
      'ipv6-host-ids',
      `'${clash.name}' is also in hostname (or host-map): a name gets its AAAA record from one of them`
    )
  }
  if (state === 'present') {
    if (detection && detection.version === '4') {
      throw new InputError(
        'ipv6-host-ids',
        "needs this machine's IPv6 address: set ip-version to 6 or both, or give an IPv6 address in ip"
      )
    }
    if (!detection && ipv6.length === 0) {
      throw new InputError('ipv6-host-ids', "needs this machine's IPv6 address, and ip has none")
    }
    if (!detection) {
      try {
        hostAddresses({ prefixLength, hosts }, ipv6)
      } catch (err) {
        throw new InputError('ipv6-host-ids', (err as Error).message)
      }
    }
  }
  return { prefixLength, hosts }
}

/**
 * Validate raw inputs into a Config. `get` returns the raw string of an input ('' when unset).
 * Throws InputError naming the first bad input; performs no network or AWS calls.
 */
export function parseInputs(get: (name: InputName) => string, ctx: InputContext): Config {
  const monitor = parseMonitoringInputs(get)
  const read = reader(get)
  const hostnames = parseNames(read, ctx.machine, ctx.env.RUNNER_NAME)
  const zoneText = read('hosted-zone-id')
  const hostedZoneId = zoneText ? parseZoneId(zoneText) : undefined

  const state = parseState(read('state'))
  const member = parseMemberInputs(read)
  const ttl = parseWholeNumber('ttl', read('ttl'), 0, 2147483647)
  const dryRun = parseBoolean('dry-run', read('dry-run'))
  const privateZone = parseBoolean('private-zone', read('private-zone'))
  const waitForSync = parseBoolean('wait-for-sync', read('wait-for-sync'))
  const waitTimeout = parseWholeNumber('wait-timeout', read('wait-timeout'), 1, 3600)

  const { ipv4, ipv6 } = parseAddresses(read)
  if (state === 'absent' && ipv4.length + ipv6.length > 0) {
    throw new InputError(
      'ip',
      "is not used with state 'absent', which deletes the names' A and AAAA records whatever they hold: remove ip, or set state to 'present'"
    )
  }
  const detection = parseDetection(read, ctx.platform ?? process.platform)
  const detect = state === 'present' && ipv4.length + ipv6.length === 0
  const hostIds = parseHostIdInputs(read, hostnames, ipv6, detect ? detection : undefined, state)

  const region = read('aws-region')
  if (!REGION.test(region)) {
    throw new InputError('aws-region', `'${shown(region)}' is not an AWS region name`)
  }
  const comment = read('comment') || defaultComment(ctx.run)
  if (comment.length > 256) {
    throw new InputError('comment', `is ${comment.length} characters long (at most 256)`)
  }
  const auth = parseAuth(read, ctx.run)

  return {
    hostnames,
    ...(hostedZoneId ? { hostedZoneId } : {}),
    ipv4,
    ipv6,
    ...(detect ? { detection } : {}),
    ...(hostIds ? { hostIds } : {}),
    ttl,
    dryRun,
    comment,
    region,
    state,
    privateZone,
    waitForSync,
    waitTimeout,
    auth,
    ...member,
    monitor
  }
}

/** The monitoring inputs alone (read first, so a run with other bad inputs still reports). */
export function parseMonitoringInputs(get: (name: InputName) => string): MonitorConfig {
  return parseMonitoring(reader(get), parseBoolean)
}
