import { describe, expect, it } from 'vitest'
import { healthOf, healthWindowMs } from '../../src/metrics/health.js'

const S = 1000

describe('healthWindowMs', () => {
  it.each([
    [1 * S, 60 * S],
    [5 * S, 60 * S],
    [20 * S, 60 * S],
    [60 * S, 180 * S],
    [300 * S, 900 * S]
  ])('interval %i ms → %i ms', (interval, window) => {
    expect(healthWindowMs(interval)).toBe(window)
  })
})

describe('healthOf', () => {
  const W = 60 * S
  it.each([
    [{ failures: 0 }, 0, false, 'unhealthy: no check has succeeded yet'],
    [
      { failures: 2, lastFailureKind: 'detection' as const },
      5 * S,
      false,
      'unhealthy: no check has succeeded yet; 2 failed checks in a row (last: detection)'
    ],
    [
      { lastSuccessAt: 0, failures: 0 },
      3 * S,
      true,
      'ok: last successful check 3 s ago (window 60 s)'
    ],
    [
      { lastSuccessAt: 0, failures: 0 },
      60 * S,
      true,
      'ok: last successful check 60 s ago (window 60 s)'
    ],
    [
      { lastSuccessAt: 0, failures: 1, lastFailureKind: 'route53' as const },
      30 * S,
      true,
      'ok: last successful check 30 s ago (window 60 s); 1 failed check in a row (last: route53)'
    ],
    [
      { lastSuccessAt: 0, failures: 4, lastFailureKind: 'timeout' as const },
      61 * S,
      false,
      'unhealthy: last successful check 61 s ago (window 60 s); 4 failed checks in a row (last: timeout)'
    ]
  ])('%j at %i ms', (state, now, ok, line) => {
    expect(healthOf(state, now, W)).toEqual({ ok, line })
  })
})
