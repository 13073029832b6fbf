/**
 * Monitoring for `watch`, a daemon rather than a run. The heartbeat says "alive and in sync":
 * - a success ping after the first check that ends in sync (nothing is sent at start: a daemon has
 *   no run to time, so no `/start`), then one every HEARTBEAT_PERIOD_MS (or every interval, when
 *   that is longer) while checks succeed;
 * - `/fail` (Uptime Kuma: `status=down`) when a failure streak starts, nothing more while it lasts,
 *   and a success ping as soon as a check succeeds again;
 * - never two pings within MIN_PING_GAP_MS: a state that flips faster is sent once the gap is over.
 * The webhook tells of each check that wrote records, and of the start and end of a failure streak
 * (start and end at most once per MIN_PING_GAP_MS each way, as the heartbeat), never of each failed
 * check. Every call is bounded and only ever a warning; none holds up the watch.
 */
import type { MonitorConfig, RecordReport } from '../model/types.js'
import type { RunEvent } from './event.js'
import { heartbeatRequest } from './heartbeat.js'
import { monitorCall, type MonitorDeps } from './monitor.js'
import { shouldNotify, webhookKind, webhookRequest } from './webhook.js'
import type { HttpRequest } from './http.js'

/** The steady rate of success pings (or the interval, if longer). */
export const HEARTBEAT_PERIOD_MS = 5 * 60_000
/** No two pings (and no two streak notifications) closer than this. */
export const MIN_PING_GAP_MS = 60_000

type Health = 'up' | 'down'

/** What was last sent, and when. */
interface Sent {
  state: Health
  at: number
}

/**
 * Whether to send `state` now, given what was last sent. `periodMs` re-sends an unchanged `up`
 * (the heartbeat); Infinity never does (notifications). Pure.
 */
export function sendDue(
  last: Sent | undefined,
  state: Health,
  now: number,
  periodMs: number
): boolean {
  if (last === undefined) return true
  if (now - last.at < MIN_PING_GAP_MS) return false
  return state !== last.state || (state === 'up' && now - last.at >= periodMs)
}

/** How one check ended: in sync (with what it read) or failed; `written` what it wrote either way. */
export type CheckEnd = { now: number; written: RecordReport[] } & (
  { ok: true; read?: RecordReport[] } | { ok: false; error: string }
)

export interface DaemonMonitor {
  /** Report one check; `error` is already redacted. */
  checkEnded(end: CheckEnd): void
  /** Resolves once every call sent so far has ended (each is bounded). */
  drain(): Promise<void>
}

interface DaemonMonitorOptions {
  hostnames: string[]
  dryRun: boolean
  intervalMs: number
}

/** Sends calls without waiting, and remembers them until they end. */
function sender(deps: MonitorDeps) {
  const call = monitorCall(deps)
  const pending = new Set<Promise<void>>()
  return {
    send(what: string, url: string, req: HttpRequest): void {
      const p = call(what, url, req)
      pending.add(p)
      void p.finally(() => pending.delete(p))
    },
    async drain(): Promise<void> {
      await Promise.all([...pending])
    }
  }
}

/** The heartbeat: `state` now, if due. */
function pinger(
  url: string | undefined,
  periodMs: number,
  send: ReturnType<typeof sender>['send']
) {
  let beat: Sent | undefined
  return (state: Health, now: number, e: RunEvent): void => {
    if (!url || !sendDue(beat, state, now, periodMs)) return
    const phase = state === 'up' ? 'success' : 'failure'
    const req = heartbeatRequest(url, phase, e)
    if (req) send(`Heartbeat (${phase})`, url, req)
    beat = { state, at: now }
  }
}

/** The webhook: a streak's start or end when due, else the records a check wrote. */
function notifier(url: string | undefined, send: ReturnType<typeof sender>['send']) {
  // Notifications start from "in sync": the first check that succeeds is no news.
  let told: Sent = { state: 'up', at: -Infinity }
  return {
    told: (): Health => told.state,
    notify(state: Health, now: number, e: RunEvent, written: boolean): void {
      if (!url) return
      const kind = `Notification (${webhookKind(url)} webhook)`
      if (state !== told.state && sendDue(told, state, now, Infinity)) {
        send(kind, url, webhookRequest(url, e))
        told = { state, at: now }
      } else if (written && shouldNotify(e)) {
        send(kind, url, webhookRequest(url, e))
      }
    }
  }
}

/** Monitoring for one watch: pings and notifications as the file's comment says. */
export function daemonMonitor(
  config: MonitorConfig,
  options: DaemonMonitorOptions,
  deps: MonitorDeps
): DaemonMonitor {
  const out = sender(deps)
  const ping = pinger(
    config.heartbeatUrl,
    Math.max(HEARTBEAT_PERIOD_MS, options.intervalMs),
    out.send
  )
  const webhook = notifier(config.notifyUrl, out.send)
  /** Failed checks of the streak whose end the webhook has not told yet. */
  let failed = 0
  return {
    checkEnded(end) {
      // What a message lists: the records this check wrote.
      const base = { dryRun: options.dryRun, hostnames: options.hostnames, records: end.written }
      const wrote = end.written.length > 0
      if (!end.ok) {
        failed++
        const e: RunEvent = { ...base, outcome: 'failed', error: end.error }
        ping('down', end.now, e)
        webhook.notify('down', end.now, e, wrote)
        return
      }
      const e: RunEvent = {
        ...base,
        outcome: wrote ? 'changed' : 'unchanged',
        ...(failed > 0 ? { recovered: failed } : {})
      }
      ping('up', end.now, e)
      webhook.notify('up', end.now, e, wrote)
      // The streak is over once told (or when there was nothing to tell).
      if (webhook.told() === 'up') failed = 0
    },
    drain: out.drain
  }
}
