/**
 * How a watch stops: each tick (detection, read, write, sync wait) runs under a one-shot run's
 * bound and cancellation (core/lifecycle.ts), and the stop signal, with the delete on stop, is
 * bounded by --stop-timeout from the first signal to exit.
 */
import { CANCEL_GRACE_MS, Lifecycle, type StopSignal } from '../../core/lifecycle.js'

export interface WatchBounds {
  /** A tick's bound: the one-shot run's (runBoundMs). */
  tickMs: number
  /** From the first stop signal to exit. */
  stopMs: number
}

/** The stop state of a watch: the loop's stop, the tick in progress, and the stop bound. */
export class WatchStops {
  private readonly loop = new AbortController()
  private tick: Lifecycle | undefined
  private final: Lifecycle | undefined
  private stoppedAt = 0
  private signals = 0
  /** The delete on stop was sent and never answered: the records may or may not remain. */
  deleteUnanswered = false
  /** The first stop signal, if any. */
  stoppedBy: StopSignal | undefined

  constructor(
    private readonly bounds: WatchBounds,
    private readonly clock: () => number = () => performance.now()
  ) {}

  /** Aborted on the first stop signal: the loop starts nothing new. */
  get signal(): AbortSignal {
    return this.loop.signal
  }

  /** A stop signal: the first stops the tick (a write keeps its grace); the next drop everything now. */
  onSignal(sig: StopSignal): void {
    if (++this.signals === 1) {
      this.stoppedBy = sig
      this.stoppedAt = this.clock()
      this.loop.abort()
      this.tick?.cancel(sig)
      return
    }
    this.tick?.abandon(sig)
    this.final?.abandon(sig)
  }

  /** Starts a tick's bound (closing the last one); detection then the update run under it. */
  startTick(): Lifecycle {
    this.tick?.close()
    // A write's grace fits inside the stop bound.
    const graceMs = Math.min(CANCEL_GRACE_MS, this.bounds.stopMs)
    this.tick = new Lifecycle({ boundMs: this.bounds.tickMs, graceMs })
    if (this.stoppedBy) this.tick.cancel(this.stoppedBy)
    return this.tick
  }

  /** The tick in progress (one is started when there is none). */
  currentTick(): Lifecycle {
    return this.tick ?? this.startTick()
  }

  /** The delete on stop's bound: what is left of --stop-timeout since the first signal. */
  startFinal(): Lifecycle {
    this.tick?.close()
    const left = this.stoppedBy
      ? this.bounds.stopMs - (this.clock() - this.stoppedAt)
      : this.bounds.stopMs
    this.final = new Lifecycle({
      boundMs: Math.max(0, left),
      graceMs: 0,
      bound: this.bound
    })
    if (this.signals > 1 && this.stoppedBy) this.final.abandon(this.stoppedBy)
    return this.final
  }

  /**
   * Waits for `work`, but once stopped no longer than what is left of the stop bound; false when
   * it was left unfinished.
   */
  async within(work: Promise<unknown>): Promise<boolean> {
    if (!this.stoppedBy) {
      await work
      return true
    }
    const left = Math.max(0, this.bounds.stopMs - (this.clock() - this.stoppedAt))
    let timer: NodeJS.Timeout | undefined
    const finished = await Promise.race([
      work.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), left)))
    ])
    clearTimeout(timer)
    return finished
  }

  /** The stop bound, as messages name it. */
  get bound(): string {
    return `the stop bound of ${this.bounds.stopMs / 1000} s (--stop-timeout)`
  }

  /** Clears every timer (the watch is over). */
  close(): void {
    this.tick?.close()
    this.final?.close()
  }
}
