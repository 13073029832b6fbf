// `route53-ddns watch --heartbeat-url --notify-url`: what a 1 s watch sends over 20 simulated
// minutes with a change and a failure streak, to a loopback recorder; the update is stubbed.
import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import type { WatchIo } from '../../../src/cli/watch/command.js'
import type { UpdateDeps, UpdateOutcome } from '../../../src/core/update.js'
import type { Config } from '../../../src/model/types.js'
import { clearSecrets } from '../../../src/net/redact.js'
import { startRecorder, type Recorder } from '../../helpers/recorder.js'

const S = 1000
const MIN = 60 * S
const EPOCH = Date.parse('2026-11-27T12:00:00Z')
const TOKEN = 'c0ffee00-1234-4abc-8def-0123456789ab'

let server: Recorder
beforeEach(async () => {
  clearSecrets()
  server = await startRecorder()
})
afterEach(async () => {
  await server.close()
})

/** A one-record zone: the stubbed update writes when the address differs. */
function zone() {
  let held: string[] = []
  return async (c: Config, deps: UpdateDeps): Promise<UpdateOutcome> => {
    const found = c.detection && deps.detect ? await deps.detect(c.detection) : c
    const before = held
    held = found.ipv4
    const same = before.join() === held.join()
    return {
      report: {
        dryRun: false,
        records: [
          {
            name: c.hostnames[0]!,
            type: 'A',
            zoneId: 'Z1',
            setIdentifier: '',
            before,
            after: held,
            ttl: 300,
            result: same ? 'unchanged' : before.length ? 'updated' : 'created',
            changeId: same ? '' : 'C1'
          }
        ],
        ipv4: held,
        ipv6: [],
        origins: [],
        changeIds: [],
        changed: !same,
        attempted: []
      }
    }
  }
}

async function watch20min(argv: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  let now = EPOCH
  const signals = new EventEmitter()
  const stop = (signal: string): boolean => signals.emit(signal)
  const until = EPOCH + 20 * MIN
  const io: WatchIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    machine: 'testbox',
    update: zone(),
    // Monitoring's last calls get at most this long after the stop.
    bounds: { stopMs: 1_000 },
    clock: {
      now: () => now,
      random: () => 0.5,
      sleep: async (ms) => {
        now = Math.min(now + ms, until)
        if (now >= until) stop('SIGTERM')
      }
    },
    signals,
    detect: async () => {
      const t = now - EPOCH
      if (t >= 10 * MIN && t < 12 * MIN) throw new Error('no address on eth0')
      const a = t < 7 * MIN ? '203.0.113.5' : '203.0.113.9'
      return { ipv4: [a], ipv6: [], origins: [{ family: 4, address: a, how: 'test' }] }
    }
  }
  const code = await main(
    [
      'watch',
      '--hostname',
      'home.example.com',
      '--hosted-zone-id',
      'Z1',
      '--ip-source',
      'local',
      '--interval',
      '1',
      ...argv
    ],
    io
  )
  return { code, stdout, stderr }
}

describe('route53-ddns watch: heartbeat and notifications', () => {
  it('pings when in sync every 5 minutes, /fail once per streak, success on recovery; notifies changes and the streak', async () => {
    const r = await watch20min([
      '--heartbeat-url',
      `${server.base}/ping/${TOKEN}`,
      '--notify-url',
      `${server.base}/hook/${TOKEN}`
    ])
    expect(r.code, r.stderr).toBe(0)
    const pings = server.requests.filter((q) => q.path.startsWith('/ping/'))
    const hooks = server.requests.filter((q) => q.path.startsWith('/hook/'))
    expect(pings.map((q) => `${q.method} ${q.path.replace(TOKEN, 'T')}`)).toEqual([
      'POST /ping/T', // the first sync (no /start: a daemon has no run to time)
      'POST /ping/T', // 5 min
      'POST /ping/T/fail', // 10 min: the streak starts
      'POST /ping/T', // recovery
      'POST /ping/T' // 5 min later
    ])
    expect(pings[2]!.body).toContain('Error: no address on eth0')
    expect(pings[3]!.body).toMatch(/^route53-ddns: recovered after \d+ failed checks/)
    const texts = hooks.map((q) => (JSON.parse(q.body) as { text: string }).text.split('\n'))
    expect(texts.map((t) => t[0])).toEqual([
      'route53-ddns: 1 record changed',
      'route53-ddns: 1 record changed',
      'route53-ddns failed',
      expect.stringMatching(/^route53-ddns: recovered after \d+ failed checks$/)
    ])
    expect(texts[1]).toContain('home.example.com A: 203.0.113.5 → 203.0.113.9 (updated)')
    expect(r.stdout).toMatch(
      /^watching home\.example\.com: .*; heartbeat every 5 min while in sync\n/
    )
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
  })

  it('the ROUTE53_DDNS_* variables work alike (Uptime Kuma push URL)', async () => {
    const r = await watch20min([], {
      ROUTE53_DDNS_HEARTBEAT_URL: `${server.base}/api/push/${TOKEN}`
    })
    expect(r.code, r.stderr).toBe(0)
    expect(server.requests.map((q) => q.query.status)).toEqual(['up', 'up', 'down', 'up', 'up'])
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
  })

  it('a hanging monitoring endpoint costs a warning, never the watch', async () => {
    server.answer('/ping/', 'hang')
    const started = Date.now()
    const r = await watch20min(['--heartbeat-url', `${server.base}/ping/${TOKEN}`], {})
    expect(r.code).toBe(0)
    expect(Date.now() - started).toBeLessThan(5 * S)
    // The ping still hanging at the stop is given up at the stop bound, and said so.
    expect(r.stderr).toMatch(
      /^warning: Monitoring calls still unanswered at the stop bound of 1 s \(--stop-timeout\) were abandoned\.$/m
    )
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
  }, 20_000)
})
