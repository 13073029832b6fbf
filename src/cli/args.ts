/**
 * Command-line flags, generated from the INPUTS table so the CLI can never drift from action.yml:
 * every input is a `--<input>` flag and a `ROUTE53_DDNS_<INPUT>` environment variable, except the
 * GitHub-OIDC inputs, which the command line refuses (it signs in with the AWS SDK default chain).
 */
import { parseArgs } from 'node:util'
import { INPUTS, booleanValue, type InputName } from '../inputs/inputs.js'
import { cliInputVariable } from '../inputs/env.js'

/** A bad command line: exit code 2, no AWS request. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Inputs that only make sense inside a GitHub Actions job (they sign in by the runner's OIDC
 * token). The CLI uses the AWS SDK default credential chain instead and rejects these flags and
 * their environment variables with a usage error that says so.
 */
export const OIDC_ONLY_INPUTS = [
  'role-to-assume',
  'audience',
  'role-session-name',
  'role-duration-seconds'
] as const satisfies readonly InputName[]

/**
 * Inputs of the action alone besides sign-in: the failure issue needs a workflow run (its
 * repository and job token). Refused like the OIDC inputs.
 */
export const ACTION_ONLY_INPUTS = [
  'failure-issue',
  'github-token'
] as const satisfies readonly InputName[]

const ACTION_ONLY_REFUSAL =
  'is an input of the action only: the failure issue needs a GitHub workflow run (its ' +
  'repository and token); on the command line use --heartbeat-url or --notify-url'

/** Inputs that hold lists: repeating the flag appends (one item per line). */
export const LIST_INPUTS = [
  'hostname',
  'host-map',
  'ip',
  'ip-providers',
  'ipv6-host-ids'
] as const satisfies readonly InputName[]

/** Flags of the CLI itself, not action inputs. */
export const CLI_ONLY_FLAGS = {
  help: { short: 'h', description: 'Print this help and exit.' },
  version: { short: 'V', description: 'Print the version and exit.' },
  json: {
    short: undefined,
    description:
      'Print the records array (the action’s `records` output) as JSON on stdout, and nothing else there; log lines go to stderr.'
  },
  verbose: { short: 'v', description: 'Also print debug messages (to stderr).' }
} as const

const ALL_INPUTS = Object.keys(INPUTS) as InputName[]

const isOidcOnly = (name: string): boolean => (OIDC_ONLY_INPUTS as readonly string[]).includes(name)
const isActionOnly = (name: string): boolean =>
  isOidcOnly(name) || (ACTION_ONLY_INPUTS as readonly string[]).includes(name)
const isList = (name: string): boolean => (LIST_INPUTS as readonly string[]).includes(name)

/** Boolean inputs: the ones whose default is 'true' or 'false'. */
export function isBooleanInput(name: InputName): boolean {
  const d: string = INPUTS[name].default
  return d === 'true' || d === 'false'
}

/** The inputs that are CLI flags: every input but the action-only ones. */
export const FLAG_INPUTS: InputName[] = ALL_INPUTS.filter((n) => !isActionOnly(n))

/** `--hosted-zone-id` ↔ `ROUTE53_DDNS_HOSTED_ZONE_ID` (the rule lives in inputs/env.ts). */
export const envName = cliInputVariable

const OIDC_REFUSAL =
  'is a GitHub OIDC input of the action; the command line signs in with the AWS SDK default ' +
  'credential chain instead (AWS_PROFILE or a profile with role_arn, AWS_ACCESS_KEY_ID/' +
  'AWS_SECRET_ACCESS_KEY, AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, an instance role)'

export interface FlagSpec {
  type: 'string' | 'boolean'
  /** May be given more than once (values are joined by newlines). */
  multiple: boolean
  short?: string
}

interface ParsedFlags {
  /** Raw string per flag that was given (list flags joined by '\n', booleans 'true'/'false'). */
  values: Map<string, string>
  positionals: string[]
}

