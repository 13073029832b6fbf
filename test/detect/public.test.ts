import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectAddresses } from '../../src/detect/index.js'
import { detectPublic } from '../../src/detect/public.js'
import { UpdateError } from '../../src/model/errors.js'
import type { DetectionConfig, Logger } from '../../src/model/types.js'
import {
  ECHO_V4,
  ECHO_V6,
  LIAR_V4,
  canListenOnIpv6Loopback,
  runDetectInChild,
  startEchoServers,
  type EchoServers
} from '../helpers/echo-servers.js'

const hasV6 = await canListenOnIpv6Loopback()

function recorder(): Logger & { lines: [string, string][]; text(level?: string): string } {
  const lines: [string, string][] = []
  return {
    lines,
    info: (m) => lines.push(['info', m]),
    warning: (m) => lines.push(['warning', m]),
    debug: (m) => lines.push(['debug', m]),
    text: (level) =>
      lines
        .filter(([l]) => !level || l === level)
        .map(([, m]) => m)
        .join('\n')
  }
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a failure')
}

let s: EchoServers

beforeAll(async () => {
  s = await startEchoServers()
})
afterAll(async () => {
  await s?.close()
})

describe('public detection against loopback echo servers (HTTP)', () => {
  it('accepts an address two providers agree on', async () => {
    const logger = recorder()
    const r = await detectPublic(4, [s.v4.ip, s.v4.ip2], { logger })
    expect(r.address).toBe(ECHO_V4)
    expect(r.how).toBe(`public: ${s.v4.ip} and ${s.v4.ip2} agreed`)
    expect(logger.text('warning')).toBe('')
  })

  it('reads the ip= line of a trace-format provider', async () => {
    const r = await detectPublic(4, [s.v4.ip, s.v4.trace], { logger: recorder() })
    expect(r.address).toBe(ECHO_V4)
  })

  it(
    'resolves as soon as two agree, without waiting for a hanging provider',
    { timeout: 10_000 },
    async () => {
      // The hanging provider would only time out after 30 s; the test's 10 s limit proves it was
      // not waited for.
      const r = await detectPublic(4, [s.v4.hang, s.v4.ip, s.v4.ip2], {
        logger: recorder(),
        timeoutMs: 30_000,
        overallMs: 60_000
      })
      expect(r.address).toBe(ECHO_V4)
      expect(r.answers.find((a) => a.url === s.v4.hang)).toMatchObject({ ok: false })
    }
  )

  it('ignores a lying provider when the others agree, with a warning naming it', async () => {
    const logger = recorder()
    const r = await detectPublic(4, [s.v4.liar, s.v4.ip, s.v4.ip2], { logger })
    expect(r.address).toBe(ECHO_V4)
    expect(logger.text('warning')).toContain(`${s.v4.liar} answered ${LIAR_V4}`)
  })

  it('fails on a two-way disagreement, listing every answer', async () => {
    const e = await failure(detectPublic(4, [s.v4.ip, s.v4.liar], { logger: recorder() }))
    expect(e).toBeInstanceOf(UpdateError)
    expect(e.message).toContain('did not agree')
    expect(e.message).toContain(`${s.v4.ip} answered ${ECHO_V4}`)
    expect(e.message).toContain(`${s.v4.liar} answered ${LIAR_V4}`)
  })

  it('fails when every provider answers something different', async () => {
    const e = await failure(
      detectPublic(4, [s.v4.ip, s.v4.liar, s.v4.echo('9.9.9.9')], { logger: recorder() })
    )
    expect(e).toBeInstanceOf(UpdateError)
    expect(e.message).toContain('did not agree')
    expect(e.message).toContain(`${s.v4.echo('9.9.9.9')} answered 9.9.9.9`)
  })

  it('with a disagreement and a hanging provider, the majority wins after the timeout', async () => {
    const logger = recorder()
    const r = await detectPublic(4, [s.v4.liar, s.v4.ip, s.v4.ip2, s.v4.hang], {
      logger,
      timeoutMs: 500
    })
    expect(r.address).toBe(ECHO_V4)
  })

  it('counts every kind of bad answer as a failure, naming the provider and reason', async () => {
    const bad = [
      s.v4.html,
      s.v4.garbage,
      s.v4.two,
      s.v4.json,
      s.v4.private,
      s.v4.redirect,
      s.v4.huge,
      s.v4.error,
      s.v4.echo('2001:4860:4860::8888'),
      s.v4.echo('8.8.8.8 8.8.4.4'),
      s.v4.echo('192.0.2.1')
    ]
    const logger = recorder()
    const e = await failure(detectPublic(4, [...bad, s.v4.ip], { logger, timeoutMs: 5_000 }))
    expect(e).toBeInstanceOf(UpdateError)
    expect(e.message).toContain('fewer than two of 12 providers gave a usable answer')
    const expected: [string, RegExp][] = [
      [s.v4.html, /HTML/],
      [s.v4.garbage, /not an address/],
      [s.v4.two, /2 addresses/],
      [s.v4.json, /JSON/],
      [s.v4.private, /private/],
      [s.v4.redirect, /redirected \(HTTP 302 to \/ip\), and redirects are not followed/],
      [s.v4.huge, /more than 4096 bytes/],
      [s.v4.error, /HTTP 503/],
      [s.v4.echo('2001:4860:4860::8888'), /IPv6 address .* when IPv4 was asked/],
      [s.v4.echo('8.8.8.8 8.8.4.4'), /2 addresses/],
      [s.v4.echo('192.0.2.1'), /documentation/]
    ]
    for (const [url, reason] of expected) {
      const part = e.message.split('; ').find((p) => p.includes(`${url} failed`))
      expect(part, `${url} in ${e.message}`).toMatch(reason)
      expect(logger.text('info')).toContain(`provider ${url} failed:`)
    }
    expect(e.message).toContain(`${s.v4.ip} answered ${ECHO_V4}`)
  })

  it('treats a provider that answers nothing in time as failed', async () => {
    const e = await failure(
      detectPublic(4, [s.v4.hang, s.v4.ip], { logger: recorder(), timeoutMs: 300 })
    )
    expect(e.message).toContain(`${s.v4.hang} failed: no answer within 0.3 s`)
  })

  it('bounds the whole detection', async () => {
    const e = await failure(
      detectPublic(4, [s.v4.hang, s.v4.echo('9.9.9.9/hang')], {
        logger: recorder(),
        timeoutMs: 30_000,
        overallMs: 300
      })
    )
    expect(e.message).toContain(`${s.v4.hang} failed: no answer within the overall 0.3 s limit`)
  })

  it('uses a single provider with a warning', async () => {
    const logger = recorder()
    const r = await detectPublic(4, [s.v4.ip], { logger })
    expect(r.address).toBe(ECHO_V4)
    expect(r.how).toContain('single provider')
    expect(logger.text('warning')).toMatch(/Only one IPv4 address provider is configured/)
  })

  it('fails when the single provider fails', async () => {
    const e = await failure(detectPublic(4, [s.v4.html], { logger: recorder() }))
    expect(e.message).toMatch(/only provider did not give a usable answer.*HTML/)
  })

  it('counts a provider listed twice once', async () => {
    const logger = recorder()
    const r = await detectPublic(4, [s.v4.ip, s.v4.ip], { logger })
    expect(r.how).toContain('single provider')
    expect(logger.text('warning')).toMatch(/Only one/)
  })

  it('counts one provider once however its URL is spelled (case, path, trailing slash)', async () => {
    // One echo service at one origin: different spellings and paths are still one vote.
    const origin = new URL(s.v4.ip).origin
    const spellings = [
      s.v4.ip,
      s.v4.ip.replace('http://', 'HTTP://'),
      `${origin}/ip2`,
      `${origin}/ip3/`,
      `${origin.replace('127.0.0.1', '127.0.0.1.')}/ip`
    ]
    const logger = recorder()
    const r = await detectPublic(4, spellings, { logger })
    expect(r.address).toBe(ECHO_V4)
    expect(r.how).toBe(`public: ${s.v4.ip} (single provider, unconfirmed)`)
    expect(logger.text('warning')).toContain(
      `IPv4 provider ${origin} is listed 5 times (${spellings.slice(0, -1).join(', ')} and ${spellings.at(-1)}): it counts as one vote`
    )
    expect(logger.text('warning')).toMatch(/Only one IPv4 address provider is configured/)
  })

  it('still needs two origins to agree when one provider is listed twice beside a liar', async () => {
    const logger = recorder()
    const e = await failure(
      detectPublic(4, [s.v4.ip, s.v4.ip.toUpperCase().replace('/IP', '/ip'), s.v4.liar], { logger })
    )
    expect(e.message).toMatch(/providers did not agree/)
  })

  it('reports a refused connection', async () => {
    const e = await failure(
      detectPublic(4, ['http://127.0.0.1:1/ip', s.v4.ip, s.v4.ip2.replace('/ip2', '/nope')], {
        logger: recorder()
      })
    )
    expect(e.message).toMatch(/127\.0\.0\.1:1\/ip failed: request failed: .*ECONNREFUSED/)
    expect(e.message).toContain('HTTP 404')
  })
})

