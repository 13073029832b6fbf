import { describe, expect, it, vi } from 'vitest'
import {
  MAX_ATTEMPTS,
  MAX_BACKOFF_MS,
  defaultSleep,
  fullJitter,
  retrySleep,
  retryStrategy,
  standardRetryStrategy
} from '../../src/aws/retry.js'

type Strategy = ReturnType<typeof retryStrategy>
type Token = Parameters<Strategy['refreshRetryTokenForRetry']>[0]
/** The first token, typed as refresh takes it (the SDK's types tell the two apart). */
const first = async (s: Strategy): Promise<Token> =>
  (await s.acquireInitialRetryToken('route53')) as Token

const throttled = { errorType: 'THROTTLING' as const }
const transient = { errorType: 'TRANSIENT' as const }

describe('retry timing', () => {
  it('full jitter stays within the exponential bound and the cap', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999)
    try {
      expect(fullJitter(0, 100)).toBe(99)
      expect(fullJitter(3, 100)).toBe(799)
      for (let r = 0; r < MAX_ATTEMPTS; r++)
        expect(fullJitter(r, 1000)).toBeLessThan(MAX_BACKOFF_MS)
      expect(fullJitter(10, 1000)).toBe(MAX_BACKOFF_MS - 1)
      expect(fullJitter(4, 500, 8000)).toBe(7999)
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('the sleep between attempts ends when the run drops its requests', async () => {
    const stop = new AbortController()
    const started = Date.now()
    const sleeping = defaultSleep(60_000, stop.signal)
    setTimeout(() => stop.abort(), 10)
    await sleeping
    expect(Date.now() - started).toBeLessThan(5_000)
    await defaultSleep(60_000, stop.signal)
    const injected = async (): Promise<void> => undefined
    expect(retrySleep({ sleep: injected }, stop.signal)).toBe(injected)
  })

  it('the adaptive strategy asks the injected backoff, with the SDK base for the error kind', async () => {
    const calls: Array<[number, number]> = []
    const sends: number[] = []
    const strategy = retryStrategy({
      backoff: (retries, base) => (calls.push([retries, base]), 0),
      rateLimiter: {
        getSendToken: async () => void sends.push(1),
        updateClientSendingRate: () => undefined
      }
    })
    const token = await first(strategy)
    const next = (await strategy.refreshRetryTokenForRetry(token, throttled)) as Token
    await strategy.refreshRetryTokenForRetry(next, transient)
    expect(calls.map(([r]) => r)).toEqual([0, 1])
    // Throttling backs off from a longer base than other transient errors.
    expect(calls[0]![1]).toBeGreaterThan(calls[1]![1])
    expect(sends.length).toBe(3)
    expect(await strategy.maxAttemptsProvider()).toBe(MAX_ATTEMPTS)
  })

  it('gives up after MAX_ATTEMPTS attempts', async () => {
    const strategy = retryStrategy({
      backoff: () => 0,
      rateLimiter: { getSendToken: async () => undefined, updateClientSendingRate: () => undefined }
    })
    let token = await first(strategy)
    let retries = 0
    await expect(
      (async () => {
        for (;;) {
          token = (await strategy.refreshRetryTokenForRetry(token, throttled)) as Token
          retries++
        }
      })()
    ).rejects.toThrow(/No retry token/)
    expect(retries).toBe(MAX_ATTEMPTS - 1)
  })

  it('the standard strategy (STS) uses the injected backoff too', async () => {
    const calls: number[] = []
    const strategy = standardRetryStrategy(3, { backoff: (r) => (calls.push(r), 0) })
    let token = await strategy.acquireInitialRetryToken('sts')
    token = await strategy.refreshRetryTokenForRetry(token, transient)
    token = await strategy.refreshRetryTokenForRetry(token, transient)
    await expect(strategy.refreshRetryTokenForRetry(token, transient)).rejects.toThrow()
    expect(calls).toEqual([0, 1])
  })
})
