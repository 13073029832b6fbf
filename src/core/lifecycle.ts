// How a run ends early: at its time bound, or when the runner (or a user) cancels it.
import { UpdateError } from '../model/errors.js'

/** A run's wall-clock bound, before `wait-timeout` (which is added when waiting for sync). */
const RUN_BOUND_S = 120
/** After a cancel, how long a request in flight may still answer (the runner escalates at 7.5 s). */
export const CANCEL_GRACE_MS = 5_000

/** The bound of a run with these settings, in milliseconds. */
export function runBoundMs(config: { waitForSync: boolean; waitTimeout: number }): number {
  return (RUN_BOUND_S + (config.waitForSync ? config.waitTimeout : 0)) * 1000
}

/**
 * Why a run stopped before its end: a head (what stopped it, and while waiting for what) and a
 * tail (what that means for the records).
 */
export class RunStopped extends UpdateError {
  override name = 'RunStopped'
  constructor(
    readonly kind: 'deadline' | 'cancelled',
    private readonly head: string,
    private readonly tail: string,
    private readonly phrase: (what: string) => string
  ) {
    super(`${head}; ${tail}`)
  }
  /** The same stop, saying what the run was waiting for. */
  during(what: string): RunStopped {
    return new RunStopped(this.kind, this.phrase(what), this.tail, this.phrase)
  }
  /** The same stop, with a write sent and never answered: `tail` says what may have happened. */
  unanswered(tail: string): RunStopped {
    return new RunStopped(this.kind, this.head, tail, this.phrase)
  }
}

/** What a stopping run tells the work it drives. */
export interface Stop {
  /**
   * Aborted when nothing new may start (cancelled, or the bound hit); its reason is a RunStopped.
   * Reads are dropped on it at once: only a write has a grace.
   */
  signal: AbortSignal
  /** Aborting it drops the writes in flight: the bound hit, or a cancel's grace ran out. */
  dropWrites: AbortSignal
}

/**
 * If `err` is how a request ended because the run stopped, the error to report instead (naming
 * `what`); otherwise undefined. `signal` covers callers whose errors do not carry the reason.
 */
export function stoppedWhile(
  err: unknown,
  what: string,
  signal?: AbortSignal
): RunStopped | undefined {
  if (err instanceof RunStopped) return err
  const cause = (err as { cause?: unknown } | undefined)?.cause
  if ((err as { name?: string } | undefined)?.name === 'AbortError' && cause instanceof RunStopped)
    return cause.during(what)
  if (signal?.aborted && signal.reason instanceof RunStopped) return signal.reason.during(what)
  return undefined
}

/** The stop state of one run: started with its bound; `cancel` on a stop signal. */
export class Lifecycle implements Stop {
  private readonly stopping = new AbortController()
  private readonly dropping = new AbortController()
  private readonly timers: NodeJS.Timeout[] = []
  private readonly graceMs: number
  /** The first signal that cancelled the run, if any. */
  cancelledBy: string | undefined

  /**
   * `bound` names the bound in messages (default: the run's time bound of N s); `graceMs` is how
   * long a write in flight may still answer after a cancel.
   */
  constructor(opts: { boundMs: number; graceMs?: number; bound?: string }) {
    this.graceMs = opts.graceMs ?? CANCEL_GRACE_MS
    const bound = opts.bound ?? `the run's time bound of ${opts.boundMs / 1000} s`
    const deadline = new RunStopped(
      'deadline',
      `The run did not finish within ${bound}`,
      'nothing more was written.',
      (what) => `${what} did not answer within ${bound}`
    )
    this.later(opts.boundMs, () => {
      this.stopping.abort(deadline)
      this.dropping.abort(deadline)
    })
  }

  get signal(): AbortSignal {
    return this.stopping.signal
  }

  get dropWrites(): AbortSignal {
    return this.dropping.signal
  }

  /** First call: start nothing new, and drop requests still in flight after the grace. Again: drop them now. */
  cancel(how: string): void {
    if (this.stopping.signal.aborted) {
      this.dropping.abort(this.stopping.signal.reason)
      return
    }
    this.cancelledBy = how
    const stopped = new RunStopped(
      'cancelled',
      `The run was cancelled (${how})`,
      'no further change was submitted.',
      (what) => `The run was cancelled (${how}) while waiting for ${what}`
    )
    this.stopping.abort(stopped)
    this.later(this.graceMs, () => this.dropping.abort(stopped))
  }

  /** Stop and drop requests in flight now (a second signal, or a stop with no time left). */
  abandon(how: string): void {
    this.cancel(how)
    this.cancel(how)
  }

  /** Clears the timers (the run is over). */
  close(): void {
    for (const t of this.timers) clearTimeout(t)
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(fn, ms)
    // Never what keeps a finished run alive.
    t.unref()
    this.timers.push(t)
  }
}

/** A signal that stops a run (SIGBREAK is Ctrl+Break on Windows). */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGBREAK'

/**
 * The signals that stop a run on `platform`. SIGTERM is never delivered on Windows: the runner
 * cancels with Ctrl-C then Ctrl+Break, and closing the console is SIGHUP. SIGHUP elsewhere is a
 * closed terminal (our service units never send it as a reload).
 */
export function stopSignals(platform: NodeJS.Platform): readonly StopSignal[] {
  return platform === 'win32' ? ['SIGINT', 'SIGBREAK', 'SIGHUP'] : ['SIGINT', 'SIGTERM', 'SIGHUP']
}

/** Where stop signals arrive: the process, or an emitter in tests (`platform` defaults to this one). */
export interface SignalSource {
  platform?: NodeJS.Platform
  on(event: StopSignal, listener: () => void): unknown
  off(event: StopSignal, listener: () => void): unknown
}

/**
 * The one place that listens for stop signals: calls `onStop(signal, nth)` on each (nth counts
 * from 1) until the returned function is called.
 */
export function onStopSignals(
  onStop: (signal: StopSignal, nth: number) => void,
  source: SignalSource = process
): () => void {
  let count = 0
  const handlers = stopSignals(source.platform ?? process.platform).map((sig) => {
    const handler = (): void => onStop(sig, ++count)
    source.on(sig, handler)
    return [sig, handler] as const
  })
  return () => {
    for (const [sig, handler] of handlers) source.off(sig, handler)
  }
}

/** Cancel `life` on each stop signal (first: stop, second: drop requests now) until unhooked. */
export function cancelOnSignals(life: Lifecycle, source: SignalSource = process): () => void {
  return onStopSignals((sig) => life.cancel(sig), source)
}