describe.skipIf(!hasV6)('forced family (IPv6 loopback available)', () => {
  it('finds the IPv6 address over IPv6', async () => {
    const r = await detectPublic(6, [s.v6!.ip, s.v6!.trace], { logger: recorder() })
    expect(r.address).toBe(ECHO_V6)
  })

  it('an IPv6-only provider asked for IPv4 fails', async () => {
    const e = await failure(detectPublic(4, [s.v6!.ip, s.v6!.ip2], { logger: recorder() }))
    expect(e.message).toMatch(/cannot see this machine's IPv4 address/)
  })

  it('an IPv4-only provider asked for IPv6 fails', async () => {
    const e = await failure(detectPublic(6, [s.v4.ip, s.v4.ip2], { logger: recorder() }))
    expect(e.message).toMatch(/cannot see this machine's IPv6 address/)
  })

  it('a provider by name is reached over the requested family only', async () => {
    // The IPv4 server's port is not open on ::1, so asking "localhost" over IPv6 must fail (refused
    // or not resolvable), never silently fall back to IPv4.
    const [p1, p2] = [new URL(s.v4.ip).port, new URL(s.v4.ip2).port]
    const e = await failure(
      detectPublic(6, [`http://localhost:${p1}/ip`, `http://localhost:${p2}/ip2`], {
        logger: recorder()
      })
    )
    expect(e).toBeInstanceOf(UpdateError)
  })

  it("'both' with one mixed provider list finds each family from the right servers", async () => {
    const cfg: DetectionConfig = {
      source: 'public',
      version: 'both',
      providers: [s.v4.ip, s.v4.ip2, s.v6!.ip, s.v6!.ip2]
    }
    const logger = recorder()
    const r = await detectAddresses(cfg, { logger })
    expect(r.ipv4).toEqual([ECHO_V4])
    expect(r.ipv6).toEqual([ECHO_V6])
    expect(r.origins).toEqual([
      { family: 4, address: ECHO_V4, how: `public: ${s.v4.ip} and ${s.v4.ip2} agreed` },
      { family: 6, address: ECHO_V6, how: `public: ${s.v6!.ip} and ${s.v6!.ip2} agreed` }
    ])
  })
})

describe('detectAddresses with public source', () => {
  it("'both': a family that cannot be detected is a warning and left out", async () => {
    const logger = recorder()
    const r = await detectAddresses(
      { source: 'public', version: 'both', providers: [s.v4.ip, s.v4.ip2] },
      { logger }
    )
    expect(r.ipv4).toEqual([ECHO_V4])
    expect(r.ipv6).toEqual([])
    expect(r.origins.map((o) => o.family)).toEqual([4])
    expect(logger.text('warning')).toMatch(/Could not detect the public IPv6 address.*as they are/)
  })

  it("'both': throws when no family was detected", async () => {
    const e = await failure(
      detectAddresses(
        { source: 'public', version: 'both', providers: [s.v4.html, s.v4.garbage] },
        { logger: recorder() }
      )
    )
    expect(e).toBeInstanceOf(UpdateError)
    expect(e.message).toMatch(/IPv4.*IPv6/s)
  })

  it('a single family that fails throws', async () => {
    const e = await failure(
      detectAddresses(
        { source: 'public', version: '4', providers: [s.v4.ip, s.v4.liar] },
        { logger: recorder() }
      )
    )
    expect(e).toBeInstanceOf(UpdateError)
  })
})

describe('HTTPS providers with a test CA (child process, real trust path)', () => {
  let tls: EchoServers
  beforeAll(async () => {
    tls = await startEchoServers({ tls: true })
  })
  afterAll(async () => {
    await tls?.close()
  })

  it('trusts the server through NODE_EXTRA_CA_CERTS and agrees', async () => {
    const r = await runDetectInChild(
      { source: 'public', version: '4', providers: [tls.v4.ip, tls.v4.trace, tls.v4.hang] },
      { env: { NODE_EXTRA_CA_CERTS: tls.caFile! }, timeoutMs: 30_000 }
    )
    expect(r.error).toBeUndefined()
    expect(r.ipv4).toEqual([ECHO_V4])
    expect(r.origins?.[0]?.how).toBe(`public: ${tls.v4.ip} and ${tls.v4.trace} agreed`)
  })

  it.skipIf(!hasV6)('works over IPv6 too', async () => {
    const r = await runDetectInChild(
      { source: 'public', version: '6', providers: [tls.v6!.ip, tls.v6!.ip2] },
      { env: { NODE_EXTRA_CA_CERTS: tls.caFile! } }
    )
    expect(r.ipv6).toEqual([ECHO_V6])
  })

  it('refuses a certificate it does not trust', async () => {
    const r = await runDetectInChild({
      source: 'public',
      version: '4',
      providers: [tls.v4.ip, tls.v4.ip2]
    })
    expect(r.ok).toBe(false)
    expect(r.error?.name).toBe('UpdateError')
    expect(r.error?.message).toMatch(/TLS certificate not trusted/)
  })
})
