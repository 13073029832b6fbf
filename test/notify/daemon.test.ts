// The watch's heartbeat and notification schedule, with a fake send and a simulated clock.
import { describe, expect, it } from 'vitest'
import {
  daemonMonitor,
  HEARTBEAT_PERIOD_MS,
  MIN_PING_GAP_MS,
  sendDue,
  type CheckEnd
} from '../../src/notify/daemon.js'
import type { HttpRequest } from '../../src/notify/http.js'
import type { RecordReport } from '../../src/model/types.js'

const S = 1000
const MIN = 60 * S
const HC = 'https://hc-ping.com/c0ffee00-1234-4abc-8def-0123456789ab'
const KUMA = 'https://kuma.example.net/api/push/s3cr3tPushToken'
const HOOK = 'https://hooks.example.net/route53/9f8e7d6c5b4a'

describe('sendDue', () => {
  it.each([
    [undefined, 'up', 0, true],
    [undefined, 'down', 0, true],
    [{ state: 'up', at: 0 }, 'up', MIN_PING_GAP_MS - 1, false],
    [{ state: 'up', at: 0 }, 'down', MIN_PING_GAP_MS - 1, false],
    [{ state: 'up', at: 0 }, 'down', MIN_PING_GAP_MS, true],
    [{ state: 'up', at: 0 }, 'up', HEARTBEAT_PERIOD_MS - 1, false],
    [{ state: 'up', at: 0 }, 'up', HEARTBEAT_PERIOD_MS, true],
    [{ state: 'down', at: 0 }, 'down', 10 * HEARTBEAT_PERIOD_MS, false],
    [{ state: 'down', at: 0 }, 'up', MIN_PING_GAP_MS, true]
  ] as const)('last %j, %s at %i ms → %s', (last, state, now, due) => {
    expect(sendDue(last, state, now, HEARTBEAT_PERIOD_MS)).toBe(due)
  })
})

const rec = (after: string, result: RecordReport['result']): RecordReport => ({
  name: 'home.example.com',
  type: 'A',
  zoneId: 'Z1',
  setIdentifier: '',
  before: ['203.0.113.5'],
  after: [after],
  ttl: 300,
  result,
  changeId: result === 'unchanged' ? '' : 'C1'
})

/** A monitor whose calls are recorded (each answers 200 at once). */
function recorded(config: { heartbeatUrl?: string; notifyUrl?: string }, intervalMs = 1 * S) {
  const sent: (HttpRequest & { at: number })[] = []
  let now = 0
  const warnings: string[] = []
  const monitor = daemonMonitor(
    { ...config, failureIssue: false },
    { hostnames: ['home.example.com'], dryRun: false, intervalMs },
    {
      logger: { info: () => {}, debug: () => {}, warning: (m) => warnings.push(m) },
      redact: (t) => t,
      send: async (req) => {
        sent.push({ ...req, at: now })
        return { status: 200, body: 'OK' }
      }
    }
  )
  const check = (
    at: number,
    end: Partial<CheckEnd> & ({ ok: true } | { ok: false; error: string })
  ): void => {
    now = at
    monitor.checkEnded({ now: at, written: [], ...end } as CheckEnd)
  }
  return { sent, monitor, check, warnings }
}

const path = (r: HttpRequest): string => {
  const u = new URL(r.url)
  return `${u.pathname}${u.searchParams.has('status') ? `?status=${u.searchParams.get('status')}` : ''}`
}

