import {
  ChangeResourceRecordSetsCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  waitUntilResourceRecordSetsChanged,
  type Change,
  type HostedZone,
  type ResourceRecordSet,
  type RRType
} from '@aws-sdk/client-route-53'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { UpdateError, awsFailure, shown } from '../model/errors.js'
import { explainRoute53Denied, type Route53Operation } from './iam/access-denied.js'
import { stoppedWhile } from '../core/lifecycle.js'
import { sdkRequestHandler, type Timeouts } from '../net/request.js'
import { bareZoneId, compareNames, displayName, listedName, suffixes } from '../model/names.js'
import { MAX_ATTEMPTS, retryStrategy, type RetryTiming } from './retry.js'

interface Route53ClientOptions {
  region: string
  /** Undefined means the SDK's default chain. */
  credentials?: AwsCredentialIdentity
  /** Retry timing (tests inject zero delays); default the production backoff. */
  timing?: RetryTiming
  /** Per-request limits (default DEFAULT_TIMEOUTS). */
  timeouts?: Timeouts
  /** Endpoint override (tests); otherwise the SDK's, which honours AWS_ENDPOINT_URL_ROUTE_53. */
  endpoint?: string
}

/**
 * A 2xx answer that is not Route 53's XML: a captive portal or proxy answered in its place. The SDK
 * would read such a page as an empty but successful result.
 */
class ForeignAnswerError extends Error {
  override name = 'ForeignAnswer'
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly excerpt: string
  ) {
    super(`HTTP ${status}, ${contentType || 'no content type'}: "${excerpt}"`)
  }
}

/** The start of a body as one short printable line. */
async function excerptOf(body: unknown): Promise<string> {
  let text = ''
  try {
    if (typeof body === 'string') text = body
    else if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
        text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
        if (text.length >= 1024) break
      }
    }
  } catch {
    // What arrived before the failure is the excerpt.
  }
  return shown(text.replace(/\s+/g, ' ').trim())
}

/** A Route 53 client for this run. */
export function createRoute53Client(options: Route53ClientOptions): Route53Client {
  const client = new Route53Client({
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    retryStrategy: retryStrategy(options.timing),
    requestHandler: sdkRequestHandler(options.timeouts)
  })
  // Innermost: sees each raw answer before the SDK parses it, and refuses one that is not XML.
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args)
      const response = result.response as {
        statusCode?: number
        headers?: Record<string, string>
        body?: unknown
      }
      const status = response.statusCode ?? 0
      const type = response.headers?.['content-type'] ?? ''
      if (status >= 200 && status < 300 && !/xml/i.test(type)) {
        throw new ForeignAnswerError(status, shown(type), await excerptOf(response.body))
      }
      return result
    },
    { step: 'deserialize', priority: 'low', name: 'route53ddnsForeignAnswer' }
  )
  return client
}

function errorName(err: unknown): string {
  return (err as { name?: string })?.name ?? ''
}

/** Writes whose earlier attempt may have been applied although no answer said so. */
const unanswered = new WeakMap<object, string>()

/**
 * Why a failed write may still have been applied: an earlier attempt ended with a 5xx or a broken
 * connection after the request was sent, and the SDK retried it. Undefined when no attempt could have.
 */
export function lostAnswer(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? unanswered.get(err) : undefined
}

/** Connection failures before anything was sent. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

function mayHaveApplied(err: unknown): string | undefined {
  const e = err as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } }
  const status = e?.$metadata?.httpStatusCode
  if (status !== undefined)
    return status >= 500 ? `HTTP ${status} ${e.name ?? ''}`.trim() : undefined
  if (e?.name === 'ForeignAnswer' || NOT_SENT.has(e?.code ?? '')) return undefined
  return `the connection broke before an answer (${e?.code ?? e?.name ?? 'error'})`
}

/** InvalidChangeBatch carries its reasons in `messages` or, as AWS often sends it, in `message`. */
function batchMessages(err: unknown): string[] {
  const messages = (err as { messages?: string[] }).messages ?? []
  return messages.length > 0 ? messages : [(err as Error).message ?? '']
}

