// `route53-ddns watch` in-process: real flags, real update() against the stand-in, a fake clock,
// injected detection and stop requests.
import { EventEmitter } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { main } from '../../../src/cli/main.js'
import type { WatchIo } from '../../../src/cli/watch/command.js'
import { duration } from '../../../src/cli/watch/print.js'
import type { Detected } from '../../../src/detect/index.js'
import type { DetectionConfig, Logger } from '../../../src/model/types.js'
import { useStandInEnv } from '../../helpers/stand-in-env.js'

const S = 1000
const EPOCH = Date.parse('2026-11-27T12:00:00Z')

let standIn: StandIn
let zoneId: string
/** Accepts requests and never answers. */
let hangServer: { urls: string[]; close(): void }
let restoreEnv = (): void => undefined

beforeAll(async () => {
  // Two hosts, so detection has two providers to wait for.
  const servers = [createServer(() => undefined), createServer(() => undefined)]
  await Promise.all(
    servers.map(
      (server, i) => new Promise<void>((resolve) => server.listen(0, `127.0.0.${i + 1}`, resolve))
    )
  )
  hangServer = {
    urls: servers.map(
      (server, i) => `http://127.0.0.${i + 1}:${(server.address() as AddressInfo).port}/hang`
    ),
    close: () => {
      for (const server of servers) {
        server.closeAllConnections()
        server.close()
      }
    }
  }
  standIn = await startStandIn({ rateLimit: false })
  zoneId = standIn.addZone({ name: 'example.com' })
  restoreEnv = useStandInEnv(standIn)
})
afterAll(async () => {
  restoreEnv()
  await standIn?.close()
  hangServer?.close()
})
beforeEach(() => {
  standIn.resetLog()
  standIn.clearFaults()
})

interface WatchRun {
  code: number
  stdout: string
  stderr: string
  lines: string[]
  detections: DetectionConfig[]
  sleeps: number[]
}

/**
 * Run `route53-ddns watch …` until the fake clock reaches `until` (seconds), then send SIGTERM.
 * `address(t)` is what detection finds t seconds in (an Error fails it); `onDetect` may log.
 */
async function watchCli(
  argv: string[],
  opts: {
    until: number
    address?: (t: number) => string | Error
    env?: Record<string, string>
    onDetect?: (t: number, logger: Logger) => void
    random?: () => number
    /** The platform signals arrive on, and the signal sent at `until` (default SIGTERM). */
    platform?: NodeJS.Platform
    signal?: string
    /** Where signals are sent (default a new emitter). */
    signals?: EventEmitter
    bounds?: WatchIo['bounds']
    /** Use the real detection (no injected detect). */
    realDetect?: boolean
  }
): Promise<WatchRun> {
  let stdout = ''
  let stderr = ''
  let now = EPOCH
  const signals = Object.assign(opts.signals ?? new EventEmitter(), {
    platform: opts.platform ?? 'linux'
  })
  const detections: DetectionConfig[] = []
  const sleeps: number[] = []
  const io: WatchIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: opts.env ?? {},
    machine: 'testbox',
    clock: {
      now: () => now,
      random: opts.random ?? (() => 0.5),
      sleep: async (ms) => {
        sleeps.push(ms)
        if (now + ms - EPOCH >= opts.until * S) {
          now = EPOCH + opts.until * S
          signals.emit(opts.signal ?? 'SIGTERM')
        } else now += ms
      }
    },
    signals,
    ...(opts.bounds ? { bounds: opts.bounds } : {})
  }
  if (!opts.realDetect)
    io.detect = async (cfg, { logger }): Promise<Detected> => {
      detections.push(cfg)
      const t = (now - EPOCH) / S
      opts.onDetect?.(t, logger)
      const a = opts.address?.(t) ?? '203.0.113.5'
      if (a instanceof Error) throw a
      return { ipv4: [a], ipv6: [], origins: [{ family: 4, address: a, how: 'test' }] }
    }
  const code = await main(['watch', ...argv], io)
  return { code, stdout, stderr, lines: stdout.split('\n').filter(Boolean), detections, sleeps }
}

