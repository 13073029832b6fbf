// A bounded request for pings and webhooks (POST as well as GET), through the run's agents
// (src/net.ts), so the standard proxy variables apply as they do to every other request.
import http from 'node:http'
import https from 'node:https'
import { agentFor } from '../net.js'

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  body?: string
}

export interface HttpAnswer {
  status: number
  body: string
}

/** Sends one request; any HTTP status resolves, network errors and timeouts reject. */
export type Send = (req: HttpRequest, opts: { timeoutMs: number }) => Promise<HttpAnswer>

/** A hanging monitoring endpoint must not hold the run: each call gets this long in all. */
export const DEFAULT_NOTIFY_TIMEOUT_MS = 10_000
const MAX_ANSWER_BYTES = 16 * 1024

/** Errors name the host only: the rest of a monitoring URL is a secret. */
export const send: Send = (req, { timeoutMs }) => {
  const target = new URL(req.url)
  const client = target.protocol === 'https:' ? https : http
  const host = target.host
  return new Promise<HttpAnswer>((resolve, reject) => {
    const controller = new AbortController()
    let settled = false
    const finish = (err: Error | undefined, answer?: HttpAnswer): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      controller.abort()
      if (err) reject(err)
      else resolve(answer!)
    }
    const timer = setTimeout(
      () => finish(new Error(`no answer from ${host} within ${timeoutMs / 1000} s`)),
      timeoutMs
    )
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8')
    const r = client.request(target, {
      method: req.method,
      headers: {
        'user-agent': 'route53-ddns',
        ...req.headers,
        ...(body ? { 'content-length': String(body.length) } : {})
      },
      agent: agentFor(target),
      signal: controller.signal
    })
    r.on('error', (err: NodeJS.ErrnoException) =>
      finish(new Error(`request to ${host} failed: ${err.code ?? err.message}`))
    )
    r.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk)
      })
      res.on('error', (err) => finish(err))
      res.on('end', () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8')
        })
      )
    })
    r.end(body)
  })
}
