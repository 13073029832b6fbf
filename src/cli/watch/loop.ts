import type { Detected } from '../../detect/index.js'
import type { UpdateOutcome } from '../../core/update.js'
import type { RecordReport } from '../../model/types.js'

/**
 * Watch mode's loop, with its clock, sleep, detector and update injected so tests drive it with a
 * fake clock. Each tick detects the address; only when it differs from what was last published, or
 * when the refresh interval has passed since Route 53 was last read, does it call the update (which
 * reads, and writes guarded). Failures back off exponentially up to a bound and never end the loop;
 * a stop signal ends it after the tick in progress (an update already started is finished).
 */

/** Why the update ran: first tick, new address, periodic re-read, after a failure, or shutdown. */
export type ChangeReason = 'start' | 'address' | 'refresh' | 'retry' | 'stop'

export type WatchEvent =
  | { event: 'change'; reason: ChangeReason; record: RecordReport }
  | {
      event: 'heartbeat'
      ipv4: string[]
      ipv6: string[]
      records: number
      /** Until Route 53 is read again, unless the address changes first. */
      nextReadMs: number
    }
  | {
      event: 'failure'
      message: string
      /** Failures in a row, this one included. */
      failures: number
      /** When the loop tries again; absent for the final delete on stop. */
      retryInMs?: number
    }
  | { event: 'recovered'; failures: number }

export interface WatchTiming {
  /** Between ticks (from the start of one to the start of the next). */
  intervalMs: number
  /** Longest time without reading Route 53. */
  refreshMs: number
  /** Fraction of each wait drawn at random either way, so machines started together spread out. */
  jitter: number
  /** Ceiling of the failure backoff; default the larger of 10 minutes and 4 intervals. */
  maxBackoffMs?: number
}

export interface WatchDeps {
  now(): number
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  /** Uniform in [0, 1). */
  random(): number
  /** This machine's addresses (the same sources and options as a one-shot run). */
  detect(signal: AbortSignal): Promise<Detected>
  /** The one update(): publish `found`, or with 'absent' delete this machine's records. */
  apply(target: Detected | 'absent'): Promise<UpdateOutcome>
  emit(event: WatchEvent): void
}

export interface WatchResult {
  ticks: number
  /** Route 53 reads-and-plans started (each is one update() call). */
  updates: number
  /** The delete on stop failed. */
  failed: boolean
}

export const DEFAULT_MAX_BACKOFF_MS = 10 * 60_000

/** The wait after `failures` failures in a row: interval × 2^failures, bounded. */
export function backoffMs(timing: WatchTiming, failures: number): number {
  const cap = timing.maxBackoffMs ?? Math.max(DEFAULT_MAX_BACKOFF_MS, 4 * timing.intervalMs)
  return Math.min(timing.intervalMs * 2 ** Math.min(failures, 30), cap)
}

const keyOf = (d: Detected): string =>
  `${[...d.ipv4].sort().join(',')}|${[...d.ipv6].sort().join(',')}`

const STOPPED = Symbol('stopped')

/** `promise`, or STOPPED as soon as `signal` aborts (the promise is left to settle on its own). */
function untilStopped<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof STOPPED> {
  if (signal.aborted) return Promise.resolve(STOPPED)
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(STOPPED)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    )
  })
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** Run until `stop` aborts; then, with deleteOnStop, delete this machine's records. */
export async function watch(
  timing: WatchTiming,
  deps: WatchDeps,
  stop: AbortSignal,
  opts: { deleteOnStop: boolean } = { deleteOnStop: false }
): Promise<WatchResult> {
  const result: WatchResult = { ticks: 0, updates: 0, failed: false }
  /** The addresses Route 53 is known to hold; undefined at start and after a failed update. */
  let published: string | undefined
  let lastRead = -Infinity
  let failures = 0

  const changes = (outcome: UpdateOutcome, reason: ChangeReason): number => {
    const changed = outcome.report.records.filter((r) => r.result !== 'unchanged')
    for (const record of changed) deps.emit({ event: 'change', reason, record })
    return changed.length
  }

  while (!stop.aborted) {
    const started = deps.now()
    let delay = timing.intervalMs
    try {
      const found = await untilStopped(deps.detect(stop), stop)
      if (found === STOPPED || stop.aborted) break
      const key = keyOf(found)
      const due = started - lastRead >= timing.refreshMs
      if (key !== published || due) {
        const reason: ChangeReason =
          result.ticks === 0
            ? 'start'
            : published === undefined
              ? 'retry'
              : key !== published
                ? 'address'
                : 'refresh'
        result.updates++
        const outcome = await deps.apply(found)
        const changed = changes(outcome, reason)
        if (outcome.error) {
          // Some records may have been written: compare against nothing next time.
          published = undefined
          throw outcome.error
        }
        published = key
        lastRead = started
        if (changed === 0 && (reason === 'start' || reason === 'refresh')) {
          deps.emit({
            event: 'heartbeat',
            ipv4: outcome.report.ipv4,
            ipv6: outcome.report.ipv6,
            records: outcome.report.records.length,
            nextReadMs: timing.refreshMs
          })
        }
      }
      if (failures > 0) deps.emit({ event: 'recovered', failures })
      failures = 0
    } catch (err) {
      failures++
      delay = backoffMs(timing, failures)
      deps.emit({ event: 'failure', message: message(err), failures, retryInMs: delay })
    }
    result.ticks++
    if (stop.aborted) break
    const spread = 1 + timing.jitter * (2 * deps.random() - 1)
    const wait = Math.round(delay * spread) - (deps.now() - started)
    await deps.sleep(Math.max(0, wait), stop)
  }

  if (opts.deleteOnStop) {
    result.updates++
    try {
      const outcome = await deps.apply('absent')
      changes(outcome, 'stop')
      if (outcome.error) throw outcome.error
    } catch (err) {
      result.failed = true
      deps.emit({ event: 'failure', message: message(err), failures: failures + 1 })
    }
  }
  return result
}
