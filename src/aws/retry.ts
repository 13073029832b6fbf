import { AdaptiveRetryStrategy, StandardRetryStrategy, type RateLimiter } from '@smithy/core/retry'

/** Attempts per request before giving up on Throttling, PriorRequestNotComplete and 5xx. */
export const MAX_ATTEMPTS = 20
/** Cap on one backoff delay: short enough that a fleet keeps the account's rate in use. */
export const MAX_BACKOFF_MS = 3_000

/**
 * How long retries and polls wait. Production uses the defaults; tests inject zero delays so fault
 * scenarios run in milliseconds (as configure-aws-credentials injects its sleep). Never an input.
 */
export interface RetryTiming {
  /**
   * Milliseconds to wait before retry number `retries` (0 for the first retry); `base` is the
   * SDK's base delay for the error (longer for throttling). Default: full jitter, capped.
   */
  backoff?: (retries: number, base: number) => number
  /** The client-side rate limiter of adaptive retry; default the SDK's, which sleeps when throttled. */
  rateLimiter?: RateLimiter
  /** Sleeps between attempts the code makes itself (STS sign-in). */
  sleep?: (ms: number) => Promise<void>
  /** Seconds between GetChange polls while waiting for INSYNC; default 1 to 5. */
  syncPoll?: { minDelay: number; maxDelay: number }
}

/** Full-jitter exponential backoff capped at `cap` (MAX_BACKOFF_MS), as the SDK computes it but lower. */
export function fullJitter(retries: number, base: number, cap = MAX_BACKOFF_MS): number {
  return Math.floor(Math.random() * Math.min(base * 2 ** retries, cap))
}

/**
 * The program's one sleep: resolves after `ms`, or as soon as `signal` aborts (it never rejects;
 * callers check the signal). Used between STS attempts and between the watch's ticks.
 */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * The sleep between attempts the code makes itself: `timing.sleep` when injected, otherwise one
 * that ends early when `signal` aborts (the next request then fails at once).
 */
export function retrySleep(
  timing: RetryTiming | undefined,
  signal?: AbortSignal
): (ms: number) => Promise<void> {
  return timing?.sleep ?? ((ms) => defaultSleep(ms, signal))
}

function backoffStrategy(timing: RetryTiming): {
  setDelayBase(ms: number): void
  computeNextBackoffDelay(retries: number): number
} {
  const backoff = timing.backoff ?? fullJitter
  let base = 100
  return {
    setDelayBase: (ms: number) => void (base = ms),
    computeNextBackoffDelay: (retries: number) => backoff(retries, base)
  }
}

/**
 * The SDK's adaptive retry strategy with more attempts and a lower cap on its full-jitter
 * exponential backoff (the SDK's cap is 20 s, which leaves Route 53's 10 requests/s unused while
 * throttled runs sleep). Bounded: at most MAX_ATTEMPTS × MAX_BACKOFF_MS of waiting per request.
 */
export function retryStrategy(timing: RetryTiming = {}): AdaptiveRetryStrategy {
  return new AdaptiveRetryStrategy(MAX_ATTEMPTS, {
    maxAttempts: MAX_ATTEMPTS,
    backoff: backoffStrategy(timing),
    ...(timing.rateLimiter ? { rateLimiter: timing.rateLimiter } : {})
  })
}

/** The SDK's standard retry strategy (for STS); its own backoff unless one is injected. */
export function standardRetryStrategy(
  maxAttempts: number,
  timing: RetryTiming = {}
): StandardRetryStrategy {
  return new StandardRetryStrategy({
    maxAttempts,
    ...(timing.backoff ? { backoff: backoffStrategy(timing) } : {})
  })
}