/** Whether a refused batch failed because the records changed since they were read. */
export function isConflict(err: unknown): boolean {
  if (errorName(err) !== 'InvalidChangeBatch') return false
  // A record of another routing policy appearing since the read is a change too: reading again
  // turns it into the plan's clear refusal.
  return batchMessages(err).some((m) =>
    /already exists|not found|do not match|exists? with the same name and type/i.test(m)
  )
}

interface Where {
  operation: Route53Operation
  zoneId?: string
  changes?: Change[]
}

/** Turn an SDK error into one the user can act on; never includes credentials. */
export function explainError(err: unknown, where: Where): UpdateError {
  if (err instanceof UpdateError) return err
  const name = errorName(err)
  const message = (err as Error)?.message ?? String(err)
  const zone = where.zoneId ? `hosted zone ${where.zoneId}` : 'Route 53'
  const stopped = stoppedWhile(err, `${where.operation} on ${zone}`)
  if (stopped) return stopped
  const fail = (text: string): UpdateError => awsFailure(text, err)
  switch (name) {
    case 'ForeignAnswer':
      return fail(
        `${where.operation} on ${zone} was answered by something other than Route 53 (${message}); a proxy or captive portal may be answering in its place.${where.operation === 'ChangeResourceRecordSets' ? ' Nothing is counted as written.' : ''}`
      )
    case 'NoSuchHostedZone':
      return fail(`${zone} does not exist (check hosted-zone-id): ${message}`)
    case 'NoSuchHealthCheck':
      return fail(
        `Route 53 has no such health check (NoSuchHealthCheck; check health-check-id): ${message}`
      )
    case 'AccessDenied':
    case 'AccessDeniedException': {
      const sets = (where.changes ?? []).map((c) => c.ResourceRecordSet)
      return fail(
        explainRoute53Denied({
          operation: where.operation,
          ...(where.zoneId ? { zoneId: where.zoneId } : {}),
          names: [...new Set(sets.map((s) => displayName(s?.Name ?? '')))],
          types: [...new Set(sets.map((s) => s?.Type ?? ''))],
          actions: [...new Set((where.changes ?? []).map((c) => c.Action ?? ''))],
          awsMessage: message
        })
      )
    }
    case 'InvalidChangeBatch': {
      const messages = batchMessages(err)
      const outside = messages.find((m) => /not permitted in zone/i.test(m))
      if (outside) return fail(`A hostname is not in ${zone}: ${outside}`)
      return fail(`Route 53 refused the change to ${zone}: ${messages.join('; ')}`)
    }
    case 'Throttling':
    case 'ThrottlingException':
    case 'PriorRequestNotComplete':
      return fail(
        `${where.operation} on ${zone} was still refused after ${MAX_ATTEMPTS} attempts (${name}: ${message}); Route 53 is rate-limiting this account, try again later.`
      )
    case 'InvalidClientTokenId':
    case 'ExpiredToken':
    case 'UnrecognizedClientException':
    case 'CredentialsProviderError':
      return fail(`AWS credentials were not accepted for ${where.operation} (${name}): ${message}`)
    default: {
      const doubt = lostAnswer(err)
      return fail(
        `${where.operation} on ${zone} failed (${name || 'error'}): ${message}${doubt ? `. The change may still have been applied (an attempt ended with ${doubt}); run again to see the records as they are.` : ''}`
      )
    }
  }
}

/** A list answer without IsTruncated is not Route 53's (a proxy or captive portal answered). */
const notRoute53 = (what: string, consequence: string): string =>
  `The answer to ${what} is not a Route 53 response (no IsTruncated); ${consequence}.`

/** A change answer without a change id is not Route 53's either. */
const noChangeId = (zoneId: string, status: number | undefined): string =>
  `Route 53's answer to the change of hosted zone ${zoneId} carried no change id (HTTP ${status ?? '?'}), so it is not a ChangeResourceRecordSets response; nothing is counted as written.`

/** wait-timeout ran out: the change is applied and completes without us. */
const notYetInSync = (changeId: string, zoneId: string, seconds: number): string =>
  `Change ${changeId} to hosted zone ${zoneId} was submitted but was not yet INSYNC after ${seconds} s (wait-timeout); it will still complete.`