describe('daemonMonitor: heartbeat', () => {
  it('pings after the first sync, then every 5 minutes of a 1 s interval: never per tick', async () => {
    const { sent, check, monitor } = recorded({ heartbeatUrl: HC })
    for (let t = 0; t < 60 * MIN; t += S) check(t, { ok: true })
    await monitor.drain()
    expect(sent.map((r) => r.at / MIN)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55])
    expect(new Set(sent.map((r) => `${r.method} ${path(r)}`))).toEqual(
      new Set(['POST /c0ffee00-1234-4abc-8def-0123456789ab'])
    )
    expect(sent[0]!.body).toMatch(/^route53-ddns: records unchanged/)
  })

  it('an interval longer than 5 minutes pings every interval', async () => {
    const { sent, check } = recorded({ heartbeatUrl: HC }, 15 * MIN)
    for (let t = 0; t <= 60 * MIN; t += 15 * MIN) check(t, { ok: true })
    expect(sent.map((r) => r.at / MIN)).toEqual([0, 15, 30, 45, 60])
  })

  it('/fail once when a failure streak starts, nothing while it lasts, success on recovery', async () => {
    const { sent, check } = recorded({ heartbeatUrl: HC })
    check(0, { ok: true })
    for (let t = 2 * MIN; t < 40 * MIN; t += S) check(t, { ok: false, error: 'Route 53 refused' })
    check(40 * MIN, { ok: true })
    expect(sent.map((r) => [r.at / MIN, path(r).replace(/^\/c0ffee00[^/]*/, '')])).toEqual([
      [0, ''],
      [2, '/fail'],
      [40, '']
    ])
    expect(sent[1]!.body).toMatch(/^route53-ddns failed\nError: Route 53 refused/)
    expect(sent[2]!.body).toMatch(/^route53-ddns: recovered after 2280 failed checks/)
  })

  it('a state that flaps every second is sent at most once a minute, the latest state each time', async () => {
    const { sent, check } = recorded({ heartbeatUrl: KUMA })
    for (let t = 0; t < 10 * MIN; t += S) {
      if ((t / S) % 2 === 0) check(t, { ok: true })
      else check(t, { ok: false, error: 'echo providers disagree' })
    }
    const gaps = sent.slice(1).map((r, i) => r.at - sent[i]!.at)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_PING_GAP_MS)
    expect(sent.length).toBeLessThanOrEqual(11)
    expect(sent.map((r) => new URL(r.url).searchParams.get('status'))).toContain('down')
    expect(sent.every((r) => r.method === 'GET')).toBe(true)
  })

  it('Uptime Kuma: status=up after the first sync, status=down on failure, no start ping', async () => {
    const { sent, check } = recorded({ heartbeatUrl: KUMA })
    check(0, { ok: true })
    check(2 * MIN, { ok: false, error: 'timeout' })
    expect(sent.map(path)).toEqual([
      '/api/push/s3cr3tPushToken?status=up',
      '/api/push/s3cr3tPushToken?status=down'
    ])
  })
})

describe('daemonMonitor: notifications', () => {
  it('on each check that wrote, and once at the start and once at the end of a failure streak', async () => {
    const { sent, check } = recorded({ notifyUrl: HOOK })
    check(0, { ok: true })
    check(1 * S, { ok: true })
    const moved = rec('203.0.113.9', 'updated')
    check(3 * MIN, { ok: true, written: [moved] })
    for (let t = 4 * MIN; t < 9 * MIN; t += S)
      check(t, { ok: false, error: 'Throttling: Rate exceeded' })
    check(9 * MIN, { ok: true })
    check(9 * MIN + S, { ok: true })
    const bodies = sent.map((r) => JSON.parse(r.body ?? '{}') as { outcome: string; text: string })
    expect(bodies.map((b) => [b.outcome, b.text.split('\n')[0]])).toEqual([
      ['changed', 'route53-ddns: 1 record changed'],
      ['failed', 'route53-ddns failed'],
      ['unchanged', 'route53-ddns: recovered after 300 failed checks']
    ])
    expect(bodies[1]!.text).toContain('Error: Throttling: Rate exceeded')
  })

  it('a streak that ends and starts again within a minute tells only the first start and the last end', async () => {
    const { sent, check } = recorded({ notifyUrl: HOOK })
    check(0, { ok: true })
    check(1 * MIN, { ok: false, error: 'a' }) // told
    check(1 * MIN + 10 * S, { ok: true }) // too soon to tell the end
    check(1 * MIN + 20 * S, { ok: false, error: 'b' }) // still "down" as told
    check(2 * MIN + 30 * S, { ok: true }) // tells the end, counting both streaks
    const texts = sent.map(
      (r) => (JSON.parse(r.body ?? '{}') as { text: string }).text.split('\n')[0]
    )
    expect(texts).toEqual(['route53-ddns failed', 'route53-ddns: recovered after 2 failed checks'])
  })

  it('with neither URL nothing is sent', async () => {
    const { sent, check } = recorded({})
    check(0, { ok: true })
    check(MIN, { ok: false, error: 'x' })
    expect(sent).toEqual([])
  })
})
