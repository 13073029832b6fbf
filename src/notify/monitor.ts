/**
 * Monitoring around one run: the heartbeat's start ping, then at the end the heartbeat, the
 * webhook (only when something changed or failed) and the failure issue. Every call is bounded
 * and every problem is a warning: monitoring never fails a DDNS run.
 */
import type { Logger, MonitorConfig } from '../model/types.js'
import type { RunContext } from '../model/run-context.js'
import { outcomeOf, type RunEvent } from './event.js'
import { heartbeatRequest, type Phase } from './heartbeat.js'
import {
  DEFAULT_NOTIFY_TIMEOUT_MS,
  send as defaultSend,
  type HttpRequest,
  type Send
} from './http.js'
import { shownUrl, urlParts } from '../model/secret-url.js'
import { excerpt, maskValues } from '../model/text.js'
import { shouldNotify, webhookKind, webhookRequest } from './webhook.js'
import type { RecordReport } from '../model/types.js'

export interface MonitorDeps {
  logger: Logger
  run?: RunContext
  /** Removes every registered secret from a text (the run's one redaction). */
  redact: (text: string) => string
  send?: Send
  /** Per call; default 10 s. */
  timeoutMs?: number
  /** Reports to the failure issue (the action loads it only when `failure-issue` is on). */
  failureIssue?: (event: RunEvent, timeoutMs: number) => Promise<void>
}

interface RunEnd {
  records: RecordReport[]
  dryRun: boolean
  error?: Error
  hostnames: string[]
}

export interface Monitor {
  /** Report the run's end; resolves when every call has answered, failed or timed out. */
  finish(end: RunEnd): Promise<void>
}

const ok = (status: number): boolean => status >= 200 && status < 300

const refused = (what: string, where: string, status: number, said: string): string =>
  `${what} to ${where} was refused (HTTP ${status}${said ? `: ${said}` : ''}); the DDNS run itself is not affected.`

const failedCall = (what: string, where: string, why: string): string =>
  `${what} to ${where} failed: ${why}; the DDNS run itself is not affected.`

/** Longest excerpt of an endpoint's answer in a warning. */
const MAX_ANSWER_SHOWN = 200

/**
 * A remote text (an endpoint's answer, an error) for a warning: the run's secrets and every part
 * of the secret URL after its host, however short, masked first; then one escaped line, cut.
 */
function remoteText(url: string, redact: (text: string) => string) {
  const parts = urlParts(url)
  return (text: string): string =>
    excerpt(text, MAX_ANSWER_SHOWN, (t) => maskValues(redact(t), parts))
}

/** One monitoring call: `what` to `url`, bounded, every problem a (redacted) warning. */
type MonitorCall = (what: string, url: string, req: HttpRequest) => Promise<void>

/** The bounded call that every ping and webhook goes through. */
export function monitorCall(deps: MonitorDeps): MonitorCall {
  const { logger, redact } = deps
  const sendFn = deps.send ?? defaultSend
  const timeoutMs = deps.timeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS
  return async (what, url, req) => {
    const where = shownUrl(url)
    const remote = remoteText(url, redact)
    try {
      const answer = await sendFn(req, { timeoutMs })
      if (ok(answer.status)) {
        logger.debug(`${what} to ${where}: HTTP ${answer.status}`)
        return
      }
      logger.warning(refused(what, where, answer.status, remote(answer.body)))
    } catch (err) {
      logger.warning(failedCall(what, where, remote((err as Error).message)))
    }
  }
}

/** The event that a run's end reports (its error already redacted). */
function endEvent(end: RunEnd, deps: MonitorDeps): RunEvent {
  const error = end.error ? deps.redact(end.error.message) : undefined
  return {
    outcome: outcomeOf(end.records, error),
    dryRun: end.dryRun,
    records: end.records,
    ...(error !== undefined ? { error } : {}),
    ...(deps.run ? { run: deps.run } : {}),
    hostnames: end.hostnames
  }
}

/** Start monitoring a run: sends the heartbeat's start ping (if any) without waiting for it. */
export function startMonitoring(config: MonitorConfig, deps: MonitorDeps): Monitor {
  const { logger, redact } = deps
  const timeoutMs = deps.timeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS
  const call = monitorCall(deps)

  function ping(phase: Phase, event?: RunEvent): Promise<void> {
    const url = config.heartbeatUrl
    if (!url) return Promise.resolve()
    const req = heartbeatRequest(url, phase, event)
    return req ? call(`Heartbeat (${phase})`, url, req) : Promise.resolve()
  }

  const started = ping('start')

  return {
    async finish(end) {
      const event = endEvent(end, deps)
      // The start ping goes first, so the service measures the run between the two.
      await started
      const calls: Promise<void>[] = [
        ping(event.outcome === 'failed' ? 'failure' : 'success', event)
      ]
      if (config.notifyUrl && shouldNotify(event)) {
        const url = config.notifyUrl
        const what = `Notification (${webhookKind(url)} webhook)`
        calls.push(call(what, url, webhookRequest(url, event)))
      }
      if (config.failureIssue && deps.failureIssue) {
        calls.push(
          deps.failureIssue(event, timeoutMs).catch((err: unknown) => {
            logger.warning(`failure-issue: ${excerpt((err as Error).message, 500, redact)}`)
          })
        )
      }
      await Promise.all(calls)
    }
  }
}
