// End-to-end address detection: the committed bundle (dist/index.js) run as the runner runs it, with
// `ip` empty and `ip-providers` pointed at loopback echo servers. Only 127.0.0.1 and ::1 are ever
// contacted: the Route 53 stand-in and the echo servers both listen on loopback, and the one
// non-loopback URL used (case 9) is refused by input validation before any request.
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from './stand-in/index.js'
import { NODE20, NODE24, ROOT, runAction, type ActionRun } from './helpers/run-action.js'
import {
  ECHO_V4,
  ECHO_V6,
  LIAR_V4,
  canListenOnIpv6Loopback,
  startEchoServers,
  type EchoServers
} from './helpers/echo-servers.js'

const IPV6 = await canListenOnIpv6Loopback()
const NO_IPV6 = 'this machine cannot listen on ::1, so there is no IPv6 echo server'

let standIn: StandIn
let zoneId: string
let echo: EchoServers

beforeAll(async () => {
  if (!existsSync(`${ROOT}/dist/index.js`))
    throw new Error('dist/index.js is missing: run npm run package')
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
  zoneId = standIn.addZone({ name: 'dyn.example.com' })
  echo = await startEchoServers()
})
afterAll(async () => {
  await echo?.close()
  await standIn?.close()
})

/** The values the stand-in holds for one record, or undefined when there is no such record. */
function stored(hostname: string, type: 'A' | 'AAAA'): string[] | undefined {
  const rr = standIn.records(zoneId).find((r) => r.Name === `${hostname}.` && r.Type === type)
  return rr?.ResourceRecords?.map((v) => v.Value as string)
}

const warnings = (run: ActionRun): string[] =>
  run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::warning'))
    .map((l) => l.replace(/^::warning[^:]*::/, ''))

/** The summary's address section: one list item per detected address. */
function addressItems(summary: string): string[] {
  const section = /<h3>Addresses<\/h3>\s*<ul>([\s\S]*?)<\/ul>/.exec(summary)
  if (!section) return []
  return [...(section[1] as string).matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1] as string)
}

function detect(hostname: string, providers: string[], extra: Record<string, string> = {}) {
  return {
    hostname,
    'hosted-zone-id': zoneId,
    ip: '',
    'ip-providers': providers.join(','),
    ...extra
  }
}

/** A successful run created exactly these records (and wrote once). */
function expectCreated(
  run: ActionRun,
  hostname: string,
  after: { A?: string; AAAA?: string }
): void {
  expect(run.code, run.stdout + run.stderr).toBe(0)
  expect(run.errors).toEqual([])
  expect(run.outputs.changed).toBe('true')
  expect(run.outputs.ipv4).toBe(after.A ?? '')
  expect(run.outputs.ipv6).toBe(after.AAAA ?? '')
  const rows = (['A', 'AAAA'] as const)
    .filter((type) => after[type] !== undefined)
    .map((type) => ({
      name: hostname,
      type,
      zoneId,
      setIdentifier: '',
      before: [],
      after: [after[type]],
      ttl: 300,
      result: 'created',
      changeId: run.outputs['change-id']
    }))
  expect(JSON.parse(run.outputs.records ?? '')).toEqual(rows)
  expect(run.outputs['change-id']).toMatch(/^C[A-Z0-9]+$/)
  expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
  expect(stored(hostname, 'A')).toEqual(after.A === undefined ? undefined : [after.A])
  expect(stored(hostname, 'AAAA')).toEqual(after.AAAA === undefined ? undefined : [after.AAAA])
}

/**
 * A failed run: exit 1, one error, and no AWS request at all. A failure during detection still
 * sets the outputs (nothing changed, no records); an input refused while parsing sets none.
 */
function expectFailedBeforeAws(
  run: ActionRun,
  hostname: string,
  outputs: 'empty' | 'none' = 'empty'
): string {
  expect(run.code, run.stdout + run.stderr).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.outputs).toEqual(
    outputs === 'none'
      ? {}
      : { changed: 'false', ipv4: '', ipv6: '', 'change-id': '', records: '[]' }
  )
  // Detection (and input validation) come before the first AWS call: nothing was even read.
  expect(standIn.requests).toEqual([])
  expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  expect(stored(hostname, 'A')).toBeUndefined()
  expect(stored(hostname, 'AAAA')).toBeUndefined()
  expect(run.summary).toContain('<h3>Failed</h3>')
  expect(addressItems(run.summary)).toEqual([])
  return run.errors[0] as string
}