/** The next place to read from, after a truncated page. */
interface Cursor {
  name: string
  type?: string
  identifier?: string
}

/**
 * Decide where the next page must start so every wanted name is fully seen, or undefined when
 * all are. Names before `next` are complete; gaps between wanted names are skipped. Pure.
 */
export function nextCursor(wanted: string[], next: Cursor | undefined): Cursor | undefined {
  if (!next) return undefined
  const remaining = wanted.filter((w) => compareNames(w, next.name) >= 0).sort(compareNames)
  const first = remaining[0]
  if (first === undefined) return undefined
  return compareNames(first, next.name) === 0 ? next : { name: first }
}

/**
 * Read every record set at the given names in one zone with as few requests as possible: each
 * page (300 sets) starts at the first name not yet seen, so names that sit together share a
 * page and gaps are skipped. Returns the sets keyed by listed name; an absent name maps to [].
 */
export async function readNames(
  client: Route53Client,
  zoneId: string,
  names: string[],
  signal?: AbortSignal
): Promise<Map<string, ResourceRecordSet[]>> {
  const found = new Map<string, ResourceRecordSet[]>(names.map((n) => [listedName(n), []]))
  const wanted = [...new Set(names)].sort(compareNames)
  let cursor: Cursor | undefined = wanted[0] === undefined ? undefined : { name: wanted[0] }
  while (cursor) {
    let page
    try {
      page = await client.send(
        new ListResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          StartRecordName: cursor.name.endsWith('.') ? cursor.name : `${cursor.name}.`,
          ...(cursor.type ? { StartRecordType: cursor.type as RRType } : {}),
          ...(cursor.identifier ? { StartRecordIdentifier: cursor.identifier } : {}),
          MaxItems: 300
        }),
        signal ? { abortSignal: signal } : undefined
      )
    } catch (err) {
      throw explainError(err, { operation: 'ListResourceRecordSets', zoneId })
    }
    if (page.IsTruncated === undefined) {
      throw awsFailure(
        notRoute53(`ListResourceRecordSets on hosted zone ${zoneId}`, 'the records cannot be read'),
        page
      )
    }
    // The cursor yields the next records when a name is absent: keep only exact name matches.
    for (const set of page.ResourceRecordSets ?? []) {
      found.get(listedName(set.Name ?? ''))?.push(set)
    }
    cursor =
      page.IsTruncated && page.NextRecordName
        ? nextCursor(wanted, {
            name: page.NextRecordName,
            ...(page.NextRecordType ? { type: page.NextRecordType } : {}),
            ...(page.NextRecordIdentifier ? { identifier: page.NextRecordIdentifier } : {})
          })
        : undefined
  }
  return found
}

/**
 * Submit one batch; returns the bare change id, which a real answer always carries. Errors are left
 * raw so callers can spot conflicts; `lostAnswer(err)` says whether an earlier attempt may have
 * been applied.
 */
export async function submitBatch(
  client: Route53Client,
  zoneId: string,
  changes: Change[],
  comment: string,
  signal?: AbortSignal
): Promise<string> {
  const command = new ChangeResourceRecordSetsCommand({
    HostedZoneId: zoneId,
    ChangeBatch: { Comment: comment, Changes: changes }
  })
  let doubt: string | undefined
  // Inside the retry loop (which runs first in this step): sees every attempt the SDK made.
  command.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args)
      } catch (err) {
        doubt ??= mayHaveApplied(err)
        throw err
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'route53ddnsAttemptWatch' }
  )
  let out
  try {
    out = await client.send(command, signal ? { abortSignal: signal } : undefined)
  } catch (err) {
    if (doubt && typeof err === 'object' && err !== null) unanswered.set(err, doubt)
    throw err
  }
  const id = out.ChangeInfo?.Id
  if (!id) {
    throw awsFailure(noChangeId(zoneId, out.$metadata.httpStatusCode), out)
  }
  return id.replace(/^\/change\//, '')
}