function boolValue(flag: string, value: string): string {
  const b = booleanValue(value)
  if (b !== undefined) return String(b)
  throw new UsageError(
    `--${flag}: '${value}' is not a boolean (use --${flag}, --${flag}=true or --${flag}=false)`
  )
}

/**
 * Parse argv against `specs` with node:util parseArgs, then check every token ourselves so that:
 * unknown flags, missing values and repeated single-value flags are usage errors; boolean flags
 * work bare and as `--flag=true|false`; list flags append. `refused` flags fail with their message.
 */
export function parseFlags(
  argv: string[],
  specs: Record<string, FlagSpec>,
  refused: Record<string, string> = {}
): ParsedFlags {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; multiple?: boolean; short?: string }
  > = {}
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }
  }
  const { tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  const values = new Map<string, string>()
  const positionals: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value)
      continue
    }
    if (token.kind !== 'option') continue
    const { name, rawName } = token
    const refusal = refused[name]
    if (refusal !== undefined) throw new UsageError(`${rawName} ${refusal}`)
    const spec = specs[name]
    if (!spec) {
      // parseArgs splits unknown `-abc` into `-a -b -c`; report what was written.
      throw new UsageError(`unknown option '${rawName}'`)
    }
    let value: string
    if (spec.type === 'boolean') {
      value = token.inlineValue && token.value !== undefined ? boolValue(name, token.value) : 'true'
    } else {
      if (token.value === undefined) throw new UsageError(`${rawName} needs a value`)
      if (!token.inlineValue && token.value.startsWith('-') && token.value.length > 1) {
        throw new UsageError(
          `${rawName} needs a value, but got the option-like '${token.value}' (write ${rawName}=${token.value} if that is the value)`
        )
      }
      value = token.value
    }
    const previous = values.get(name)
    if (previous !== undefined) {
      if (!spec.multiple) throw new UsageError(`--${name} was given more than once`)
      value = `${previous}\n${value}`
    }
    values.set(name, value)
  }
  return { values, positionals }
}

/** Specs of the main command: every non-OIDC input, then the CLI's own flags. */
export function mainSpecs(): Record<string, FlagSpec> {
  const specs: Record<string, FlagSpec> = {}
  for (const name of FLAG_INPUTS) {
    specs[name] = { type: isBooleanInput(name) ? 'boolean' : 'string', multiple: isList(name) }
  }
  for (const [name, f] of Object.entries(CLI_ONLY_FLAGS)) {
    specs[name] = { type: 'boolean', multiple: false, ...(f.short ? { short: f.short } : {}) }
  }
  return specs
}

/** Each action-only input's flag, with why the command line refuses it. */
export function refusals(): Record<string, string> {
  return Object.fromEntries([
    ...OIDC_ONLY_INPUTS.map((n) => [n, OIDC_REFUSAL]),
    ...ACTION_ONLY_INPUTS.map((n) => [n, ACTION_ONLY_REFUSAL])
  ])
}

/**
 * The raw value of each input as parseInputs wants it: the flag if given, else its environment
 * variable, else '' (parseInputs applies the default). Setting an OIDC-only variable is refused.
 */
export function inputGetter(
  flags: Map<string, string>,
  env: Record<string, string | undefined>
): { get: (name: InputName) => string; source: (name: string) => string } {
  for (const [name, refusal] of Object.entries(refusals())) {
    if ((env[envName(name)] ?? '').trim() !== '') {
      throw new UsageError(`${envName(name)} ${refusal}`)
    }
  }
  const get = (name: InputName): string => {
    if (isActionOnly(name)) return ''
    return flags.get(name) ?? env[envName(name)] ?? ''
  }
  const source = (name: string): string =>
    !flags.has(name) && (env[envName(name)] ?? '') !== '' ? envName(name) : `--${name}`
  return { get, source }
}
