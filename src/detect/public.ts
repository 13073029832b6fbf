/**
 * The public address: ask echo services at once, each over the family being detected through the
 * run's one bounded request, parse every answer strictly, and accept what the quorum (quorum.ts)
 * decides.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { isIP } from 'node:net'
import { UpdateError } from '../model/errors.js'
import { cut, excerpt, printable } from '../model/text.js'
import { redact } from '../net/redact.js'
import type { Logger } from '../model/types.js'
import { canonicalAddress, classifyAddress } from '../model/address.js'
import { distinctProviders } from '../model/provider-url.js'
import {
  AnswerTooLarge,
  NotText,
  RequestTimeout,
  UnreadAnswer,
  WrongFamily,
  httpRequest
} from '../net/request.js'
import {
  decideQuorum,
  noQuorumReason,
  type EchoParse,
  type ProviderAnswer,
  type QuorumDecision
} from './quorum.js'

// command.ts judges a program's output with parseEchoBody and names its result so.
export type { EchoParse }

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
const DEFAULT_TIMEOUT_MS = 5_000
/** Bound on the whole detection of one family. */
const DEFAULT_OVERALL_MS = 15_000
/** Largest body accepted; an address or a trace page is far smaller. */
const MAX_BODY_BYTES = 4096

const TRACE_LINE = /^[A-Za-z0-9_.-]+=.*$/

/** An address as Node parses it, without a zone index (`%eth0`), which no record can hold. */
function isAddress(text: string): boolean {
  return isIP(text) !== 0 && !text.includes('%')
}

