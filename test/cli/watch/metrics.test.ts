// `route53-ddns watch --metrics` in-process against the stand-in, with a fake clock: the endpoint is
// scraped while the watch sleeps, and `route53-ddns health` asks it.
import { EventEmitter } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { main } from '../../../src/cli/main.js'
import type { WatchIo } from '../../../src/cli/watch/command.js'
import { clearSecrets } from '../../../src/net/redact.js'
import { useStandInEnv } from '../../helpers/stand-in-env.js'

const S = 1000
const EPOCH = Date.parse('2026-11-27T12:00:00Z')
const TOKEN = 'c0ffee00-1234-4abc-8def-0123456789ab'

let standIn: StandIn
let zoneId: string
let restoreEnv = (): void => undefined

beforeAll(async () => {
  clearSecrets()
  standIn = await startStandIn({ rateLimit: false })
  zoneId = standIn.addZone({ name: 'example.com' })
  restoreEnv = useStandInEnv(standIn)
})
afterAll(async () => {
  restoreEnv()
  await standIn?.close()
})

/** `route53-ddns health`, in-process. */
async function health(argv: string[], env: Record<string, string> = {}) {
  let out = ''
  const code = await main(['health', ...argv], {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (out += t) },
    env
  })
  return { code, out }
}

interface Scrape {
  at: number
  metrics: string
  healthz: { status: number; body: string }
  health: { code: number; out: string }
}

/**
 * Watch until `until` seconds; at each time in `scrapeAt` (seconds, while the watch sleeps) fetch
 * /metrics and /healthz and run `health --url`.
 */
async function watchAndScrape(
  argv: string[],
  opts: { until: number; scrapeAt: number[]; address: (t: number) => string | Error }
) {
  let stdout = ''
  let stderr = ''
  let now = EPOCH
  const signals = new EventEmitter()
  const stop = (signal: string): boolean => signals.emit(signal)
  const scrapes: Scrape[] = []
  const pending = [...opts.scrapeAt]
  const base = (): string => /"metrics":"([^"]+)"/.exec(stdout)?.[1] ?? ''
  const io: WatchIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    machine: 'testbox',
    clock: {
      now: () => now,
      random: () => 0.5,
      sleep: async (ms) => {
        now = Math.min(now + ms, EPOCH + opts.until * S)
        while (pending.length && (pending[0] ?? 0) * S <= now - EPOCH) {
          const at = pending.shift() ?? 0
          const m = await fetch(`${base()}/metrics`)
          const h = await fetch(`${base()}/healthz`)
          scrapes.push({
            at,
            metrics: await m.text(),
            healthz: { status: h.status, body: await h.text() },
            health: await health(['--url', `${base()}/healthz`])
          })
        }
        if (now >= EPOCH + opts.until * S) stop('SIGTERM')
      }
    },
    signals,
    detect: async () => {
      const a = opts.address((now - EPOCH) / S)
      if (a instanceof Error) throw a
      return { ipv4: [a], ipv6: [], origins: [{ family: 4, address: a, how: 'test' }] }
    }
  }
  const code = await main(['watch', ...argv], io)
  return { code, stdout, stderr, scrapes, url: base() }
}

const series = (text: string, name: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  return line === undefined ? undefined : Number(line.slice(name.length + 1))
}

