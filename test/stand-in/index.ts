// A local stand-in for Route 53 (REST-XML), STS (query) and the GitHub runner's OIDC token
// endpoint, driven by the real AWS SDK v3 clients. At least as strict as AWS, never looser.
import { createHash, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { ResourceRecordSet } from '@aws-sdk/client-route-53'
import { Route53Model, bareId, conditionContext, parseChangeBatch } from './route53.js'
import type { ParsedBatch, Zone } from './route53.js'
import {
  Identity,
  STATIC_ACCESS_KEY_ID,
  STATIC_PRINCIPAL_ARN,
  STATIC_SECRET_ACCESS_KEY
} from './sts.js'
import { ApiError, ROUTE53_NS, STS_NS, errorXml, newRequestId } from './xml.js'

export type { ResourceRecordSet }
export { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY, STATIC_PRINCIPAL_ARN }

export interface AuthzRequest {
  /** e.g. 'route53:ChangeResourceRecordSets' */
  action: string
  /** 'arn:aws:route53:::hostedzone/Z…', 'arn:aws:route53:::change/C…' or '*' */
  resource: string
  /** Condition keys; for ChangeResourceRecordSets the three route53:ChangeResourceRecordSets* keys. */
  context: Record<string, string[]>
  /** Caller: 'arn:aws:sts::…:assumed-role/…/…' or the static test user's ARN. */
  principalArn: string
  accessKeyId: string
}

export interface StandInOptions {
  /** PENDING -> INSYNC delay for GetChange; default 300. */
  changeSyncMs?: number
  /** Account-wide token bucket over all Route 53 requests; default { burst: 50, refillPerSecond: 10 }. */
  rateLimit?: { burst: number; refillPerSecond: number } | false
  /** Further ChangeResourceRecordSets to a zone within this window after a change → PriorRequestNotComplete; default 0. */
  priorRequestWindowMs?: number
  /** IAM hook; false → 403 AccessDenied. */
  authorize?: (req: AuthzRequest) => boolean
  /** `sub` claim of issued OIDC tokens; default 'repo:octo/demo:ref:refs/heads/main'. */
  oidcSubject?: string
  /** Lifetime of issued OIDC tokens in seconds; default 300. */
  oidcTokenTtlSeconds?: number
  /** Clock (ms since epoch) used for token/credential expiry and change sync; default Date.now. */
  now?: () => number
  /** Port to bind on 127.0.0.1; default 0 (any free port). */
  port?: number
}

export type Service = 'route53' | 'sts' | 'oidc'

export interface RequestLogEntry {
  service: Service
  operation: string
  zoneId?: string
  status: number
  errorCode?: string
  accessKeyId?: string
  at: number
}

export type FaultKind =
  | 'Throttling'
  | 'PriorRequestNotComplete'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'AccessDenied'
  | 'InvalidIdentityToken'
  | 'Drop'
  | 'Delay'
  | 'Answer'
  /** Carry out the request, then answer 500 InternalError: the answer to an applied change is lost. */
  | 'ApplyThenInternalError'
  /** Carry out the request, then reset the connection without answering. */
  | 'ApplyThenDrop'
  /** Answer 200 with an HTML page (a captive portal or proxy), without carrying out the request. */
  | 'HtmlPage'
  /** Accepts the request and never answers (the connection stays open until the client gives up). */
  | 'Hang'

export interface Fault {
  operation?: string
  zoneId?: string
  error: FaultKind
  /** How many matching requests fail; default 1. */
  times?: number
  /** For 'Delay'. */
  delayMs?: number
  /** Let this many matching requests through first. */
  afterMatches?: number
  /** For 'Answer': the error code to answer with (e.g. 'ValidationError'). */
  code?: string
  /** For 'Answer': the HTTP status; default 400. */
  status?: number
  /**
   * For 'Answer': the message, which may quote what was sent, as AWS does: `{param:Name}` a form
   * parameter (STS), `{query:name}` a query parameter, `{header:name}` a request header, `{body}`
   * the body, `{canonical}` the SigV4 canonical request (with `x-amz-security-token` when signed
   * with a session). See SIGNATURE_MISMATCH_QUOTING.
   */
  message?: string
}

/** SignatureDoesNotMatch as AWS words it, quoting the canonical request it computed. */
export const SIGNATURE_MISMATCH_QUOTING =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'{canonical}'"

export interface StandIn {
  url: string
  env(): Record<string, string>
  addZone(z: { name: string; private?: boolean; id?: string }): string
  addRole(r: { arn: string; audience?: string; subject?: string; maxSessionSeconds?: number }): void
  seed(zoneId: string, rrset: ResourceRecordSet): void
  /** Creates a health check (nothing is checked) and returns its id, a UUID as AWS assigns. */
  addHealthCheck(): string
  records(zoneId: string): ResourceRecordSet[]
  requests: RequestLogEntry[]
  count(operation?: string): number
  resetLog(): void
  inject(fault: Fault): void
  /** Drops every injected fault not yet consumed. */
  clearFaults(): void
  issuedTokens(): string[]
  issuedCredentials(): Array<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }>
  setAuthorize(fn?: (req: AuthzRequest) => boolean): void
  /** Changes the `sub` claim of OIDC tokens issued from now on. */
  setOidcSubject(subject: string): void
  close(): Promise<void>
}

