import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { UpdateError } from '../model/errors.js'
import type { Logger } from '../model/types.js'
import { canonicalAddress, classifyAddress } from '../model/address.js'
import { distinctProviders } from '../model/provider-url.js'
import { agentFor, proxyFor } from '../net/request.js'

/** Built-in echo services per family (HTTPS only). Each answers with the caller's address. */
export const DEFAULT_PROVIDERS: Readonly<Record<4 | 6, readonly string[]>> = {
  4: [
    'https://checkip.amazonaws.com',
    'https://api.ipify.org',
    'https://ipv4.icanhazip.com',
    'https://www.cloudflare.com/cdn-cgi/trace'
  ],
  6: [
    'https://api6.ipify.org',
    'https://ipv6.icanhazip.com',
    'https://www.cloudflare.com/cdn-cgi/trace'
  ]
}

/** Per-request limit: connect, headers and body. */
export const DEFAULT_TIMEOUT_MS = 5_000
/** Bound on the whole detection of one family. */
export const DEFAULT_OVERALL_MS = 15_000
/** Largest body accepted; an address or a trace page is far smaller. */
export const MAX_BODY_BYTES = 4096

export type EchoParse = { ok: true; address: string } | { ok: false; reason: string }

const TRACE_LINE = /^[A-Za-z0-9_.-]+=.*$/

