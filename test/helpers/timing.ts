import type { RetryTiming } from '../../src/aws/retry.js'

/** Every retry, rate-limit and poll delay at (nearly) zero: fault scenarios run in milliseconds. */
export const NO_WAIT: RetryTiming = {
  backoff: () => 0,
  rateLimiter: { getSendToken: async () => undefined, updateClientSendingRate: () => undefined },
  sleep: async () => undefined,
  syncPoll: { minDelay: 0.01, maxDelay: 0.02 }
}
