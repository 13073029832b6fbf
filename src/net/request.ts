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
function envAgents(): { http: http.Agent; https: http.Agent } {
  agents ??= { http: new EnvProxyAgent(false), https: new EnvProxyAgent(true) }
  return agents
}

/** The agent for a request to `url`. */
function agentFor(url: URL): http.Agent {
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

/** What a server answered: any HTTP status, its headers, and the body as text. */
export interface HttpAnswer {
  status: number
  /** Always there from httpRequest; a stand-in sender (tests) may leave them out. */
  headers?: http.IncomingHttpHeaders
  body: string
}

/** A request that gave no answer in time: network-level, so callers may retry it. */
export class RequestTimeout extends Error {
  override name = 'TimeoutError'
}

/** An answer that came but was not read to the end; carries the status and headers it had. */
export class UnreadAnswer extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly headers: http.IncomingHttpHeaders
  ) {
    super(message)
  }
}

/** An answer longer than the request's `maxBytes`. */
export class AnswerTooLarge extends UnreadAnswer {
  override name = 'AnswerTooLarge'
  constructor(
    host: string,
    readonly maxBytes: number,
    res: http.IncomingMessage
  ) {
    super(`${host} answered more than ${maxBytes} bytes`, res.statusCode ?? 0, res.headers)
  }
}

/** With `strictText`: the body is not valid UTF-8. */
export class NotText extends UnreadAnswer {
  override name = 'NotText'
  constructor(host: string, res: http.IncomingMessage) {
    super(`${host} answered with a body that is not text`, res.statusCode ?? 0, res.headers)
  }
}

/** With `family`: the connection was made over the other family (`remote`, e.g. 'IPv6'). */
export class WrongFamily extends Error {
  override name = 'WrongFamily'
  constructor(
    readonly remote: string,
    readonly family: 4 | 6
  ) {
    super(`connected over ${remote}, not IPv${family}`)
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  timeouts?: Timeouts
  signal?: AbortSignal
  /** Largest answer accepted (default 64 KiB). */
  maxBytes?: number
  /** Keep the first `maxBytes` of a longer answer instead of rejecting it. */
  truncate?: boolean
  /**
   * Connect over this family only; an answer that came over the other family rejects with
   * WrongFamily. Through a proxy the proxy picks the family: the caller checks what it answers.
   */
  family?: 4 | 6
  /** Reject a body that is not valid UTF-8 (NotText) instead of replacing the bad bytes. */
  strictText?: boolean
}

/** Ends a request once: the first call wins, later ones do nothing. */
type Finish = (err: Error | undefined, answer?: HttpAnswer) => void

const DEFAULT_MAX_BYTES = 64 * 1024
const ignore = (): void => undefined
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * One small request with both limits; `signal` drops it (AbortError). Rejects on network errors,
 * timeouts (RequestTimeout), answers over `maxBytes` (AnswerTooLarge; with `truncate`, keeps their
 * first `maxBytes` instead), and the `family` and `strictText` checks; any HTTP status resolves.
 */
export function httpRequest(url: string, opts: RequestOptions = {}): Promise<HttpAnswer> {
  const target = new URL(url)
  const client = target.protocol === 'https:' ? https : http
  return new Promise<HttpAnswer>((resolve, reject) => {
    const controller = new AbortController()
    const timers: NodeJS.Timeout[] = []
    let settled = false
    const sent: { req?: http.ClientRequest } = {}
    const finish: Finish = (err, answer) => {
      if (settled) return
      settled = true
      for (const t of timers) clearTimeout(t)
      opts.signal?.removeEventListener('abort', onAbort)
      // A kept-alive socket cut off mid-answer reports the abort with no listener of Node's left
      // on it, which would crash the process: the request has its outcome already.
      if (err) sent.req?.socket?.on('error', ignore)
      controller.abort()
      if (err) reject(err)
      else resolve(answer!)
    }
    const onAbort = (): void => {
      const cause: unknown = opts.signal?.reason
      finish(Object.assign(new Error('Request aborted'), { name: 'AbortError', cause }))
    }
    if (opts.signal?.aborted) return onAbort()
    opts.signal?.addEventListener('abort', onAbort)
    const body = opts.body === undefined ? undefined : Buffer.from(opts.body, 'utf8')
    // A forced family gets a connection of its own: a pooled one may be of the other family.
    const forced = opts.family !== undefined && proxyFor(target) === '' ? opts.family : undefined
    const req = (sent.req = client.request(target, {
      method: opts.method ?? 'GET',
      ...(forced ? { family: forced, agent: false } : { agent: agentFor(target) }),
      headers: {
        'user-agent': 'route53-ddns',
        ...opts.headers,
        ...(body ? { 'content-length': String(body.length) } : {})
      },
      signal: controller.signal
    }))
    timers.push(...startTimers(req, target.host, opts.timeouts ?? DEFAULT_TIMEOUTS, finish))
    req.on('error', (err) => finish(err))
    req.on('response', (res) => readAnswer(res, target.host, { ...opts, forced }, finish))
    req.end(body)
  })
}

/** The two limits: the whole answer within `responseMs`, the connection within `connectMs`. */
function startTimers(
  req: http.ClientRequest,
  host: string,
  { connectMs, responseMs }: Timeouts,
  finish: Finish
): NodeJS.Timeout[] {
  const answerTimer = setTimeout(
    () => finish(new RequestTimeout(`no answer from ${host} within ${responseMs / 1000} s`)),
    responseMs
  )
  const connectTimer = setTimeout(
    () => finish(new RequestTimeout(`could not connect to ${host} within ${connectMs / 1000} s`)),
    connectMs
  )
  req.on('socket', (socket) => {
    const connected = (): void => clearTimeout(connectTimer)
    if (socket.connecting) socket.once('connect', connected)
    else connected()
  })
  return [answerTimer, connectTimer]
}

/** Reads the answer within the size cap and ends the request with it. */
function readAnswer(
  res: http.IncomingMessage,
  host: string,
  opts: RequestOptions & { forced: 4 | 6 | undefined },
  finish: Finish
): void {
  const status = res.statusCode ?? 0
  const remote = res.socket?.remoteFamily
  if (opts.forced && remote && remote !== `IPv${opts.forced}`) {
    return finish(new WrongFamily(remote, opts.forced))
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const chunks: Buffer[] = []
  let size = 0
  res.on('data', (chunk: Buffer) => {
    const room = maxBytes - size
    size += chunk.length
    if (size <= maxBytes) chunks.push(chunk)
    else if (!opts.truncate) finish(new AnswerTooLarge(host, maxBytes, res))
    else if (room > 0) chunks.push(chunk.subarray(0, room))
  })
  res.on('error', (err) => finish(err))
  res.on('end', () => {
    const bytes = Buffer.concat(chunks)
    let body: string
    try {
      body = opts.strictText ? STRICT_UTF8.decode(bytes) : bytes.toString('utf8')
    } catch {
      return finish(new NotText(host, res))
    }
    finish(undefined, { status, headers: res.headers, body })
  })
}
