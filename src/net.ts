// The one place requests get their timeouts: the AWS SDK's handler and a small GET for the rest.
import http from 'node:http'
import https from 'node:https'
import { NodeHttpHandler } from '@smithy/node-http-handler'

/** Limits for one request: reaching the server, then its whole answer. */
export interface Timeouts {
  connectMs: number
  responseMs: number
}

export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = { connectMs: 5_000, responseMs: 15_000 }

/**
 * The AWS SDK's handler with both limits. `throwOnRequestTimeout` makes a request that has no
 * answer within `responseMs` a TimeoutError, which the retry strategy retries like any transient
 * failure (without it the SDK only logs a warning and waits on).
 */
export function sdkRequestHandler(timeouts: Timeouts = DEFAULT_TIMEOUTS): NodeHttpHandler {
  return new NodeHttpHandler({
    connectionTimeout: timeouts.connectMs,
    requestTimeout: timeouts.responseMs,
    // A body that stalls after the headers is cut off as well.
    socketTimeout: timeouts.responseMs,
    throwOnRequestTimeout: true
  })
}

export interface Answer {
  status: number
  body: string
}

/** A request that gave no answer in time: network-level, so callers may retry it. */
export class RequestTimeout extends Error {
  override name = 'TimeoutError'
}

/**
 * GET a small text resource with both limits; `signal` drops it. Rejects on network errors,
 * timeouts (RequestTimeout) and bodies over `maxBytes`; any HTTP status resolves.
 */
export function httpGet(
  url: string,
  opts: {
    headers?: Record<string, string>
    timeouts?: Timeouts
    signal?: AbortSignal
    maxBytes?: number
  } = {}
): Promise<Answer> {
  const { connectMs, responseMs } = opts.timeouts ?? DEFAULT_TIMEOUTS
  const maxBytes = opts.maxBytes ?? 64 * 1024
  const target = new URL(url)
  const client = target.protocol === 'https:' ? https : http
  return new Promise<Answer>((resolve, reject) => {
    const controller = new AbortController()
    const timers: NodeJS.Timeout[] = []
    let settled = false
    const finish = (err: Error | undefined, answer?: Answer): void => {
      if (settled) return
      settled = true
      for (const t of timers) clearTimeout(t)
      opts.signal?.removeEventListener('abort', onAbort)
      controller.abort()
      if (err) reject(err)
      else resolve(answer!)
    }
    const onAbort = (): void => {
      const reason: unknown = opts.signal?.reason
      finish(Object.assign(new Error('Request aborted'), { name: 'AbortError', cause: reason }))
    }
    if (opts.signal?.aborted) return onAbort()
    opts.signal?.addEventListener('abort', onAbort)
    const host = target.host
    timers.push(
      setTimeout(
        () => finish(new RequestTimeout(`no answer from ${host} within ${responseMs / 1000} s`)),
        responseMs
      )
    )
    const connectTimer = setTimeout(
      () => finish(new RequestTimeout(`could not connect to ${host} within ${connectMs / 1000} s`)),
      connectMs
    )
    timers.push(connectTimer)
    const req = client.request(target, {
      method: 'GET',
      headers: { 'user-agent': 'route53-ddns', ...opts.headers },
      signal: controller.signal
    })
    req.on('socket', (socket) => {
      const connected = (): void => clearTimeout(connectTimer)
      if (socket.connecting) socket.once('connect', connected)
      else connected()
    })
    req.on('error', (err) => finish(err))
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes)
          return finish(new Error(`${host} answered more than ${maxBytes} bytes`))
        chunks.push(chunk)
      })
      res.on('error', (err) => finish(err))
      res.on('end', () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8')
        })
      )
    })
    req.end()
  })
}
