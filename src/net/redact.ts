/**
 * One run-wide set of the secrets this run holds (OIDC token, AWS keys, session token, secret
 * URLs). Every text bound for a log line, an annotation, an output or the job summary passes
 * through `redact()` at the sink (the action's runner port, the CLI's streams), because AWS error
 * messages can quote what was sent and the runner's own masking never reaches the summary.
 */
import { secretValues } from '../inputs/env.js'
import { secretParts } from '../model/secret-url.js'
import { MASK, maskValues } from '../model/text.js'

/** Values shorter than this are not treated as secrets: masking them would garble ordinary text. */
export const MIN_SECRET_LENGTH = 8
export { MASK }

const secrets = new Set<string>()

function add(value: string): void {
  if (value.length >= MIN_SECRET_LENGTH) secrets.add(value)
}

/**
 * Register a secret for the rest of the run. Also registers the forms it takes when quoted back:
 * URL-encoded (a query string or form body) and each line of a multi-line value.
 */
export function addSecret(value: string | undefined): void {
  if (!value) return
  const trimmed = value.trim()
  for (const v of [value, trimmed, encodeURIComponent(trimmed)]) add(v)
  for (const line of trimmed.split(/\r?\n/)) add(line.trim())
}

/** `text` with every registered secret replaced by `***`. */
export function redact(text: string): string {
  return maskValues(text, secrets)
}

/** How many values are registered (for tests and debug lines; never the values). */
export function secretCount(): number {
  return secrets.size
}

/** Forget every secret: tests only, so one test's secrets do not mask the next one's text. */
export function clearSecrets(): void {
  secrets.clear()
}

/**
 * Register the secrets found in `env` with `register` (default addSecret): every variable that
 * env.ts lists as a secret value (credentials, tokens, secret inputs for either front door); a
 * secret URL with its parts. Names match case-insensitively on Windows.
 */
export function addEnvSecrets(
  env: Record<string, string | undefined>,
  register: (value: string) => void = addSecret,
  platform: NodeJS.Platform = process.platform
): void {
  for (const { value } of secretValues(env, platform)) {
    if (value.trim().length < MIN_SECRET_LENGTH) continue
    const parts = /^https?:\/\//i.test(value.trim()) ? secretParts(value.trim()) : [value]
    for (const part of parts) if (part.trim().length >= MIN_SECRET_LENGTH) register(part)
  }
}
