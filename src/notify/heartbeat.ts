/**
 * Heartbeat pings, following the services people use as a dead-man's switch:
 * - Uptime Kuma push URLs (`…/api/push/<token>`): GET with `status=up|down` and `msg=`; no start
 *   signal (Kuma has none), so only the end of the run pings.
 * - Anything else, Healthchecks.io style: `<url>/start` when the run begins, `<url>` on success,
 *   `<url>/fail` on failure, each a POST with a short plain-text body.
 */
import { clip, plainText, type RunEvent } from './event.js'
import type { HttpRequest } from './http.js'

type HeartbeatStyle = 'healthchecks' | 'uptime-kuma'
export type Phase = 'start' | 'success' | 'failure'

/** Longest body sent: Healthchecks.io keeps 100 kB, but a ping is a note, not a log. */
export const MAX_PING_BODY = 1000
/** Longest Uptime Kuma `msg` (it lands in a query string and the monitor's list of events). */
export const MAX_KUMA_MSG = 200

export function heartbeatStyle(url: string): HeartbeatStyle {
  return /\/api\/push\/[^/]+\/?$/.test(new URL(url).pathname) ? 'uptime-kuma' : 'healthchecks'
}

/** The request for one phase of the run, or undefined when the service has no such signal. */
export function heartbeatRequest(
  url: string,
  phase: Phase,
  event?: RunEvent
): HttpRequest | undefined {
  const u = new URL(url)
  if (heartbeatStyle(url) === 'uptime-kuma') {
    if (phase === 'start') return undefined
    // Kuma shows its push URL with `?status=up&msg=OK&ping=`: ours replace those.
    for (const key of ['status', 'msg', 'ping']) u.searchParams.delete(key)
    u.searchParams.set('status', phase === 'success' ? 'up' : 'down')
    const msg = event ? plainText(event).split('\n').slice(0, 2).join(' — ') : phase
    u.searchParams.set('msg', clip(msg, MAX_KUMA_MSG))
    return { method: 'GET', url: u.href }
  }
  const suffix = phase === 'start' ? '/start' : phase === 'failure' ? '/fail' : ''
  u.pathname = `${u.pathname.replace(/\/+$/, '')}${suffix}`
  const body = event ? plainText(event, MAX_PING_BODY) : 'route53-ddns started'
  return {
    method: 'POST',
    url: u.href,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body
  }
}
