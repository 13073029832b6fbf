/**
 * A loopback HTTP server that records every request (method, path, query, body) and answers as
 * told per path: a status, or never (a hanging endpoint). For heartbeat and webhook tests.
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface Recorded {
  method: string
  path: string
  query: Record<string, string>
  body: string
  headers: http.IncomingHttpHeaders
}

export interface Recorder {
  /** `http://127.0.0.1:PORT` */
  base: string
  requests: Recorded[]
  /** Answer requests whose path starts with `prefix` with `status`, or never with 'hang'. */
  answer(prefix: string, status: number | 'hang', body?: string): void
  close(): Promise<void>
}

export async function startRecorder(): Promise<Recorder> {
  const rules: { prefix: string; status: number | 'hang'; body: string }[] = []
  const requests: Recorded[] = []
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: Buffer.concat(chunks).toString('utf8'),
        headers: req.headers
      })
      const rule = rules.find((r) => url.pathname.startsWith(r.prefix))
      if (rule?.status === 'hang') return
      res.writeHead(rule?.status ?? 200, { 'content-type': 'text/plain' })
      res.end(rule?.body ?? 'OK')
    })
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    answer: (prefix, status, body = '') => void rules.unshift({ prefix, status, body }),
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy()
        server.close(() => done())
      })
  }
}