const values = (name: string, type = 'A'): string[] =>
  standIn
    .records(zoneId)
    .filter((s) => s.Name === `${name}.` && s.Type === type)
    .flatMap((s) => (s.ResourceRecords ?? []).map((r) => r.Value ?? ''))

const base = (name: string): string[] => [
  '--hostname',
  name,
  '--hosted-zone-id',
  zoneId,
  '--ip-source',
  'local'
]

describe('route53-ddns watch', () => {
  it('publishes at start, follows a change within one interval, and exits 0 on SIGTERM', async () => {
    const name = 'w-text.example.com'
    const r = await watchCli(base(name), {
      until: 120,
      address: (t) => (t < 42 ? '203.0.113.5' : '203.0.113.9')
    })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.lines).toEqual([
      `watching ${name}: IPv4 from the interfaces every 5 s, Route 53 read at least every 1 h`,
      expect.stringMatching(
        new RegExp(
          `^${name} A in ${zoneId}: \\(none\\) -> 203\\.0\\.113\\.5, TTL 300 \\(created, change \\w+\\): at start$`
        )
      ),
      expect.stringMatching(
        /: 203\.0\.113\.5 -> 203\.0\.113\.9, TTL 300 \(updated, change \w+\): the address changed$/
      ),
      'stopped by SIGTERM'
    ])
    expect(values(name)).toEqual(['203.0.113.9'])
    // 24 ticks of local detection; Route 53 only at start and at the change.
    expect(r.detections).toHaveLength(24)
    expect(standIn.count('ListResourceRecordSets')).toBe(2)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(2)
  })

  it.each([
    ['linux', 'SIGHUP'],
    ['linux', 'SIGINT'],
    ['win32', 'SIGBREAK'],
    ['win32', 'SIGHUP']
  ] as const)('on %s, %s stops it cleanly, deleting on stop', async (platform, signal) => {
    const name = `w-${platform}-${signal.toLowerCase()}.example.com`
    const r = await watchCli([...base(name), '--delete-on-stop'], { until: 10, platform, signal })
    expect(r.code, r.stderr).toBe(0)
    expect(r.lines.at(-1)).toBe(`stopped by ${signal}`)
    expect(values(name)).toEqual([])
    expect(standIn.count('ChangeResourceRecordSets')).toBe(2)
  })

  it('--json: one object per event', async () => {
    const name = 'w-json.example.com'
    const r = await watchCli([...base(name), '--json', '--refresh', '60'], {
      until: 160,
      address: (t) => (t < 30 ? '203.0.113.5' : '203.0.113.6')
    })
    expect(r.code, r.stderr).toBe(0)
    const events = r.lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(events.map((e) => e.event)).toEqual([
      'start',
      'change',
      'change',
      'heartbeat',
      'heartbeat',
      'stop'
    ])
    expect(events[0]).toEqual({
      time: '2026-11-27T12:00:00.000Z',
      event: 'start',
      hostnames: [name],
      intervalSeconds: 5,
      refreshSeconds: 60,
      deleteOnStop: false,
      dryRun: false
    })
    expect(events[2]).toMatchObject({
      time: '2026-11-27T12:00:30.000Z',
      event: 'change',
      reason: 'address',
      name,
      type: 'A',
      zoneId,
      before: ['203.0.113.5'],
      after: ['203.0.113.6'],
      result: 'updated'
    })
    expect(events[3]).toEqual({
      time: '2026-11-27T12:01:30.000Z',
      event: 'heartbeat',
      ipv4: ['203.0.113.6'],
      ipv6: [],
      records: 1,
      nextReadSeconds: 60
    })
    expect(events[5]).toMatchObject({ event: 'stop', signal: 'SIGTERM' })
  })

  it('failures: one line each on stderr with the backoff, and the watch goes on', async () => {
    const name = 'w-fail.example.com'
    standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'AccessDenied', times: 3 })
    const r = await watchCli(base(name), { until: 120 })
    expect(r.code).toBe(0)
    const errors = r.stderr.split('\n').filter(Boolean)
    expect(errors).toHaveLength(3)
    expect(errors.map((l) => /next try in (\d+ s)/.exec(l)?.[1])).toEqual(['10 s', '20 s', '40 s'])
    expect(errors[0]).toMatch(
      /^error: Route 53 refused route53:ChangeResourceRecordSets .*Access denied \(injected fault\)/
    )
    // The same failure again: its first line only.
    expect(errors[1]).toMatch(/change actions CREATE\. … \(as before\) \(failure 2 in a row/)
    expect(r.lines.slice(1, 3)).toEqual([
      expect.stringMatching(/\(created, change \w+\): after a failure$/),
      'recovered after 3 failures'
    ])
    expect(values(name)).toEqual(['203.0.113.5'])
  })

  it('a repeated warning is printed once per refresh interval, not every tick', async () => {
    const r = await watchCli([...base('w-warn.example.com'), '--refresh', '60'], {
      until: 150,
      onDetect: (_t, logger) =>
        logger.warning('IPv6 was not detected. Leaving those records as they are.')
    })
    expect(r.code).toBe(0)
    expect(r.stderr.match(/^warning: IPv6 was not detected/gm)).toHaveLength(3) // 0, 60, 120 s
  })

  it('--delete-on-stop deletes the records after SIGTERM', async () => {
    const name = 'w-delete.example.com'
    const r = await watchCli([...base(name), '--delete-on-stop'], { until: 20 })
    expect(r.code, r.stderr).toBe(0)
    expect(r.lines.at(-2)).toMatch(
      /203\.0\.113\.5 -> \(none\), TTL 300 \(deleted, change \w+\): on stop$/
    )
    expect(r.lines.at(-1)).toBe('stopped by SIGTERM')
    expect(values(name)).toEqual([])
  })

  it('a failed delete on stop exits 1', async () => {
    const name = 'w-delete-fails.example.com'
    const r = await watchCli([...base(name)], {
      until: 10,
      env: { ROUTE53_DDNS_DELETE_ON_STOP: 'true' },
      onDetect: (t) => {
        if (t === 5)
          standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'AccessDenied' })
      }
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: /m)
    expect(r.lines.at(-1)).toMatch(
      /^stopped by SIGTERM; the records were NOT deleted \(error above\)/
    )
    expect(values(name)).toEqual(['203.0.113.5'])
  })

  it('bounds the delete on stop by --stop-timeout: Route 53 hanging, exit 1 at once with a clear line', async () => {
    const name = 'w-delete-hangs.example.com'
    const started = performance.now()
    const r = await watchCli([...base(name), '--delete-on-stop'], {
      until: 10,
      bounds: { stopMs: 300 },
      onDetect: (t) => {
        if (t === 5)
          standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'Hang', times: 100 })
      }
    })
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^error: ChangeResourceRecordSets on hosted zone Z\w+ did not answer within the stop bound of 0.3 s \(--stop-timeout\)/m
    )
    // The delete was sent: it may have been applied, so the watch does not claim it was not.
    expect(r.stderr).toMatch(/was sent and not answered, so it may have been applied/)
    expect(r.lines).toContainEqual(expect.stringMatching(/\(unknown\): on stop$/))
    expect(r.lines.at(-1)).toMatch(
      /^stopped by SIGTERM; the delete was sent and not answered, so the records may or may not remain/
    )
    expect(values(name)).toEqual(['203.0.113.5'])
  })

  it('--stop-timeout: whole seconds from 1, from the flag or ROUTE53_DDNS_STOP_TIMEOUT', async () => {
    const name = 'w-stop-timeout.example.com'
    const bad = await watchCli([...base(name), '--stop-timeout', '0'], { until: 5 })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^error: --stop-timeout: 0 is out of range \(1 … 600\)/)
    const env = await watchCli(base(name), { until: 5, env: { ROUTE53_DDNS_STOP_TIMEOUT: 'x' } })
    expect(env.stderr).toMatch(/^error: ROUTE53_DDNS_STOP_TIMEOUT: 'x' is not a whole number/)
  })

  it('a second signal drops the write in flight at once (no 5 s grace)', async () => {
    const name = 'w-second-signal.example.com'
    const signals = new EventEmitter()
    const started = performance.now()
    const r = await watchCli(base(name), {
      until: 100,
      signals,
      address: (t) => (t < 10 ? '203.0.113.5' : '203.0.113.6'),
      onDetect: (t) => {
        if (t !== 10) return
        standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'Hang', times: 100 })
        setTimeout(() => signals.emit('SIGTERM'), 100)
        setTimeout(() => signals.emit('SIGINT'), 200)
      }
    })
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(r.code).toBe(0)
    expect(r.lines.at(-1)).toBe('stopped by SIGTERM')
    expect(r.stderr).toMatch(/^error: The run was cancelled \(SIGTERM\)/m)
    expect(r.stderr).not.toMatch(/next try/)
  })

  it('bounds each update: a Route 53 hang is one failure line and a backoff, and the watch goes on', async () => {
    const name = 'w-tick-hangs.example.com'
    const r = await watchCli(base(name), {
      until: 60,
      bounds: { tickMs: 300 },
      onDetect: (t) => {
        if (t === 0) standIn.inject({ operation: 'ListResourceRecordSets', error: 'Hang' })
      }
    })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^error: ListResourceRecordSets on hosted zone Z\w+ did not answer within the run's time bound of 0.3 s; nothing more was written. \(failure 1 in a row; next try in 10 s\)$/
      )
    ])
    expect(r.lines).toContainEqual('recovered after 1 failure')
    expect(values(name)).toEqual(['203.0.113.5'])
  })

  it('bounds each detection: echo services that never answer are one failure line, then it goes on', async () => {
    const name = 'w-echo-hangs.example.com'
    const r = await watchCli(
      [
        ...base(name).slice(0, -2),
        '--ip-source',
        'public',
        '--ip-providers',
        hangServer.urls.join(','),
        '--interval',
        '30'
      ],
      { until: 20, bounds: { tickMs: 300 }, realDetect: true }
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(
      /^error: the address-echo providers did not answer within the run's time bound of 0.3 s; nothing more was written. \(failure 1 in a row; next try in 60 s\)$/m
    )
    expect(standIn.count('ListResourceRecordSets')).toBe(0)
  })

  it.each([
    [['--ip-source', 'local'], 5, 0],
    [['--ip', '198.51.100.7'], 5, 0],
    [['--ip-source', 'command', '--ip-command', '/usr/local/bin/router-ip'], 60, 0],
    [['--ip-source', 'public'], 300, 0.1],
    [['--ip-source', 'public', '--interval', '30'], 30, 0.1],
    // The floor of public detection is not theirs: they ask nobody.
    [['--ip-source', 'local', '--interval', '1'], 1, 0],
    [['--ip', '198.51.100.7', '--interval', '1'], 1, 0],
    [
      ['--ip-source', 'command', '--ip-command', '/usr/local/bin/router-ip', '--interval', '1'],
      1,
      0
    ]
  ])('%j: interval %i s, jitter %s', async (flags, interval, jitter) => {
    const r = await watchCli(
      [
        '--hostname',
        'w-defaults.example.com',
        '--hosted-zone-id',
        zoneId,
        '--json',
        '--dry-run',
        ...flags
      ],
      { until: 2 * interval, random: () => 0 }
    )
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.lines[0] ?? '')).toMatchObject({
      intervalSeconds: interval,
      refreshSeconds: 3600
    })
    // random() is 0 here: the low end of the jitter range.
    expect(r.sleeps[0]).toBe(interval * (1 - jitter) * S)
  })

  it('environment variables set the watch options', async () => {
    const r = await watchCli([...base('w-env.example.com'), '--json', '--dry-run'], {
      until: 40,
      env: { ROUTE53_DDNS_INTERVAL: '20', ROUTE53_DDNS_REFRESH: '600' }
    })
    expect(JSON.parse(r.lines[0] ?? '')).toMatchObject({ intervalSeconds: 20, refreshSeconds: 600 })
  })

  it.each([
    [['--interval', '0'], {}, /^error: --interval: 0 is out of range \(1 … 86400\)/],
    [['--interval', '1.5'], {}, /--interval: '1\.5' is not a whole number/],
    [[], { ROUTE53_DDNS_INTERVAL: 'soon' }, /ROUTE53_DDNS_INTERVAL: 'soon' is not a whole number/],
    [
      ['--refresh', '10'],
      { ROUTE53_DDNS_INTERVAL: '60' },
      /--refresh: 10 is shorter than the interval \(60 s\)/
    ],
    [['--delete-on-stop=maybe'], {}, /--delete-on-stop: 'maybe' is not a boolean/],
    [
      [],
      { ROUTE53_DDNS_DELETE_ON_STOP: 'yes' },
      /ROUTE53_DDNS_DELETE_ON_STOP: 'yes' is not a boolean/
    ],
    [['--state', 'absent'], {}, /--state: watch keeps records present/],
    [['--metrics', 'example.com:9101'], {}, /--metrics: 'example\.com' is not an IP address/],
    [[], { ROUTE53_DDNS_METRICS: '99999' }, /ROUTE53_DDNS_METRICS: 99999 is out of range/],
    [['--interval'], {}, /--interval needs a value/],
    [['--bogus'], {}, /unknown option '--bogus'/],
    [['extra'], {}, /unexpected argument 'extra'/],
    [['--role-to-assume', 'arn:aws:iam::111122223333:role/x'], {}, /GitHub OIDC input/]
  ])('usage error %j %j', async (flags, env, message) => {
    const r = await watchCli([...base('w-usage.example.com'), ...flags], { until: 10, env })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toMatch(/Run 'route53-ddns watch --help' for usage\.\n$/)
    expect(r.stdout).toBe('')
    expect(r.detections).toHaveLength(0)
    expect(standIn.count()).toBe(0)
  })

  it.each([
    [
      ['--interval', '29'],
      {},
      /^error: --interval: 29 s is too often for ip-source public: each check asks free address-echo services, so the interval is at least 30 s/
    ],
    [
      [],
      { ROUTE53_DDNS_INTERVAL: '1' },
      /^error: ROUTE53_DDNS_INTERVAL: 1 s is too often for ip-source public/
    ]
  ])('public detection refuses intervals under 30 s: %j %j', async (flags, env, message) => {
    const r = await watchCli(
      [
        '--hostname',
        'w-polite.example.com',
        '--hosted-zone-id',
        zoneId,
        '--ip-source',
        'public',
        ...flags
      ],
      { until: 10, env }
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.detections).toHaveLength(0)
    expect(standIn.count()).toBe(0)
  })

  it('the one-shot command does not take watch options, and watch must come first', async () => {
    const one = await watchCli([], { until: 1 })
    expect(one.code).toBe(2) // no hostname
    const r1 = await main(['--hostname', 'a.example.com', '--interval', '5'], {
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: {}
    })
    expect(r1).toBe(2)
    let err = ''
    const r2 = await main(['--hostname', 'a.example.com', 'watch'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (err += t) },
      env: {}
    })
    expect(r2).toBe(2)
    expect(err).toMatch(/'watch' must come first: route53-ddns watch \[options\]/)
  })

  it('watch --help lists its options with their variables', async () => {
    let out = ''
    const code = await main(['watch', '--help'], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => true },
      env: {}
    })
    expect(code).toBe(0)
    for (const v of [
      '--interval SECONDS',
      'ROUTE53_DDNS_INTERVAL',
      '--refresh SECONDS',
      'ROUTE53_DDNS_REFRESH',
      '--delete-on-stop[=true|false]',
      'ROUTE53_DDNS_DELETE_ON_STOP'
    ]) {
      expect(out).toContain(v)
    }
  })
})

describe('duration', () => {
  it.each([
    [5 * S, '5 s'],
    [119 * S, '119 s'],
    [300 * S, '5 min'],
    [3599 * S, '60 min'],
    [3600 * S, '1 h'],
    [5400 * S, '1.5 h'],
    [7200 * S, '2 h'],
    [5400 * S * 2, '3 h']
  ])('%i ms', (ms, text) => {
    expect(duration(ms)).toBe(text)
  })
})
