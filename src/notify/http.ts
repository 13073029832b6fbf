// Pings and webhooks go through the run's one bounded request (net/request.ts: limits, proxy,
// answer type); this adapter only sets notify's limits and keeps errors to the host.
import { httpRequest, RequestTimeout, type HttpAnswer } from '../net/request.js'

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  body?: string
}

/** Sends one request; any HTTP status resolves, network errors and timeouts reject. */
export type Send = (req: HttpRequest, opts: { timeoutMs: number }) => Promise<HttpAnswer>

/** A hanging monitoring endpoint must not hold the run: each call gets this long in all. */
export const DEFAULT_NOTIFY_TIMEOUT_MS = 10_000
const MAX_ANSWER_BYTES = 16 * 1024

/** Errors name the host only: the rest of a monitoring URL is a secret. */
export const send: Send = async (req, { timeoutMs }) => {
  const host = new URL(req.url).host
  try {
    return await httpRequest(req.url, {
      method: req.method,
      ...(req.headers ? { headers: req.headers } : {}),
      ...(req.body !== undefined ? { body: req.body } : {}),
      timeouts: { connectMs: timeoutMs, responseMs: timeoutMs },
      maxBytes: MAX_ANSWER_BYTES,
      truncate: true
    })
  } catch (err) {
    if (err instanceof RequestTimeout)
      throw new Error(`no answer from ${host} within ${timeoutMs / 1000} s`)
    const e = err as NodeJS.ErrnoException
    throw new Error(`request to ${host} failed: ${e.code ?? e.message}`)
  }
}
