/**
 * Where inputs live in the environment (the runner's `INPUT_*`, the CLI's `ROUTE53_DDNS_*`) and
 * the one list of variables that hold a secret or lead to one. What the address command may not
 * see and what the run registers for masking are both derived from here. Pure.
 */
import { INPUTS, type InputName } from './inputs.js'

/** The runner's variable for an input: upper-cased, spaces as `_`, hyphens kept (the toolkit's rule). */
export function actionInputVariable(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
}

/** The CLI's variable for an input: `--hosted-zone-id` ↔ `ROUTE53_DDNS_HOSTED_ZONE_ID`. */
export function cliInputVariable(input: string): string {
  return `ROUTE53_DDNS_${input.toUpperCase().replace(/-/g, '_')}`
}

/**
 * `value`: the variable's value is a secret (withheld and masked). `pointer`: a path or endpoint
 * from which a credential is fetched (withheld; the path itself is not a secret, so not masked).
 */
type SecretKind = 'value' | 'pointer'

/**
 * Credential variables outside the inputs. AWS: every variable the SDK's default chain reads a
 * credential from (credential-provider-env, -http, -web-identity, @smithy/credential-provider-imds,
 * token-providers), plus the legacy session-token name other AWS tools read. Runner: the OIDC
 * request pair and the runtime token a JavaScript action is given. GitHub CLI tokens, if set.
 */
export const CREDENTIAL_VARIABLES: Readonly<Record<string, SecretKind>> = {
  AWS_ACCESS_KEY_ID: 'value',
  AWS_SECRET_ACCESS_KEY: 'value',
  AWS_SESSION_TOKEN: 'value',
  AWS_SECURITY_TOKEN: 'value',
  // The container credential endpoint: the relative URI alone fetches the keys (ECS).
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: 'value',
  AWS_CONTAINER_CREDENTIALS_FULL_URI: 'pointer',
  AWS_CONTAINER_AUTHORIZATION_TOKEN: 'value',
  AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: 'pointer',
  AWS_WEB_IDENTITY_TOKEN_FILE: 'pointer',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'value',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'pointer',
  ACTIONS_RUNTIME_TOKEN: 'value',
  GITHUB_TOKEN: 'value',
  GH_TOKEN: 'value',
  GH_ENTERPRISE_TOKEN: 'value',
  GITHUB_ENTERPRISE_TOKEN: 'value'
}

/** Families of credential variables: the SDK reads a bearer token from `AWS_BEARER_TOKEN_<SERVICE>`. */
const CREDENTIAL_PREFIXES: Readonly<Record<string, SecretKind>> = {
  AWS_BEARER_TOKEN_: 'value'
}

/** The inputs marked secret in INPUTS (tokens and monitoring URLs). */
export function secretInputs(): InputName[] {
  return (Object.keys(INPUTS) as InputName[]).filter((name) => 'secret' in INPUTS[name])
}

/** Every secret variable by exact name: credentials, then each secret input for both front doors. */
function secretVariables(): ReadonlyMap<string, SecretKind> {
  const out = new Map<string, SecretKind>(Object.entries(CREDENTIAL_VARIABLES))
  for (const input of secretInputs()) {
    out.set(actionInputVariable(input), 'value')
    out.set(cliInputVariable(input), 'value')
  }
  return out
}

/**
 * Whether `name` holds a secret (and which kind), or undefined. Windows' environment names are
 * case-insensitive (the SDK signs with `aws_secret_access_key` there), so on win32 the match is too.
 */
export function secretKind(name: string, platform: NodeJS.Platform): SecretKind | undefined {
  const key = platform === 'win32' ? name.toUpperCase() : name
  const exact = secretVariables().get(key)
  if (exact) return exact
  for (const [prefix, kind] of Object.entries(CREDENTIAL_PREFIXES)) {
    if (key.startsWith(prefix)) return kind
  }
  return undefined
}

/** A copy of `env` without any variable that holds a secret or leads to one. */
export function withoutSecrets(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(env)) {
    if (secretKind(name, platform) === undefined) out[name] = value
  }
  return out
}

/** The values in `env` that are secrets themselves (kind `value`), for masking; pointers are not. */
export function secretValues(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform
): { name: string; value: string }[] {
  return Object.entries(env)
    .filter((e): e is [string, string] => Boolean(e[1]) && secretKind(e[0], platform) === 'value')
    .map(([name, value]) => ({ name, value }))
}
