// The watch's HTTP endpoint (`--metrics`): GET /metrics and GET /healthz, nothing else.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Listen } from '../inputs/listen.js'
import type { WatchMetrics } from './prometheus.js'

export interface MetricsServer {
  /** The address actually bound (the port is chosen by the system when 0 was asked). */
  address: Listen
  close(): Promise<void>
}

/** A scrape that takes longer than this is cut off; the server never holds a connection open. */
const REQUEST_TIMEOUT_MS = 10_000

function answer(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

const TEXT = 'text/plain; charset=utf-8'

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  metrics: WatchMetrics,
  now: () => number
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD')
    return answer(res, 405, TEXT, 'method not allowed: use GET\n')
  }
  if (path === '/metrics') {
    const { text, contentType } = await metrics.exposition()
    return answer(res, 200, contentType, text)
  }
  if (path === '/healthz') {
    const h = metrics.health(now())
    return answer(res, h.ok ? 200 : 503, TEXT, `${h.line}\n`)
  }
  answer(res, 404, TEXT, 'not found: the paths are /metrics and /healthz\n')
}

/**
 * Listen on `listen` and serve the metrics and health. Rejects with a message naming `name`
 * (`--metrics`) when the address cannot be bound (in use, not on this machine, not allowed).
 */
export async function startMetricsServer(
  listen: Listen,
  name: string,
  metrics: WatchMetrics,
  now: () => number
): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    handle(req, res, metrics, now).catch(() => {
      if (!res.headersSent) answer(res, 500, TEXT, 'internal error\n')
      else res.destroy()
    })
  })
  server.requestTimeout = REQUEST_TIMEOUT_MS
  server.headersTimeout = REQUEST_TIMEOUT_MS
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `${name}: cannot listen on ${listen.host} port ${listen.port}: ${err.code ?? err.message}${err.code === 'EADDRINUSE' ? ' (another program uses this port)' : ''}`
        )
      )
    )
    server.listen(listen.port, listen.host, resolve)
  })
  const bound = server.address() as AddressInfo
  return {
    address: { host: bound.address, port: bound.port },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