/** An address as Node parses it, without a zone index (`%eth0`), which no record can hold. */
function isAddress(text: string): boolean {
  return isIP(text) !== 0 && !text.includes('%')
}

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}…` : flat)
}

function describeJunk(body: string): string {
  const start = body.trimStart()
  if (/^</.test(start) || /<\/?[a-z!][^>]*>/i.test(body)) {
    return 'answered with an HTML page, not an address'
  }
  if (/^[{[]/.test(start)) return 'answered with JSON, not a bare address'
  const words = body.split(/[\s,;]+/).filter((w) => w !== '')
  if (words.length > 1 && words.every((w) => isIP(w) !== 0)) {
    return `answered ${words.length} addresses (${words.slice(0, 4).join(', ')}), not exactly one`
  }
  return `answered ${quoted(body)}, not an address`
}

/**
 * Parse an echo service's body strictly: exactly one address (surrounding whitespace ignored), or
 * for Cloudflare trace-format bodies (`key=value` lines) the single `ip=` line; of the requested
 * family; globally routable. Anything else is a reason to treat the provider as failed.
 */
export function parseEchoBody(body: string, family: 4 | 6): EchoParse {
  const text = body.trim()
  if (text === '') return { ok: false, reason: 'answered with an empty body' }
  let candidate: string
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  if (isAddress(text)) {
    candidate = text
  } else if (lines.every((l) => TRACE_LINE.test(l))) {
    const ipLines = lines.filter((l) => l.startsWith('ip='))
    if (ipLines.length === 0)
      return { ok: false, reason: 'answered key=value lines without an ip= line' }
    if (ipLines.length > 1) return { ok: false, reason: 'answered several ip= lines' }
    candidate = (ipLines[0] as string).slice(3).trim()
    if (!isAddress(candidate)) {
      return { ok: false, reason: `has ip=${quoted(candidate)}, not an address` }
    }
  } else {
    return { ok: false, reason: describeJunk(text) }
  }
  const cls = classifyAddress(candidate)
  const address = canonicalAddress(candidate)
  if (cls.family !== family) {
    return {
      ok: false,
      reason: `answered the IPv${cls.family} address ${address} when IPv${family} was asked`
    }
  }
  if (!cls.global) {
    return { ok: false, reason: `answered ${address}, which is ${cls.range}, not a public address` }
  }
  return { ok: true, address }
}

/** What one provider answered: an address, or why it counts as failed. */
export type ProviderAnswer = { url: string } & EchoParse

export interface PublicDetectionOptions {
  logger: Logger
  /** Per-request limit (default 5 s). */
  timeoutMs?: number
  /** Bound on the whole detection (default 15 s). */
  overallMs?: number
  /** Body size cap (default 4 KiB). */
  maxBodyBytes?: number
  /** Ends the detection at once (the run was cancelled or hit its bound). */
  signal?: AbortSignal
}

export interface PublicResult {
  address: string
  /** For AddressOrigin.how, e.g. 'public: https://a and https://b agreed'. */
  how: string
  answers: ProviderAnswer[]
}

function errorReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') {
    return `could not resolve its name for this family (${e.code})`
  }
  if (e?.code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(e.code)) {
    return `TLS certificate not trusted (${e.code})`
  }
  const message = e?.message ?? String(err)
  return `request failed: ${e?.code && !message.includes(e.code) ? `${e.code} ` : ''}${message}`
}

function list(urls: string[]): string {
  if (urls.length <= 2) return urls.join(' and ')
  return `${urls.slice(0, -1).join(', ')} and ${urls[urls.length - 1]}`
}

/**
 * Ask one provider, forcing the connection's family. Resolves (never rejects) with the parsed
 * answer or the failure reason. `signal` aborts it (quorum reached, or overall limit).
 */
export function askProvider(
  url: string,
  family: 4 | 6,
  opts: { timeoutMs: number; maxBodyBytes: number; signal: AbortSignal }
): Promise<ProviderAnswer> {
  return new Promise<ProviderAnswer>((resolve) => {
    let settled = false
    const timer: { id?: NodeJS.Timeout } = {}
    const controller = new AbortController()
    const onOuterAbort = (): void => finish({ ok: false, reason: 'not asked further' })
    function finish(result: EchoParse): void {
      if (settled) return
      settled = true
      clearTimeout(timer.id)
      opts.signal.removeEventListener('abort', onOuterAbort)
      controller.abort()
      resolve({ url, ...result })
    }
    if (opts.signal.aborted) return finish({ ok: false, reason: 'not asked' })
    opts.signal.addEventListener('abort', onOuterAbort)

    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return finish({ ok: false, reason: 'is not a URL' })
    }
    const literal = isIP(parsed.hostname.replace(/^\[(.*)\]$/, '$1'))
    if (literal !== 0 && literal !== family) {
      return finish({
        ok: false,
        reason: `is an IPv${literal} address, so it cannot see this machine's IPv${family} address`
      })
    }
    const client = parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null
    if (!client) return finish({ ok: false, reason: `unsupported protocol ${parsed.protocol}` })

    timer.id = setTimeout(
      () => finish({ ok: false, reason: `no answer within ${opts.timeoutMs / 1000} s` }),
      opts.timeoutMs
    )
    // Through a proxy the proxy picks the family; the answer's family is still checked.
    const proxied = proxyFor(parsed) !== ''
    const req = client.request(parsed, {
      method: 'GET',
      ...(proxied ? { agent: agentFor(parsed) } : { family, agent: false }),
      signal: controller.signal,
      headers: { 'user-agent': 'route53-ddns', accept: 'text/plain', connection: 'close' }
    })
    req.on('error', (err) => finish({ ok: false, reason: errorReason(err) }))
    req.on('response', (res) => {
      const remote = res.socket?.remoteFamily
      if (!proxied && remote && remote !== `IPv${family}`) {
        res.resume()
        return finish({ ok: false, reason: `connected over ${remote}, not IPv${family}` })
      }
      const status = res.statusCode ?? 0
      if (status >= 300 && status < 400) {
        res.resume()
        const to = res.headers.location ? ` to ${res.headers.location.slice(0, 200)}` : ''
        return finish({
          ok: false,
          reason: `redirected (HTTP ${status}${to}), and redirects are not followed`
        })
      }
      if (status < 200 || status >= 300) {
        res.resume()
        return finish({ ok: false, reason: `answered HTTP ${status}` })
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > opts.maxBodyBytes) {
          return finish({ ok: false, reason: `answered more than ${opts.maxBodyBytes} bytes` })
        }
        chunks.push(chunk)
      })
      res.on('error', (err) => finish({ ok: false, reason: errorReason(err) }))
      res.on('end', () => {
        let body: string
        try {
          body = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
        } catch {
          return finish({ ok: false, reason: 'answered with a body that is not text' })
        }
        finish(parseEchoBody(body, family))
      })
    })
    req.end()
  })
}

/**
 * Find this machine's public address of one family by asking echo providers concurrently.
 *
 * An address is accepted when two providers agree. While every answer so far agrees, the result is
 * taken as soon as the second agreeing answer arrives and the other requests are abandoned (a slow
 * or hanging provider does not delay it). If any provider has answered a different address, the
 * remaining answers are awaited (within the limits) and the leading address must have at least two
 * votes and strictly more than any other, so a split between providers fails instead of flapping.
 * With a single provider its answer is used, with a warning. Otherwise throws UpdateError listing
 * what each provider answered.
 */
