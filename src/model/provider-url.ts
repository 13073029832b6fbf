/**
 * Echo-provider URLs as the user gives them in `ip-providers`: what is allowed (HTTPS, or plain
 * HTTP to loopback only). Pure: used by inputs.ts to validate and by detection to count votes.
 */
import { schemeProblem } from './url-rule.js'
import { InputError } from './errors.js'

/**
 * Check one `ip-providers` URL: no user name or password, and the URL rule (url-rule.ts). Returns
 * the URL (trimmed); throws InputError('ip-providers', …).
 */
export function validateProviderUrl(url: string): string {
  const text = url.trim()
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    throw new InputError('ip-providers', `'${text.slice(0, 200)}' is not a URL`)
  }
  if (parsed.username || parsed.password) {
    throw new InputError(
      'ip-providers',
      `'${parsed.host}' URL must not contain a user name or password (it would appear in logs)`
    )
  }
  const problem = schemeProblem(parsed)
  if (problem === 'plain-http') throw new InputError('ip-providers', plainHttp(text))
  if (problem) throw new InputError('ip-providers', `'${text}' must be an https:// URL`)
  return text
}

const plainHttp = (text: string): string =>
  `'${text}' uses plain http://, which anyone on the path can forge: use https:// (http:// is allowed only for loopback test servers)`

/**
 * Who answers at a provider URL: its origin (scheme, host, port) as the WHATWG URL parser
 * normalises it (case, default port, IPv4 and IPv6 spellings, IDNA), without a trailing dot on the
 * host. The path does not count: one service is one vote however its URL is written.
 */
export function providerOrigin(url: string): string {
  const u = new URL(url.trim())
  u.hostname = u.hostname.replace(/\.$/, '')
  return u.origin
}

/** The voter a provider URL stands for: its origin, or its text when it is not a URL. */
export function providerKey(url: string): string {
  try {
    return providerOrigin(url)
  } catch {
    return url // not a URL: asking it reports why
  }
}

/** Providers with one URL per origin (the first listed), and the origins listed more than once. */
export function distinctProviders(urls: readonly string[]): {
  urls: string[]
  merged: { origin: string; urls: string[] }[]
} {
  const byOrigin = new Map<string, string[]>()
  for (const url of urls) {
    const origin = providerKey(url)
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), url])
  }
  const merged = [...byOrigin]
    .filter(([, same]) => same.length > 1)
    .map(([origin, urls]) => ({ origin, urls }))
  return { urls: [...byOrigin.values()].map((same) => same[0] as string), merged }
}