interface ActiveFault {
  fault: Fault
  remaining: number
  skip: number
}

interface Routed {
  service: Service
  operation: string
  zoneId?: string
  changeId?: string
}

/** What a captive portal answers in place of the service. */
export const CAPTIVE_PORTAL_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Hotel Wi-Fi: sign in</title></head>\n<body><h1>Welcome</h1><p>Accept the terms to continue browsing.</p><form method="post" action="/login"><button>Accept</button></form></body></html>\n'

const FAULTS: Record<
  Exclude<
    FaultKind,
    'Drop' | 'Delay' | 'Answer' | 'ApplyThenInternalError' | 'ApplyThenDrop' | 'HtmlPage' | 'Hang'
  >,
  [number, string]
> = {
  Throttling: [400, 'Rate exceeded'],
  PriorRequestNotComplete: [
    400,
    'The request was rejected because Route 53 was still processing a prior request.'
  ],
  InternalError: [500, 'An internal error occurred.'],
  ServiceUnavailable: [503, 'Service Unavailable'],
  AccessDenied: [403, 'Access denied (injected fault)'],
  InvalidIdentityToken: [
    400,
    'The web identity token that was passed could not be validated by AWS.'
  ]
}

function route(
  method: string,
  path: string,
  body: string,
  contentType: string
): Routed | undefined {
  const p = path.replace(/\/+$/, '')
  if (p === '/oidc/token') return { service: 'oidc', operation: 'GetIDToken' }
  const r53 = /^\/2013-04-01\/(.*)$/.exec(p)
  if (r53) {
    const rest = r53[1] ?? ''
    let m = /^hostedzone\/([^/]+)\/rrset$/.exec(rest)
    if (m) {
      const zoneId = decodeURIComponent(m[1] ?? '')
      if (method === 'GET')
        return { service: 'route53', operation: 'ListResourceRecordSets', zoneId }
      if (method === 'POST')
        return { service: 'route53', operation: 'ChangeResourceRecordSets', zoneId }
      return undefined
    }
    m = /^hostedzone\/([^/]+)$/.exec(rest)
    if (m && method === 'GET') {
      return {
        service: 'route53',
        operation: 'GetHostedZone',
        zoneId: decodeURIComponent(m[1] ?? '')
      }
    }
    m = /^change\/([^/]+)$/.exec(rest)
    if (m && method === 'GET') {
      return {
        service: 'route53',
        operation: 'GetChange',
        changeId: decodeURIComponent(m[1] ?? '')
      }
    }
    if (rest === 'hostedzonesbyname' && method === 'GET') {
      return { service: 'route53', operation: 'ListHostedZonesByName' }
    }
    return { service: 'route53', operation: 'Unknown' }
  }
  if (method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(body).get('Action')
    return { service: 'sts', operation: action ?? 'Unknown' }
  }
  return undefined
}