describe('public detection end to end (dist/index.js)', () => {
  it.each([
    ['node24', NODE24],
    ['node20', NODE20]
  ])(
    'two honest providers agree and a hanging third does not delay the run (%s)',
    async (label, node) => {
      const hostname = `quorum-${label}.dyn.example.com`
      standIn.resetLog()
      const run = await runAction({
        node,
        inputs: detect(hostname, [echo.v4.hang, echo.v4.ip, echo.v4.ip2]),
        env: standIn.env(),
        timeoutMs: 20_000
      })
      const exited = Date.now()
      expectCreated(run, hostname, { A: ECHO_V4 })
      expect(warnings(run)).toEqual([])
      expect(run.stdout).toContain(
        `Public IPv4 address ${ECHO_V4}: ${echo.v4.ip} and ${echo.v4.ip2} agreed`
      )
      expect(addressItems(run.summary)).toEqual([
        `${ECHO_V4} (IPv4): public: ${echo.v4.ip} and ${echo.v4.ip2} agreed`
      ])
      // The quorum did not wait for the hanging provider: it never reported failing (it would after
      // its 5 s timeout), and the process ended soon after its write (a request still open to it
      // would hold the process until that timeout). Measured from the write, not the start, so a
      // busy machine's slow start does not count.
      expect(run.stdout).not.toContain(`${echo.v4.hang} failed`)
      const wrote = standIn.requests.find((r) => r.operation === 'ChangeResourceRecordSets')?.at
      expect(exited - (wrote ?? 0)).toBeLessThan(2_500)
    }
  )

  it('fails without a quorum when an honest provider and a liar disagree, and writes nothing', async () => {
    const hostname = 'split.dyn.example.com'
    standIn.resetLog()
    const run = await runAction({
      inputs: detect(hostname, [echo.v4.ip, echo.v4.liar]),
      env: standIn.env()
    })
    const error = expectFailedBeforeAws(run, hostname)
    expect(error).toBe(
      `Could not detect the public IPv4 address: the providers did not agree. ${echo.v4.ip} answered ${ECHO_V4}; ${echo.v4.liar} answered ${LIAR_V4}.`
    )
    expect(run.summary).toContain('the providers did not agree')
  })

  it('counts HTML, junk, two addresses, private, JSON, redirect, 503 and oversize answers as failures', async () => {
    const hostname = 'junk.dyn.example.com'
    const v4 = echo.v4
    standIn.resetLog()
    const run = await runAction({
      // newline-separated this time
      inputs: {
        ...detect(hostname, []),
        'ip-providers': [
          v4.html,
          v4.garbage,
          v4.two,
          v4.private,
          v4.json,
          v4.redirect,
          v4.error,
          v4.huge,
          v4.ip
        ].join('\n')
      },
      env: standIn.env()
    })
    const error = expectFailedBeforeAws(run, hostname)
    expect(error).toMatch(
      /^Could not detect the public IPv4 address: fewer than two of 9 providers gave a usable answer\. /
    )
    const parts = error
      .replace(/^[^.]*\. /, '')
      .replace(/\.$/, '')
      .split('; ')
    expect(parts).toEqual([
      `${v4.html} failed: answered with an HTML page, not an address`,
      `${v4.garbage} failed: answered "ok: your address is unknown", not an address`,
      `${v4.two} failed: answered 2 addresses (${ECHO_V4}, ${LIAR_V4}), not exactly one`,
      `${v4.private} failed: answered 192.168.1.20, which is private (RFC 1918), not a public address`,
      `${v4.json} failed: answered with JSON, not a bare address`,
      `${v4.redirect} failed: redirected (HTTP 302 to /ip), and redirects are not followed`,
      `${v4.error} failed: answered HTTP 503`,
      `${v4.huge} failed: answered more than 4096 bytes`,
      `${v4.ip} answered ${ECHO_V4}`
    ])
    // Each failing provider is also named in the log as it fails.
    for (const url of [v4.html, v4.garbage, v4.two, v4.private, v4.json, v4.redirect, v4.error])
      expect(run.stdout).toContain(`IPv4 provider ${url} failed: `)
  })

  it('uses a single provider’s answer, with a warning that it is unconfirmed', async () => {
    const hostname = 'single.dyn.example.com'
    standIn.resetLog()
    const run = await runAction({ inputs: detect(hostname, [echo.v4.trace]), env: standIn.env() })
    expectCreated(run, hostname, { A: ECHO_V4 })
    expect(warnings(run)).toEqual([
      `Only one IPv4 address provider is configured (${echo.v4.trace}): its answer ${ECHO_V4} is used unconfirmed. Give at least two ip-providers so answers can be cross-checked.`
    ])
    expect(addressItems(run.summary)).toEqual([
      `${ECHO_V4} (IPv4): public: ${echo.v4.trace} (single provider, unconfirmed)`
    ])
  })
})