function quoted(text: string): string {
  return `"${excerpt(text, 61, redact)}"`
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

interface PublicDetectionOptions {
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

interface PublicResult {
  address: string
  /** For AddressOrigin.how, e.g. 'public: https://a and https://b agreed'. */
  how: string
  answers: ProviderAnswer[]
}

/** The limits of one provider's request. */
interface AskLimits {
  timeoutMs: number
  maxBodyBytes: number
  signal: AbortSignal
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

/** Why a request that did not give a readable answer counts as failed. */
function requestFailure(err: unknown, limits: AskLimits): string {
  if (err instanceof RequestTimeout) return `no answer within ${limits.timeoutMs / 1000} s`
  if (err instanceof AnswerTooLarge) return `answered more than ${err.maxBytes} bytes`
  if (err instanceof NotText) return 'answered with a body that is not text'
  if (err instanceof WrongFamily) return err.message
  if ((err as Error)?.name === 'AbortError') return 'not asked further'
  return errorReason(err)
}

/** Why an answer's status makes it unusable (redirects are not followed), if it does. */
function statusProblem(status: number, headers: IncomingHttpHeaders): string | undefined {
  if (status >= 300 && status < 400) {
    const to = headers.location ? ` to ${cut(printable(headers.location), 200)}` : ''
    return `redirected (HTTP ${status}${to}), and redirects are not followed`
  }
  if (status < 200 || status >= 300) return `answered HTTP ${status}`
  return undefined
}

/** Why `url` cannot be asked for this family's address, if it cannot. */
function targetProblem(url: string, family: 4 | 6): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'is not a URL'
  }
  const literal = isIP(parsed.hostname.replace(/^\[(.*)\]$/, '$1'))
  if (literal !== 0 && literal !== family) {
    return `is an IPv${literal} address, so it cannot see this machine's IPv${family} address`
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `unsupported protocol ${parsed.protocol}`
  }
  return undefined
}

/**
 * Ask one provider, over the family being detected, through the run's one bounded request.
 * Resolves (never rejects) with the parsed answer or the failure reason. `signal` drops it
 * (quorum reached, or overall limit).
 */
async function askProvider(url: string, family: 4 | 6, limits: AskLimits): Promise<ProviderAnswer> {
  if (limits.signal.aborted) return { url, ok: false, reason: 'not asked' }
  const problem = targetProblem(url, family)
  if (problem) return { url, ok: false, reason: problem }
  try {
    const answer = await httpRequest(url, {
      family,
      timeouts: { connectMs: limits.timeoutMs, responseMs: limits.timeoutMs },
      maxBytes: limits.maxBodyBytes,
      strictText: true,
      signal: limits.signal,
      headers: { accept: 'text/plain', connection: 'close' }
    })
    const bad = statusProblem(answer.status, answer.headers ?? {})
    return { url, ...(bad ? { ok: false, reason: bad } : parseEchoBody(answer.body, family)) }
  } catch (err) {
    // A bad status counts before a body too long or not text, as the status comes first.
    const bad = err instanceof UnreadAnswer ? statusProblem(err.status, err.headers) : undefined
    return { url, ok: false, reason: bad ?? requestFailure(err, limits) }
  }
}

function list(urls: readonly string[]): string {
  if (urls.length <= 2) return urls.join(' and ')
  return `${urls.slice(0, -1).join(', ')} and ${urls[urls.length - 1]}`
}

const listedTwice = (family: 4 | 6, origin: string, urls: string[]): string =>
  `IPv${family} provider ${origin} is listed ${urls.length} times (${list([...new Set(urls)])}): it counts as one vote`

const outvoted = (
  family: 4 | 6,
  a: ProviderAnswer & { ok: true },
  agreed: string[],
  winner: string
): string =>
  `IPv${family} provider ${a.url} answered ${a.address}, but ${list(agreed)} agreed on ${winner}: ignoring it`

const unconfirmed = (family: 4 | 6, url: string, winner: string): string =>
  `Only one IPv${family} address provider is configured (${url}): its answer ${winner} is used unconfirmed. Give at least two ip-providers so answers can be cross-checked.`

function noAddress(family: 4 | 6, why: string, answers: readonly ProviderAnswer[]): UpdateError {
  const detail = answers
    .map((a) => (a.ok ? `${a.url} answered ${a.address}` : `${a.url} failed: ${a.reason}`))
    .join('; ')
  return new UpdateError(`Could not detect the public IPv${family} address: ${why}. ${detail}.`)
}

/**
 * Ask every provider at once and put each answer to the quorum, until it decides, the overall
 * limit passes (unanswered providers then count as failed) or `signal` stops the detection. The
 * requests still open at the end are dropped.
 */
function gather(
  family: 4 | 6,
  urls: readonly string[],
  opts: PublicDetectionOptions
): Promise<{ decision: QuorumDecision; answers: Map<string, ProviderAnswer> }> {
  const overallMs = opts.overallMs ?? DEFAULT_OVERALL_MS
  const stop = new AbortController()
  const answers = new Map<string, ProviderAnswer>()
  return new Promise((resolve) => {
    const end = (decision: QuorumDecision): void => {
      if (stop.signal.aborted || decision.state === 'waiting') return
      clearTimeout(overall)
      opts.signal?.removeEventListener('abort', onStop)
      stop.abort()
      resolve({ decision, answers })
    }
    const onStop = (): void =>
      end({ state: 'failed', reason: noQuorumReason(urls.length, [...answers.values()]) })
    const overall = setTimeout(() => {
      const reason = `no answer within the overall ${overallMs / 1000} s limit`
      for (const url of urls) if (!answers.has(url)) answers.set(url, { url, ok: false, reason })
      end(decideQuorum(urls, [...answers.values()]))
    }, overallMs)
    opts.signal?.addEventListener('abort', onStop)
    const limits: AskLimits = {
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBodyBytes: opts.maxBodyBytes ?? MAX_BODY_BYTES,
      signal: stop.signal
    }
    for (const url of urls) {
      void askProvider(url, family, limits).then((answer) => {
        if (stop.signal.aborted) return
        answers.set(url, answer)
        if (answer.ok) opts.logger.debug(`${url} answered ${answer.address}`)
        else opts.logger.info(`IPv${family} provider ${url} failed: ${answer.reason}`)
        end(decideQuorum(urls, [...answers.values()]))
      })
    }
    if (opts.signal?.aborted) onStop()
  })
}

/**
 * Find this machine's public address of one family by asking echo providers concurrently, and
 * accept what the quorum decides (quorum.ts): two providers agreeing, at once while no answer
 * differs, so a slow or hanging provider does not delay it; after a disagreement, a strict
 * majority of all answers. With a single provider its answer is used, with a warning. Otherwise
 * throws UpdateError listing what each provider answered.
 */
export async function detectPublic(
  family: 4 | 6,
  providers: readonly string[],
  opts: PublicDetectionOptions
): Promise<PublicResult> {
  const { logger } = opts
  const { urls, merged } = distinctProviders(providers)
  for (const m of merged) logger.warning(listedTwice(family, m.origin, m.urls))
  if (urls.length === 0) throw new UpdateError(`No IPv${family} address providers are configured.`)
  logger.debug(
    `Asking ${urls.length} provider(s) for the public IPv${family} address: ${urls.join(', ')}`
  )
  const { decision, answers } = await gather(family, urls, opts)
  const ordered = urls.map(
    (url) => answers.get(url) ?? { url, ok: false as const, reason: 'not needed: quorum reached' }
  )
  if (decision.state !== 'accepted') {
    throw noAddress(family, decision.state === 'failed' ? decision.reason : '', ordered)
  }
  const winner = decision.address
  const agreed = ordered.filter((a) => a.ok && a.address === winner).map((a) => a.url)
  for (const a of ordered) {
    if (a.ok && a.address !== winner) logger.warning(outvoted(family, a, agreed, winner))
  }
  if (urls.length === 1) {
    logger.warning(unconfirmed(family, urls[0] as string, winner))
    const how = `public: ${urls[0]} (single provider, unconfirmed)`
    return { address: winner, how, answers: ordered }
  }
  logger.info(`Public IPv${family} address ${winner}: ${list(agreed)} agreed`)
  return { address: winner, how: `public: ${list(agreed)} agreed`, answers: ordered }
}