/** Wait until a change is INSYNC, using the SDK waiter with short delays. */
export async function waitForSync(
  client: Route53Client,
  changeId: string,
  zoneId: string,
  timeoutSeconds: number,
  timing: RetryTiming = {},
  signal?: AbortSignal
): Promise<void> {
  const { minDelay, maxDelay } = timing.syncPoll ?? { minDelay: 1, maxDelay: 5 }
  try {
    await waitUntilResourceRecordSetsChanged(
      {
        client,
        maxWaitTime: timeoutSeconds,
        minDelay,
        maxDelay,
        ...(signal ? { abortSignal: signal } : {})
      },
      { Id: changeId }
    )
  } catch (err) {
    const stopped = stoppedWhile(err, `change ${changeId} to be INSYNC`, signal)
    if (stopped) throw stopped
    if (
      errorName(err) === 'TimeoutError' ||
      /timed? ?out|exceeded/i.test((err as Error).message ?? '')
    ) {
      throw new UpdateError(notYetInSync(changeId, zoneId, timeoutSeconds), { cause: err })
    }
    throw explainError(err, { operation: 'GetChange', zoneId })
  }
}

/** A discovered zone. */
interface Zone {
  id: string
  name: string
}

/** Every hosted zone named like one of `wanted` (sorted), by listed name; as few pages as possible. */
async function zonesNamed(
  client: Route53Client,
  wanted: string[],
  signal?: AbortSignal
): Promise<Map<string, HostedZone[]>> {
  const byName = new Map<string, HostedZone[]>(wanted.map((s) => [listedName(s), []]))
  let cursor: { name: string; id?: string } | undefined =
    wanted[0] === undefined ? undefined : { name: wanted[0] }
  while (cursor) {
    let page
    try {
      page = await client.send(
        new ListHostedZonesByNameCommand({
          DNSName: cursor.name,
          ...(cursor.id ? { HostedZoneId: cursor.id } : {}),
          MaxItems: 100
        }),
        signal ? { abortSignal: signal } : undefined
      )
    } catch (err) {
      throw explainError(err, { operation: 'ListHostedZonesByName' })
    }
    if (page.IsTruncated === undefined) {
      throw awsFailure(
        notRoute53('ListHostedZonesByName', 'the hosted zones cannot be listed'),
        page
      )
    }
    for (const zone of page.HostedZones ?? []) byName.get(listedName(zone.Name ?? ''))?.push(zone)
    const next = page.IsTruncated ? page.NextDNSName : undefined
    const c = nextCursor(wanted, next ? { name: next } : undefined)
    // Continuing within one name needs the zone id cursor too; a jump to another name does not.
    cursor =
      c && c.name === next && page.NextHostedZoneId
        ? { name: c.name, id: page.NextHostedZoneId }
        : c && { name: c.name }
  }
  return byName
}

/** The zone of `host`: its longest suffix that names exactly one (public unless `privateZone`). */
function zoneOf(host: string, byName: Map<string, HostedZone[]>, privateZone: boolean): Zone {
  for (const suffix of suffixes(host)) {
    const zones = (byName.get(listedName(suffix)) ?? []).filter(
      (z) => privateZone || !z.Config?.PrivateZone
    )
    if (zones.length > 1) {
      throw new UpdateError(
        `Several hosted zones are named ${suffix} (${zones.map((z) => bareZoneId(z.Id ?? '')).join(', ')}): set hosted-zone-id to choose one.`
      )
    }
    const zone = zones[0]
    if (zone) return { id: bareZoneId(zone.Id ?? ''), name: displayName(zone.Name ?? '') }
  }
  throw new UpdateError(
    `No ${privateZone ? '' : 'public '}hosted zone found for ${displayName(host)}: create one, or set hosted-zone-id${privateZone ? '' : ' (or private-zone: true for a private zone)'}.`
  )
}

/**
 * Find the hosted zone of each hostname: the longest whole-label suffix that is exactly a zone's
 * name, public zones only unless `privateZone`. Lists zones with as few pages as possible.
 */
export async function discoverZones(
  client: Route53Client,
  hostnames: string[],
  privateZone: boolean,
  signal?: AbortSignal
): Promise<Map<string, Zone>> {
  const wanted = [...new Set(hostnames.flatMap((h) => suffixes(h)))].sort(compareNames)
  const byName = await zonesNamed(client, wanted, signal)
  return new Map(hostnames.map((host) => [host, zoneOf(host, byName, privateZone)]))
}
