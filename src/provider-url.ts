/**
 * Echo-provider URLs as the user gives them in `ip-providers`: what is allowed (HTTPS, or plain
 * HTTP to loopback only). Pure: used by inputs.ts to validate and by detection to count votes.
 */
import { isIP } from 'node:net'
import { classifyAddress } from './address.js'
import { InputError } from './errors.js'

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (host === 'localhost') return true
  const family = isIP(host)
  if (family === 4) return host.startsWith('127.')
  if (family === 6) return classifyAddress(host).range === 'loopback'
  return false
}

/**
 * Check one `ip-providers` URL: `https://`, or plain `http://` only for a loopback host
 * (127.0.0.0/8, ::1, localhost). Returns the URL (trimmed); throws InputError('ip-providers', …).
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
  if (parsed.protocol === 'https:') return text
  if (parsed.protocol === 'http:') {
    if (isLoopbackHost(parsed.hostname)) return text
    throw new InputError(
      'ip-providers',
      `'${text}' uses plain http://, which anyone on the path can forge: use https:// (http:// is allowed only for loopback test servers)`
    )
  }
  throw new InputError('ip-providers', `'${text}' must be an https:// URL`)
}