/** The SigV4 canonical request of a signed request, as AWS quotes it back. */
function canonicalRequest(req: IncomingMessage, url: URL, body: string): string {
  const auth = String(req.headers['authorization'] ?? '')
  const signed = (/SignedHeaders=([^,]+)/.exec(auth)?.[1] ?? 'host').split(';')
  const header = (h: string): string => {
    const v = req.headers[h]
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim()
  }
  const query = [...url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&')
  return [
    req.method ?? 'GET',
    url.pathname,
    query,
    ...signed.map((h) => `${h}:${header(h)}`),
    '',
    signed.join(';'),
    createHash('sha256').update(body).digest('hex')
  ].join('\n')
}

/** An 'Answer' fault's message with what was sent filled in. */
function quoteSent(template: string, req: IncomingMessage, url: URL, body: string): string {
  const form = new URLSearchParams(body)
  return template.replace(
    /\{(?:(param|query|header):([\w-]+)|(body|canonical))\}/g,
    (_m, kind?: string, name?: string, whole?: string) => {
      if (whole === 'body') return body
      if (whole === 'canonical') return canonicalRequest(req, url, body)
      if (kind === 'param') return form.get(name ?? '') ?? ''
      if (kind === 'query') return url.searchParams.get(name ?? '') ?? ''
      const v = req.headers[(name ?? '').toLowerCase()]
      return Array.isArray(v) ? v.join(',') : (v ?? '')
    }
  )
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > 4 * 1024 * 1024) {
        reject(new ApiError(413, 'RequestEntityTooLarge', 'Request body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Access key id and session token of a SigV4-signed request. */
function sigv4(
  req: IncomingMessage
): { accessKeyId: string; service: string; sessionToken?: string } | undefined {
  const auth = req.headers['authorization']
  if (typeof auth !== 'string') return undefined
  const m =
    /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=[^,]+,\s*Signature=[0-9a-f]{64}$/.exec(
      auth
    )
  if (!m) return undefined
  const token = req.headers['x-amz-security-token']
  return {
    accessKeyId: m[1] as string,
    service: m[4] as string,
    ...(typeof token === 'string' ? { sessionToken: token } : {})
  }
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const now = options.now ?? Date.now
  const changeSyncMs = options.changeSyncMs ?? 300
  const rate =
    options.rateLimit === undefined ? { burst: 50, refillPerSecond: 10 } : options.rateLimit
  const priorWindow = options.priorRequestWindowMs ?? 0
  let authorize = options.authorize
  const model = new Route53Model(now, () => changeSyncMs)
  const identity = new Identity(now, {
    ...(options.oidcSubject !== undefined ? { subject: options.oidcSubject } : {}),
    ...(options.oidcTokenTtlSeconds !== undefined
      ? { tokenTtlSeconds: options.oidcTokenTtlSeconds }
      : {})
  })
  const log: RequestLogEntry[] = []
  let faults: ActiveFault[] = []
  let tokens = rate ? rate.burst : 0
  let lastRefill = Date.now()
  const sockets = new Set<Socket>()

  function takeToken(): boolean {
    if (!rate) return true
    const t = Date.now()
    tokens = Math.min(rate.burst, tokens + ((t - lastRefill) / 1000) * rate.refillPerSecond)
    lastRefill = t
    if (tokens >= 1) {
      tokens -= 1
      return true
    }
    return false
  }

  function matchFault(r: Routed): Fault | undefined {
    for (const a of faults) {
      const f = a.fault
      if (f.operation !== undefined && f.operation !== r.operation) continue
      if (f.zoneId !== undefined && bareId(f.zoneId, 'hostedzone') !== r.zoneId) continue
      if (a.skip > 0) {
        a.skip -= 1
        continue
      }
      a.remaining -= 1
      faults = faults.filter((x) => x.remaining > 0)
      return f
    }
    return undefined
  }

  function send(
    res: ServerResponse,
    entry: RequestLogEntry,
    status: number,
    body: string,
    contentType: string,
    requestId = newRequestId()
  ): void {
    entry.status = status
    res.writeHead(status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': requestId
    })
    res.end(body)
  }

  function sendError(res: ServerResponse, entry: RequestLogEntry, err: ApiError): void {
    entry.errorCode = err.code
    const requestId = newRequestId()
    if (entry.service === 'oidc') {
      send(res, entry, err.status, JSON.stringify({ message: err.message }), 'application/json')
      return
    }
    const ns = entry.service === 'sts' ? STS_NS : ROUTE53_NS
    send(res, entry, err.status, errorXml(ns, err, requestId), 'text/xml', requestId)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let body: string
    try {
      body = await readBody(req)
    } catch {
      req.socket.destroy()
      return
    }
    if (url.pathname.startsWith('/__standin/')) {
      admin(url, res)
      return
    }
    const r = route(
      req.method ?? 'GET',
      url.pathname,
      body,
      String(req.headers['content-type'] ?? '')
    )
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('Not found')
      return
    }
    const entry: RequestLogEntry = { service: r.service, operation: r.operation, status: 0, at }
    if (r.zoneId !== undefined) entry.zoneId = bareId(r.zoneId, 'hostedzone')
    log.push(entry)
    try {
      const fault = matchFault({
        ...r,
        ...(entry.zoneId !== undefined ? { zoneId: entry.zoneId } : {})
      })
      if (fault?.error === 'Drop') {
        entry.errorCode = 'Drop'
        req.socket.destroy()
        return
      }
      if (fault?.error === 'HtmlPage') {
        entry.errorCode = 'HtmlPage'
        send(res, entry, 200, CAPTIVE_PORTAL_PAGE, 'text/html; charset=utf-8')
        return
      }
      if (fault?.error === 'Hang') {
        entry.errorCode = 'Hang'
        return
      }
      if (fault?.error === 'Delay') {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000))
      } else if (fault?.error === 'Answer') {
        throw new ApiError(
          fault.status ?? 400,
          fault.code ?? 'ValidationError',
          quoteSent(fault.message ?? '', req, url, body)
        )
      } else if (
        fault &&
        fault.error !== 'ApplyThenInternalError' &&
        fault.error !== 'ApplyThenDrop'
      ) {
        if (r.service === 'oidc') throw new ApiError(500, fault.error, 'injected fault')
        const [status, message] = FAULTS[fault.error]
        throw new ApiError(status, fault.error, message)
      }
      let answer: [body: string, contentType: string]
      if (r.service === 'oidc') {
        if (req.method !== 'GET') throw new ApiError(405, 'MethodNotAllowed', 'Use GET')
        const out = identity.issueIdToken(
          req.headers['authorization'],
          url.searchParams.get('audience')
        )
        answer = [out, 'application/json']
      } else if (r.service === 'sts') {
        answer = [stsOperation(r, req, body, entry), 'text/xml']
      } else {
        answer = [route53Operation(r, req, url, body, entry), 'text/xml']
      }
      // The request took effect; now its answer is lost.
      if (fault?.error === 'ApplyThenDrop') {
        entry.errorCode = 'ApplyThenDrop'
        req.socket.destroy()
        return
      }
      if (fault?.error === 'ApplyThenInternalError') {
        throw new ApiError(500, 'InternalError', 'An internal error occurred.')
      }
      send(res, entry, 200, ...answer)
    } catch (e) {
      const err =
        e instanceof ApiError
          ? e
          : new ApiError(500, 'InternalError', `stand-in failure: ${String(e)}`)
      sendError(res, entry, err)
    }
  }

  function stsOperation(
    r: Routed,
    req: IncomingMessage,
    body: string,
    entry: RequestLogEntry
  ): string {
    const params = new URLSearchParams(body)
    if (params.get('Version') !== '2011-06-15') {
      throw new ApiError(400, 'InvalidParameterValue', 'Version is missing or not 2011-06-15')
    }
    if (r.operation === 'AssumeRoleWithWebIdentity')
      return identity.assumeRoleWithWebIdentity(params)
    if (r.operation === 'GetCallerIdentity') {
      const cred = sigv4(req)
      if (!cred)
        throw new ApiError(
          403,
          'MissingAuthenticationToken',
          'Request is missing Authentication Token'
        )
      entry.accessKeyId = cred.accessKeyId
      if (cred.service !== 'sts') {
        throw new ApiError(
          403,
          'SignatureDoesNotMatch',
          "Credential should be scoped to correct service: 'sts'."
        )
      }
      return identity.getCallerIdentity(
        identity.principal(cred.accessKeyId, cred.sessionToken),
        cred.accessKeyId
      )
    }
    throw new ApiError(
      400,
      'InvalidAction',
      `Could not find operation ${r.operation} for version 2011-06-15`
    )
  }

  function route53Operation(
    r: Routed,
    req: IncomingMessage,
    url: URL,
    body: string,
    entry: RequestLogEntry
  ): string {
    if (r.operation === 'Unknown')
      throw new ApiError(404, 'UnknownOperationException', 'Unknown operation')
    const cred = sigv4(req)
    if (!cred) throw new ApiError(403, 'MissingAuthenticationToken', 'Missing Authentication Token')
    entry.accessKeyId = cred.accessKeyId
    if (cred.service !== 'route53') {
      throw new ApiError(
        403,
        'SignatureDoesNotMatch',
        "Credential should be scoped to correct service: 'route53'."
      )
    }
    const principalArn = identity.principal(cred.accessKeyId, cred.sessionToken)
    if (!takeToken()) throw new ApiError(400, 'Throttling', 'Rate exceeded')

    // IAM is evaluated before the request is validated or the zone is looked up (as AWS does):
    // an unauthorised caller learns nothing about zones or its own mistakes.
    let batch: ParsedBatch | undefined
    let parseError: unknown
    let resource = '*'
    let context: Record<string, string[]> = {}
    if (r.zoneId !== undefined) {
      resource = `arn:aws:route53:::hostedzone/${bareId(r.zoneId, 'hostedzone')}`
    }
    if (r.changeId !== undefined) {
      resource = `arn:aws:route53:::change/${bareId(r.changeId, 'change')}`
    }
    if (r.operation === 'ChangeResourceRecordSets') {
      try {
        batch = parseChangeBatch(body)
        context = conditionContext(batch)
      } catch (e) {
        parseError = e
      }
    }
    const action = `route53:${r.operation}`
    const request = { action, resource, context, principalArn, accessKeyId: cred.accessKeyId }
    if (authorize && !authorize(request)) {
      throw new ApiError(
        403,
        'AccessDenied',
        `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
      )
    }
    const zone = r.zoneId !== undefined ? model.zone(r.zoneId) : undefined
    if (parseError !== undefined) throw parseError
    switch (r.operation) {
      case 'ListResourceRecordSets':
        return model.listResourceRecordSets(zone as Zone, url.searchParams)
      case 'GetHostedZone':
        return model.getHostedZone(zone as Zone)
      case 'GetChange':
        return model.getChange(r.changeId ?? '')
      case 'ListHostedZonesByName':
        return model.listHostedZonesByName(url.searchParams)
      case 'ChangeResourceRecordSets': {
        const z = zone as Zone
        if (
          priorWindow > 0 &&
          z.lastChangeAt !== undefined &&
          now() - z.lastChangeAt < priorWindow
        ) {
          const [status, message] = FAULTS.PriorRequestNotComplete
          throw new ApiError(status, 'PriorRequestNotComplete', message)
        }
        return model.changeResourceRecordSets(z, batch as ParsedBatch)
      }
      default:
        throw new ApiError(404, 'UnknownOperationException', 'Unknown operation')
    }
  }

  function admin(url: URL, res: ServerResponse): void {
    const json = (status: number, v: unknown): void => {
      const s = JSON.stringify(v)
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(s)
      })
      res.end(s)
    }
    if (url.pathname === '/__standin/requests') return json(200, log)
    if (url.pathname === '/__standin/records') {
      const id = url.searchParams.get('zone') ?? ''
      const zone = model.zones.get(bareId(id, 'hostedzone'))
      if (!zone) return json(404, { error: `no zone ${id}` })
      return json(200, model.sortedRecords(zone))
    }
    if (url.pathname === '/__standin/zones') {
      return json(
        200,
        [...model.zones.values()].map((z) => ({ id: z.id, name: z.name, private: z.private }))
      )
    }
    return json(404, { error: 'unknown admin path' })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(String(e))
      }
    })
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`

  const standIn: StandIn = {
    url,
    env: () => ({
      AWS_ENDPOINT_URL_ROUTE_53: url,
      AWS_ENDPOINT_URL_STS: url,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/oidc/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: identity.requestToken,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: STATIC_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: STATIC_SECRET_ACCESS_KEY,
      AWS_EC2_METADATA_DISABLED: 'true'
    }),
    addZone: (z) => model.addZone(z),
    addRole: (r) => identity.addRole(r),
    seed: (zoneId, rrset) => model.seed(zoneId, rrset),
    addHealthCheck: () => {
      const id = randomUUID()
      model.healthChecks.add(id)
      return id
    },
    records: (zoneId) => {
      const zone = model.zones.get(bareId(zoneId, 'hostedzone'))
      if (!zone) throw new Error(`no zone ${zoneId}`)
      return structuredClone(model.sortedRecords(zone))
    },
    requests: log,
    count: (operation) =>
      operation === undefined ? log.length : log.filter((e) => e.operation === operation).length,
    resetLog: () => {
      log.length = 0
    },
    inject: (fault) => {
      faults.push({ fault, remaining: fault.times ?? 1, skip: fault.afterMatches ?? 0 })
    },
    clearFaults: () => {
      faults = []
    },
    issuedTokens: () => [...identity.tokens.keys()],
    issuedCredentials: () =>
      [...identity.credentials.values()].map((c) => ({
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        sessionToken: c.sessionToken
      })),
    setAuthorize: (fn) => {
      authorize = fn
    },
    setOidcSubject: (subject) => {
      identity.subject = subject
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
  return standIn
}
