import { schemeProblem } from './url-rule.js'
import { InputError } from './errors.js'

/** `https://hc-ping.com/…`: what a log may show of a secret URL (scheme and host only). */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}/…`
  } catch {
    return '(a URL)'
  }
}

/**
 * Check a secret URL input (`heartbeat-url`, `notify-url`) against the URL rule (url-rule.ts).
 * Errors show the scheme and host alone: the rest is the secret.
 */
export function validateSecretUrl(input: string, text: string): string {
  let u: URL
  try {
    u = new URL(text)
  } catch {
    throw new InputError(input, 'is not a URL (expected https://…)')
  }
  const problem = schemeProblem(u)
  if (problem === 'plain-http') throw new InputError(input, plainHttp(text))
  if (problem) throw new InputError(input, notHttps(u))
  return u.href
}

const plainHttp = (text: string): string =>
  `'${shownUrl(text)}' uses plain http://, which sends its secret in the clear: use https:// (http:// is allowed only for loopback)`

const notHttps = (u: URL): string => `must be an https:// URL, not ${u.protocol.replace(/:$/, '')}:`

/**
 * The parts of a secret URL worth masking in logs: the whole URL as given and normalised, its path
 * and query, and each long path segment or query value (tokens, ping UUIDs).
 */
export function secretParts(url: string): string[] {
  const parts = new Set<string>([url])
  try {
    const u = new URL(url)
    parts.add(u.href)
    const rest = `${u.pathname}${u.search}`
    if (rest.length >= 8) parts.add(rest)
    for (const seg of u.pathname.split('/')) if (seg.length >= 16) parts.add(seg)
    for (const value of u.searchParams.values()) if (value.length >= 16) parts.add(value)
    if (u.password) parts.add(u.password)
  } catch {
    // Not a URL: the whole text is the secret.
  }
  return [...parts]
}

/**
 * Everything in a secret URL after its host, whatever its length: each path segment and query
 * value, as written and decoded, and the user info. An answer from the endpoint is shown only
 * without these (a short key quoted back in a refusal is still the key).
 */
export function urlParts(url: string): string[] {
  const parts = new Set<string>()
  const both = (raw: string): void => {
    parts.add(raw)
    try {
      parts.add(decodeURIComponent(raw))
    } catch {
      // Not valid percent-encoding: the raw form is enough.
    }
  }
  try {
    const u = new URL(url)
    for (const seg of u.pathname.split('/')) both(seg)
    for (const pair of u.search.replace(/^\?/, '').split('&'))
      both(pair.slice(pair.indexOf('=') + 1))
    for (const value of u.searchParams.values()) parts.add(value)
    both(u.username)
    both(u.password)
  } catch {
    parts.add(url)
  }
  parts.delete('')
  return [...parts]
}
