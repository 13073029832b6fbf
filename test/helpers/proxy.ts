/**
 * A recording forward proxy on loopback, as a corporate proxy behaves: CONNECT tunnels for HTTPS
 * targets, absolute-URI requests for plain HTTP ones. It resolves names only from its own table of
 * `*.proxied.test` names to loopback ports (so tests never leave the machine, and the client sees a
 * non-loopback name that it must send through the proxy); any other name is refused and recorded.
 * `tlsFront` terminates TLS for such a name with a certificate from a throwaway test CA.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { makeTestCertificates } from './echo-servers.js'

export interface RecordingProxy {
  /** e.g. http://127.0.0.1:41234 */
  url: string
  /** `host:port` of each CONNECT, in order. */
  tunnels: string[]
  /** `METHOD http://host:port/path` of each forwarded plain request. */
  forwarded: string[]
  /** Names asked for that the table does not hold (refused with 502). */
  refused: string[]
  close(): Promise<void>
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function closer(server: net.Server, sockets: Set<Socket>): () => Promise<void> {
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  return () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
}

/** Start the proxy; `routes` maps a hostname to the loopback port that serves it. */
export async function startRecordingProxy(routes: Record<string, number>): Promise<RecordingProxy> {
  const tunnels: string[] = []
  const forwarded: string[] = []
  const refused: string[] = []
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('absolute URI expected')
      return
    }
    forwarded.push(`${req.method} ${target.href}`)
    const port = routes[target.hostname]
    if (port === undefined) {
      refused.push(target.hostname)
      res.writeHead(502).end('unknown host')
      return
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    const authority = req.url ?? ''
    tunnels.push(authority)
    const host = authority.replace(/:\d+$/, '')
    const port = routes[host]
    if (port === undefined) {
      refused.push(host)
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  const close = closer(server, sockets)
  const port = await listen(server)
  return { url: `http://127.0.0.1:${port}`, tunnels, forwarded, refused, close }
}

export interface TlsFronts {
  /** For NODE_EXTRA_CA_CERTS of the process that must trust the fronts. */
  caFile: string
  /** Start a TLS server for `*.proxied.test` that passes the plain bytes to `backendPort`. */
  front(backendPort: number): Promise<number>
  close(): Promise<void>
}

/** TLS terminators for `*.proxied.test` names, under a throwaway test CA. */
export function tlsFronts(): TlsFronts {
  const dir = mkdtempSync(join(tmpdir(), 'r53-proxy-ca-'))
  const files = makeTestCertificates(dir, 'DNS:*.proxied.test')
  const cert = readFileSync(files.certFile, 'utf8')
  const key = readFileSync(files.keyFile, 'utf8')
  const closers: (() => Promise<void>)[] = []
  return {
    caFile: files.caFile,
    front: async (backendPort) => {
      const sockets = new Set<Socket>()
      const server = tls.createServer({ cert, key }, (secure) => {
        const plain = net.connect(backendPort, '127.0.0.1')
        secure.pipe(plain)
        plain.pipe(secure)
        plain.on('error', () => secure.destroy())
        secure.on('error', () => plain.destroy())
      })
      closers.push(closer(server, sockets))
      return listen(server)
    },
    close: async () => {
      await Promise.all(closers.map((c) => c()))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