describe('HTTPS providers and certificate trust (dist/index.js)', () => {
  let tls: EchoServers
  beforeAll(async () => {
    tls = await startEchoServers({ tls: true })
  })
  afterAll(async () => tls?.close())

  it('trusts the test CA given as NODE_EXTRA_CA_CERTS and detects over HTTPS', async () => {
    const hostname = 'tls.dyn.example.com'
    expect(tls.v4.ip).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/ip$/)
    standIn.resetLog()
    const run = await runAction({
      inputs: detect(hostname, [tls.v4.ip, tls.v4.trace]),
      env: { ...standIn.env(), NODE_EXTRA_CA_CERTS: tls.caFile as string }
    })
    expectCreated(run, hostname, { A: ECHO_V4 })
    expect(addressItems(run.summary)).toEqual([
      `${ECHO_V4} (IPv4): public: ${tls.v4.ip} and ${tls.v4.trace} agreed`
    ])
  })

  it('fails clearly, naming the untrusted certificate, without the CA', async () => {
    const hostname = 'untrusted.dyn.example.com'
    standIn.resetLog()
    const run = await runAction({
      inputs: detect(hostname, [tls.v4.ip, tls.v4.trace]),
      env: standIn.env()
    })
    const error = expectFailedBeforeAws(run, hostname)
    expect(error).toMatch(
      /^Could not detect the public IPv4 address: fewer than two of 2 providers gave a usable answer\. /
    )
    for (const url of [tls.v4.ip, tls.v4.trace])
      expect(error).toMatch(
        new RegExp(
          `${url.replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&')} failed: TLS certificate not trusted \\([A-Z_]+\\)`
        )
      )
  })
})

describe('ip-version both (dist/index.js)', () => {
  it('writes both A and AAAA when IPv4 and IPv6 providers answer', async (ctx) => {
    ctx.skip(!IPV6, NO_IPV6)
    const v6 = echo.v6!
    const hostname = 'both.dyn.example.com'
    standIn.resetLog()
    // One list for both families: each family's request to the other family's literal fails at
    // once, so the same four URLs give two agreeing providers per family.
    const run = await runAction({
      inputs: detect(hostname, [echo.v4.ip, v6.ip, echo.v4.ip2, v6.ip2], { 'ip-version': 'both' }),
      env: standIn.env()
    })
    expectCreated(run, hostname, { A: ECHO_V4, AAAA: ECHO_V6 })
    expect(warnings(run)).toEqual([])
    expect(addressItems(run.summary)).toEqual([
      `${ECHO_V4} (IPv4): public: ${echo.v4.ip} and ${echo.v4.ip2} agreed`,
      `${ECHO_V6} (IPv6): public: ${v6.ip} and ${v6.ip2} agreed`
    ])
  })

  it('publishes A and warns, leaving AAAA as it is, when no IPv6 provider answers usefully', async () => {
    const hostname = 'v4only.dyn.example.com'
    const existing = '2001:4860:4860::1'
    standIn.seed(zoneId, {
      Name: `${hostname}.`,
      Type: 'AAAA',
      TTL: 300,
      ResourceRecords: [{ Value: existing }]
    })
    // IPv6 providers that fail (when ::1 is available): an HTML page and a 503. Without ::1 the
    // IPv4-only list is used, whose URLs cannot see an IPv6 address at all.
    const v6Failing = echo.v6 ? [echo.v6.html, echo.v6.error] : []
    standIn.resetLog()
    const run = await runAction({
      inputs: detect(hostname, [echo.v4.ip, echo.v4.ip2, ...v6Failing], { 'ip-version': 'both' }),
      env: standIn.env()
    })
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs.changed).toBe('true')
    expect(run.outputs.ipv4).toBe(ECHO_V4)
    expect(run.outputs.ipv6).toBe('')
    expect(JSON.parse(run.outputs.records ?? '')).toEqual([
      {
        name: hostname,
        type: 'A',
        zoneId,
        setIdentifier: '',
        before: [],
        after: [ECHO_V4],
        ttl: 300,
        result: 'created',
        changeId: run.outputs['change-id']
      }
    ])
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
    expect(stored(hostname, 'A')).toEqual([ECHO_V4])
    expect(stored(hostname, 'AAAA')).toEqual([existing])
    const warned = warnings(run)
    expect(warned).toHaveLength(1)
    expect(warned[0]).toMatch(
      /^Could not detect the public IPv6 address: fewer than two of \d providers gave a usable answer\. /
    )
    expect(warned[0]).toMatch(/ Leaving those records as they are\.$/)
    expect(warned[0]).toContain(
      `${echo.v4.ip} failed: is an IPv4 address, so it cannot see this machine's IPv6 address`
    )
    if (echo.v6) {
      expect(warned[0]).toContain(`${echo.v6.html} failed: answered with an HTML page`)
      expect(warned[0]).toContain(`${echo.v6.error} failed: answered HTTP 503`)
    }
    expect(addressItems(run.summary)).toEqual([
      `${ECHO_V4} (IPv4): public: ${echo.v4.ip} and ${echo.v4.ip2} agreed`
    ])
  })
})