export async function detectPublic(
  family: 4 | 6,
  providers: readonly string[],
  opts: PublicDetectionOptions
): Promise<PublicResult> {
  const { logger } = opts
  const { urls, merged } = distinctProviders(providers)
  for (const m of merged) {
    logger.warning(
      `IPv${family} provider ${m.origin} is listed ${m.urls.length} times (${list([...new Set(m.urls)])}): it counts as one vote`
    )
  }
  if (urls.length === 0) throw new UpdateError(`No IPv${family} address providers are configured.`)
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const overallMs = opts.overallMs ?? DEFAULT_OVERALL_MS
  const maxBodyBytes = opts.maxBodyBytes ?? MAX_BODY_BYTES
  const stop = new AbortController()
  const answers = new Map<string, ProviderAnswer>()
  logger.debug(
    `Asking ${urls.length} provider(s) for the public IPv${family} address: ${urls.join(', ')}`
  )

  const onStop = { fn: (): void => undefined }
  const winner = await new Promise<string | undefined>((resolve) => {
    let done = false
    onStop.fn = () => {
      if (done) return
      done = true
      clearTimeout(overall)
      stop.abort()
      resolve(undefined)
    }
    opts.signal?.addEventListener('abort', onStop.fn)
    const overall = setTimeout(() => {
      if (done) return
      for (const url of urls) {
        if (!answers.has(url)) {
          answers.set(url, {
            url,
            ok: false,
            reason: `no answer within the overall ${overallMs / 1000} s limit`
          })
        }
      }
      settle()
    }, overallMs)
    function settle(): void {
      if (done) return
      const votes = tally(answers)
      const pending = urls.length - answers.size
      const sorted = [...votes.entries()].sort((a, b) => b[1].length - a[1].length)
      const [lead, second] = sorted
      let result: string | undefined
      let final = pending === 0
      if (urls.length === 1) {
        result = lead?.[0]
      } else if (lead && lead[1].length >= 2) {
        if (sorted.length === 1) {
          result = lead[0]
          final = true
        } else if (pending === 0 && lead[1].length > (second?.[1].length ?? 0)) {
          result = lead[0]
        }
      }
      if (!final) return
      done = true
      clearTimeout(overall)
      stop.abort()
      resolve(result)
    }
    for (const url of urls) {
      void askProvider(url, family, { timeoutMs, maxBodyBytes, signal: stop.signal }).then(
        (answer) => {
          if (done) return
          answers.set(url, answer)
          if (answer.ok) logger.debug(`${url} answered ${answer.address}`)
          else logger.info(`IPv${family} provider ${url} failed: ${answer.reason}`)
          settle()
        }
      )
    }
    if (opts.signal?.aborted) onStop.fn()
  })
  opts.signal?.removeEventListener('abort', onStop.fn)

  const ordered = urls.map(
    (url) => answers.get(url) ?? { url, ok: false as const, reason: 'not needed: quorum reached' }
  )
  if (winner === undefined) {
    const detail = ordered
      .map((a) => (a.ok ? `${a.url} answered ${a.address}` : `${a.url} failed: ${a.reason}`))
      .join('; ')
    const answered = ordered.filter((a) => a.ok)
    const why =
      urls.length === 1
        ? 'the only provider did not give a usable answer'
        : answered.length < 2
          ? `fewer than two of ${urls.length} providers gave a usable answer`
          : 'the providers did not agree'
    throw new UpdateError(`Could not detect the public IPv${family} address: ${why}. ${detail}.`)
  }
  const agreed = ordered.filter((a) => a.ok && a.address === winner).map((a) => a.url)
  for (const a of ordered) {
    if (a.ok && a.address !== winner) {
      logger.warning(
        `IPv${family} provider ${a.url} answered ${a.address}, but ${list(agreed)} agreed on ${winner}: ignoring it`
      )
    }
  }
  if (urls.length === 1) {
    logger.warning(
      `Only one IPv${family} address provider is configured (${urls[0]}): its answer ${winner} is used unconfirmed. Give at least two ip-providers so answers can be cross-checked.`
    )
    return {
      address: winner,
      how: `public: ${urls[0]} (single provider, unconfirmed)`,
      answers: ordered
    }
  }
  logger.info(`Public IPv${family} address ${winner}: ${list(agreed)} agreed`)
  return { address: winner, how: `public: ${list(agreed)} agreed`, answers: ordered }
}

function tally(answers: Map<string, ProviderAnswer>): Map<string, string[]> {
  const votes = new Map<string, string[]>()
  for (const a of answers.values()) {
    if (a.ok) votes.set(a.address, [...(votes.get(a.address) ?? []), a.url])
  }
  return votes
}
