// What `/healthz` answers: healthy while a check succeeded recently enough. Pure.

/** Why a tick failed, as metrics count it. */
export const FAILURE_KINDS = ['detection', 'route53', 'timeout'] as const
export type FailureKind = (typeof FAILURE_KINDS)[number]

/** What the watch knows about its own health. */
export interface HealthState {
  /** The last tick that ended in sync (address found, Route 53 as wanted), if any. */
  lastSuccessAt?: number
  /** Failed ticks in a row (0 once a tick succeeds). */
  failures: number
  lastFailureKind?: FailureKind
}

/** Shortest window: a 1 s interval still tolerates a minute of trouble before it is unhealthy. */
const MIN_HEALTH_WINDOW_MS = 60_000

/**
 * How long after the last successful check the watch still counts as healthy: three intervals,
 * and at least a minute. One failed tick (then a backoff of two intervals) stays healthy; a
 * failure that lasts longer does not.
 */
export function healthWindowMs(intervalMs: number): number {
  return Math.max(3 * intervalMs, MIN_HEALTH_WINDOW_MS)
}

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`

/** The answer to `/healthz`: ok, and one line saying why (never an error text: nothing secret). */
export function healthOf(
  state: HealthState,
  now: number,
  windowMs: number
): { ok: boolean; line: string } {
  const failing =
    state.failures > 0
      ? `; ${state.failures} failed check${state.failures === 1 ? '' : 's'} in a row (last: ${state.lastFailureKind ?? 'unknown'})`
      : ''
  if (state.lastSuccessAt === undefined) {
    return { ok: false, line: `unhealthy: no check has succeeded yet${failing}` }
  }
  const age = Math.max(0, now - state.lastSuccessAt)
  if (age > windowMs) {
    return {
      ok: false,
      line: `unhealthy: last successful check ${seconds(age)} ago (window ${seconds(windowMs)})${failing}`
    }
  }
  return {
    ok: true,
    line: `ok: last successful check ${seconds(age)} ago (window ${seconds(windowMs)})${failing}`
  }
}