describe('route53-ddns watch --metrics', () => {
  it('serves metrics and health while it runs; health exits 0, then 1 once checks fail past the window', async () => {
    const name = 'metrics.example.com'
    standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'Throttling', times: 1 })
    const r = await watchAndScrape(
      [
        '--hostname',
        name,
        '--hosted-zone-id',
        zoneId,
        '--ip-source',
        'local',
        '--json',
        '--metrics',
        '127.0.0.1:0',
        '--heartbeat-url',
        `http://127.0.0.1:9/${TOKEN}`
      ],
      {
        until: 200,
        scrapeAt: [10, 60, 150],
        address: (t) => (t < 30 ? '203.0.113.5' : t < 40 ? '203.0.113.9' : new Error('no address'))
      }
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const [early, late, failing] = r.scrapes
    // At 10 s: the checks at 0 and 5 s succeeded; the write was throttled once, then went through.
    expect(series(early!.metrics, 'route53_ddns_last_success_timestamp_seconds')).toBe(
      EPOCH / S + 5
    )
    expect(series(early!.metrics, 'route53_ddns_last_change_timestamp_seconds')).toBe(EPOCH / S)
    expect(
      series(
        early!.metrics,
        'route53_ddns_published_address_info{name="metrics.example.com",type="A",address="203.0.113.5"}'
      )
    ).toBe(1)
    expect(
      series(
        early!.metrics,
        'route53_ddns_route53_requests_total{operation="ChangeResourceRecordSets",outcome="throttled"}'
      )
    ).toBe(1)
    expect(
      series(
        early!.metrics,
        'route53_ddns_route53_requests_total{operation="ChangeResourceRecordSets",outcome="success"}'
      )
    ).toBe(1)
    expect(early!.healthz).toEqual({
      status: 200,
      body: 'ok: last successful check 5 s ago (window 60 s)\n'
    })
    expect(early!.health.code).toBe(0)
    expect(early!.health.out).toMatch(/: HTTP 200: ok: last successful check 5 s ago/)
    // At 60 s: the change at 30 s is published; detection has failed since 40 s, within the window.
    expect(series(late!.metrics, 'route53_ddns_last_change_timestamp_seconds')).toBe(EPOCH / S + 30)
    expect(series(late!.metrics, 'route53_ddns_failures_total{kind="detection"}')).toBeGreaterThan(
      0
    )
    expect(late!.healthz.status).toBe(200)
    // At 150 s or later (the scrape waits for the watch's next sleep): no success since 35 s.
    expect(failing!.healthz.status).toBe(503)
    expect(failing!.healthz.body).toMatch(
      /^unhealthy: last successful check \d{3} s ago \(window 60 s\); \d+ failed checks in a row \(last: detection\)\n$/
    )
    expect(failing!.health.code).toBe(1)
    expect(failing!.health.out).toMatch(/^unhealthy: .*HTTP 503: unhealthy: last successful check/)
    for (const s of r.scrapes)
      expect(s.metrics + s.healthz.body + s.health.out).not.toContain(TOKEN)
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
    // Stopped: the port is closed.
    const after = await health(['--url', `${r.url}/healthz`])
    expect(after.code).toBe(1)
    expect(after.out).toMatch(/^unhealthy: http:\/\/127\.0\.0\.1:\d+\/healthz: ECONNREFUSED\n$/)
  })

  it('a port in use is a failure naming --metrics', async () => {
    const r1 = await watchAndScrape(
      [
        '--hostname',
        'busy.example.com',
        '--hosted-zone-id',
        zoneId,
        '--ip-source',
        'local',
        '--json',
        '--dry-run',
        '--metrics',
        '127.0.0.1:0'
      ],
      {
        until: 10,
        scrapeAt: [5],
        address: () => '203.0.113.5'
      }
    )
    const port = new URL(r1.url).port
    // Hold a port, then ask the watch for it.
    const net = await import('node:net')
    const blocker = net.createServer()
    await new Promise<void>((done) => blocker.listen(Number(port), '127.0.0.1', done))
    try {
      const r2 = await watchAndScrape(
        [
          '--hostname',
          'busy.example.com',
          '--hosted-zone-id',
          zoneId,
          '--ip-source',
          'local',
          '--metrics',
          `127.0.0.1:${port}`
        ],
        { until: 10, scrapeAt: [], address: () => '203.0.113.5' }
      )
      expect(r2.code).toBe(1)
      expect(r2.stderr).toBe(
        `error: --metrics: cannot listen on 127.0.0.1 port ${port}: EADDRINUSE (another program uses this port)\n`
      )
    } finally {
      blocker.close()
    }
  })
})

describe('route53-ddns health', () => {
  it.each([
    [[], {}, 2, /give --url, or set ROUTE53_DDNS_METRICS/],
    [['--url', 'ftp://x'], {}, 2, /--url: 'ftp:\/\/x' is not an http/],
    [[], { ROUTE53_DDNS_METRICS: 'nope' }, 2, /ROUTE53_DDNS_METRICS: 'nope' is not PORT/],
    [
      [],
      { ROUTE53_DDNS_METRICS: '0.0.0.0:1' },
      1,
      /^unhealthy: http:\/\/127\.0\.0\.1:1\/healthz: ECONNREFUSED/
    ],
    [
      [],
      { ROUTE53_DDNS_METRICS: '[::]:1' },
      1,
      /^unhealthy: http:\/\/\[::1\]:1\/healthz: (ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EAFNOSUPPORT)/
    ],
    [['--help'], {}, 0, /^Usage: route53-ddns health \[--url URL\]/]
  ])('%j %j → exit %i', async (argv, env, code, out) => {
    const r = await health(argv, env as Record<string, string>)
    expect(r.code).toBe(code)
    expect(r.out).toMatch(out)
  })

  it('reads ROUTE53_DDNS_METRICS as the watch does', async () => {
    const http = await import('node:http')
    const server = http.createServer((_req, res) => res.end('ok: fine\n'))
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as { port: number }
    try {
      expect(await health([], { ROUTE53_DDNS_METRICS: String(port) })).toEqual({
        code: 0,
        out: `http://127.0.0.1:${port}/healthz: HTTP 200: ok: fine\n`
      })
    } finally {
      server.close()
    }
  })
})
