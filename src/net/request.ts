// The one place requests get their timeouts and proxy: the AWS SDK's handler, agents for any
// other request, and a small GET built on them.
import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { isLoopbackHost } from '../model/address.js'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { Agent as RoutingAgent, type AgentConnectOpts } from 'agent-base'
import { getProxyForUrl } from 'proxy-from-env'

/** Limits for one request: reaching the server, then its whole answer. */
export interface Timeouts {
  connectMs: number
  responseMs: number
}

export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = { connectMs: 5_000, responseMs: 15_000 }

/**
 * The proxy for a request to `url` from the standard variables (`https_proxy`, `http_proxy`,
 * `all_proxy`, either case; `no_proxy` honoured), or '' to connect directly. Loopback is direct.
 */
export function proxyFor(url: string | URL): string {
  const target = typeof url === 'string' ? new URL(url) : url
  // A proxy could not reach this machine's own services.
  if (isLoopbackHost(target.hostname)) return ''
  return getProxyForUrl(target)
}

/** Connects each request directly or through the proxy that proxyFor names for it. */
class EnvProxyAgent extends RoutingAgent {
  private readonly direct: http.Agent
  private readonly viaProxy = new Map<string, http.Agent>()

  constructor(private readonly secure: boolean) {
    super({ keepAlive: true })
    this.direct = secure
      ? new https.Agent({ keepAlive: true })
      : new http.Agent({ keepAlive: true })
  }

  async connect(_req: http.ClientRequest, opts: AgentConnectOpts): Promise<http.Agent> {
    const host = opts.host ?? 'localhost'
    const shown = isIP(host) === 6 ? `[${host}]` : host
    const proxy = proxyFor(`${opts.secureEndpoint ? 'https' : 'http'}://${shown}:${opts.port}`)
    if (!proxy) return this.direct
    let agent = this.viaProxy.get(proxy)
    if (!agent) {
      // HTTPS targets through a CONNECT tunnel (tunnels are reused); plain HTTP ones as
      // absolute-URI requests, each on its own connection: only a new connection rewrites the
      // request line of a request handed over from this agent.
      // Loaded only behind a proxy: they add start-up time to every run.
      agent = this.secure
        ? new (await import('https-proxy-agent')).HttpsProxyAgent(proxy, { keepAlive: true })
        : new (await import('http-proxy-agent')).HttpProxyAgent(proxy, { keepAlive: false })
      this.viaProxy.set(proxy, agent)
    }
    return agent
  }

  override destroy(): void {
    this.direct.destroy()
    for (const agent of this.viaProxy.values()) agent.destroy()
    super.destroy()
  }
}

let agents: { http: http.Agent; https: http.Agent } | undefined

/** The process's agents: every request of the run goes through one of them. */
export function envAgents(): { http: http.Agent; https: http.Agent } {
  agents ??= { http: new EnvProxyAgent(false), https: new EnvProxyAgent(true) }
  return agents
}

/** The agent for a request to `url`. */
export function agentFor(url: URL): http.Agent {
  return url.protocol === 'https:' ? envAgents().https : envAgents().http
}

/**
 * The AWS SDK's handler with both limits and the proxy. `throwOnRequestTimeout` makes a request that has no
 * answer within `responseMs` a TimeoutError, which the retry strategy retries like any transient
 * failure (without it the SDK only logs a warning and waits on).
 */
export function sdkRequestHandler(timeouts: Timeouts = DEFAULT_TIMEOUTS): NodeHttpHandler {
  return new NodeHttpHandler({
    connectionTimeout: timeouts.connectMs,
    requestTimeout: timeouts.responseMs,
    // A body that stalls after the headers is cut off as well.
    socketTimeout: timeouts.responseMs,
    throwOnRequestTimeout: true,
    httpAgent: envAgents().http,
    httpsAgent: envAgents().https
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
 * One small request with both limits; `signal` drops it. Rejects on network errors, timeouts
 * (RequestTimeout) and answers over `maxBytes` (or, with `truncate`, keeps their first `maxBytes`);
 * any HTTP status resolves.
 */
export function httpRequest(
  url: string,
  opts: {
    method?: 'GET' | 'POST'
    headers?: Record<string, string>
    body?: string
    timeouts?: Timeouts
    signal?: AbortSignal
    maxBytes?: number
    truncate?: boolean
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
    const body = opts.body === undefined ? undefined : Buffer.from(opts.body, 'utf8')
    const req = client.request(target, {
      method: opts.method ?? 'GET',
      agent: agentFor(target),
      headers: {
        'user-agent': 'route53-ddns',
        ...opts.headers,
        ...(body ? { 'content-length': String(body.length) } : {})
      },
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
        if (size <= maxBytes) chunks.push(chunk)
        else if (!opts.truncate) finish(new Error(`${host} answered more than ${maxBytes} bytes`))
      })
      res.on('error', (err) => finish(err))
      res.on('end', () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8')
        })
      )
    })
    req.end(body)
  })
}