describe('refusals before any request (dist/index.js)', () => {
  /** A loopback HTTP server that only counts connections, to prove nothing was asked. */
  let counter: Server
  let connections = 0
  let counterUrl: string
  beforeAll(async () => {
    counter = createServer((_req, res) => res.end(`${ECHO_V4}\n`))
    counter.on('connection', () => connections++)
    await new Promise<void>((ok) => counter.listen({ host: '127.0.0.1', port: 0 }, ok))
    counterUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}/ip`
  })
  afterAll(async () => {
    counter.closeAllConnections()
    await new Promise((done) => counter.close(done))
  })

  it('names the interface input and lists the existing interfaces for an unknown interface', async () => {
    const hostname = 'nic.dyn.example.com'
    standIn.resetLog()
    const run = await runAction({
      inputs: {
        hostname,
        'hosted-zone-id': zoneId,
        ip: '',
        'ip-source': 'local',
        interface: 'nosuchnic0'
      },
      env: standIn.env()
    })
    const error = expectFailedBeforeAws(run, hostname)
    expect(error).toMatch(
      /^Input 'interface': 'nosuchnic0' is not an interface of this machine; it has: /
    )
    const listed = error.replace(/^.*; it has: /, '').split(', ')
    const existing = Object.entries(networkInterfaces())
      .filter(([, infos]) => (infos?.length ?? 0) > 0)
      .map(([name]) => name)
    expect([...listed].sort()).toEqual([...existing].sort())
    expect(listed).not.toContain('nosuchnic0')
  })

  it('refuses a plain http:// provider that is not loopback, asking no provider and no AWS endpoint', async () => {
    const hostname = 'plain.dyn.example.com'
    connections = 0
    standIn.resetLog()
    // The loopback provider comes first: the whole list is validated before anything is asked.
    // checkip.example.net is never contacted (nor resolved): validation refuses it first.
    const run = await runAction({
      inputs: detect(hostname, [counterUrl, 'http://checkip.example.net']),
      env: standIn.env()
    })
    const error = expectFailedBeforeAws(run, hostname, 'none')
    expect(error).toBe(
      "Input 'ip-providers': 'http://checkip.example.net' uses plain http://, which anyone on the path can forge: use https:// (http:// is allowed only for loopback test servers)"
    )
    expect(connections).toBe(0)
  })

  it('refuses local detection on a GitHub-hosted runner too, before any request', async () => {
    const hostname = 'hosted-local.dyn.example.com'
    standIn.resetLog()
    const run = await runAction({
      inputs: { hostname, 'hosted-zone-id': zoneId, ip: '', 'ip-source': 'local' },
      env: { ...standIn.env(), RUNNER_ENVIRONMENT: 'github-hosted' }
    })
    const error = expectFailedBeforeAws(run, hostname, 'none')
    expect(error).toMatch(/^Input 'ip': the address of a GitHub-hosted runner .*self-hosted/)
  })
})
