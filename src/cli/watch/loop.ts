import type { Detected } from '../../detect/index.js'
import type { UpdateOutcome } from '../../core/update.js'
import type { RecordReport } from '../../model/types.js'
import { RunStopped } from '../../core/lifecycle.js'
import type { FailureKind } from '../../metrics/health.js'

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
      /** What failed: detection, a Route 53 request, or the update's time bound. */
      kind: FailureKind
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
  /** A tick ended in sync; `records` (every record kept) when Route 53 was read in it. */
  checked?(records: RecordReport[] | undefined): void
}

interface WatchResult {
  ticks: number
  /** Route 53 reads-and-plans started (each is one update() call). */
  updates: number
  /** The delete on stop failed. */
  failed: boolean
}

const DEFAULT_MAX_BACKOFF_MS = 10 * 60_000

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

/** An update that hit the run's time bound is a timeout; any other update failure is Route 53's. */
const updateKind = (err: unknown): FailureKind =>
  err instanceof RunStopped && err.kind === 'deadline' ? 'timeout' : 'route53'

/** A failed tick: what failed, to tell apart in metrics and monitoring. */
class TickFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly original: unknown
  ) {
    super(message(original))
  }
}

/** The loop's memory between ticks. */
interface LoopState {
  result: WatchResult
  /** The addresses Route 53 is known to hold; undefined at start and after a failed update. */
  published: string | undefined
  lastRead: number
  failures: number
}

function reasonFor(s: LoopState, key: string): ChangeReason {
  if (s.result.ticks === 0) return 'start'
  if (s.published === undefined) return 'retry'
  return key !== s.published ? 'address' : 'refresh'
}

/** Emit a change event per record written; returns how many. */
function emitChanges(deps: WatchDeps, outcome: UpdateOutcome, reason: ChangeReason): number {
  const changed = outcome.report.records.filter((r) => r.result !== 'unchanged')
  for (const record of changed) deps.emit({ event: 'change', reason, record })
  return changed.length
}

/** Read and write Route 53 for `found` (one update), remembering what it now holds. */
async function publish(
  timing: WatchTiming,
  deps: WatchDeps,
  s: LoopState,
  found: Detected,
  started: number
): Promise<RecordReport[]> {
  const key = keyOf(found)
  const reason = reasonFor(s, key)
  s.result.updates++
  const outcome = await deps.apply(found)
  const changed = emitChanges(deps, outcome, reason)
  if (outcome.error) {
    // Some records may have been written: compare against nothing next time.
    s.published = undefined
    throw new TickFailure(updateKind(outcome.error), outcome.error)
  }
  s.published = key
  s.lastRead = started
  if (changed === 0 && (reason === 'start' || reason === 'refresh')) {
    deps.emit({
      event: 'heartbeat',
      ipv4: outcome.report.ipv4,
      ipv6: outcome.report.ipv6,
      records: outcome.report.records.length,
      nextReadMs: timing.refreshMs
    })
  }
  return outcome.report.records
}

/** One tick: detect, and update when the address is new or Route 53 is due a read. */
async function tick(
  timing: WatchTiming,
  deps: WatchDeps,
  s: LoopState,
  stop: AbortSignal,
  started: number
): Promise<'stopped' | 'done'> {
  let found: Detected | typeof STOPPED
  try {
    found = await untilStopped(deps.detect(stop), stop)
  } catch (err) {
    throw new TickFailure('detection', err)
  }
  if (found === STOPPED || stop.aborted) return 'stopped'
  let records: RecordReport[] | undefined
  if (keyOf(found) !== s.published || started - s.lastRead >= timing.refreshMs) {
    records = await publish(timing, deps, s, found, started)
  }
  if (s.failures > 0) deps.emit({ event: 'recovered', failures: s.failures })
  s.failures = 0
  deps.checked?.(records)
  return 'done'
}

/** The wait before the next tick: `delay` from the start of this one, varied by the jitter. */
function nextWait(timing: WatchTiming, deps: WatchDeps, delay: number, started: number): number {
  const spread = 1 + timing.jitter * (2 * deps.random() - 1)
  return Math.max(0, Math.round(delay * spread) - (deps.now() - started))
}

/** With deleteOnStop: delete this machine's records; a failure is reported and remembered. */
async function deleteRecords(deps: WatchDeps, s: LoopState): Promise<void> {
  s.result.updates++
  try {
    const outcome = await deps.apply('absent')
    emitChanges(deps, outcome, 'stop')
    if (outcome.error) throw outcome.error
  } catch (err) {
    s.result.failed = true
    deps.emit({
      event: 'failure',
      kind: updateKind(err),
      message: message(err),
      failures: s.failures + 1
    })
  }
}

/** Run until `stop` aborts; then, with deleteOnStop, delete this machine's records. */
export async function watch(
  timing: WatchTiming,
  deps: WatchDeps,
  stop: AbortSignal,
  opts: { deleteOnStop: boolean } = { deleteOnStop: false }
): Promise<WatchResult> {
  const s: LoopState = {
    result: { ticks: 0, updates: 0, failed: false },
    published: undefined,
    lastRead: -Infinity,
    failures: 0
  }
  while (!stop.aborted) {
    const started = deps.now()
    let delay = timing.intervalMs
    try {
      if ((await tick(timing, deps, s, stop, started)) === 'stopped') break
    } catch (err) {
      s.failures++
      delay = backoffMs(timing, s.failures)
      const kind = err instanceof TickFailure ? err.kind : 'route53'
      deps.emit({
        event: 'failure',
        kind,
        message: message(err),
        failures: s.failures,
        // Stopping: no next try to announce.
        ...(stop.aborted ? {} : { retryInMs: delay })
      })
    }
    s.result.ticks++
    if (stop.aborted) break
    await deps.sleep(nextWait(timing, deps, delay, started), stop)
  }
  if (opts.deleteOnStop) await deleteRecords(deps, s)
  return s.result
}
