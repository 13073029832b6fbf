/**
 * The one rule for every URL the user gives the program to send to (echo providers, heartbeat and
 * webhook URLs): `https://`, or plain `http://` only to a loopback host (127.0.0.0/8, ::1,
 * localhost) for test servers and sidecars, since anyone on the path can read and forge plain
 * HTTP. Callers word the error for their own input. Pure.
 */
import { isLoopbackHost } from './address.js'

/** How a URL breaks the rule: plain http to another machine, or not http at all. */
type SchemeProblem = 'plain-http' | 'not-https'

/** Whether `url` may be sent to: undefined when it may, else how it breaks the rule. */
export function schemeProblem(url: URL): SchemeProblem | undefined {
  if (url.protocol === 'https:') return undefined
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? undefined : 'plain-http'
  return 'not-https'
}
