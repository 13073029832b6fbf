// The watch loop, driven in-process by a fake clock: time passes only when the loop sleeps.
import { describe, expect, it } from 'vitest'
import { backoffMs, watch, type WatchEvent, type WatchTiming } from '../../../src/cli/watch/loop.js'
import type { Detected } from '../../../src/detect/index.js'
import type { UpdateOutcome } from '../../../src/core/update.js'
import type { RecordReport, RecordResult } from '../../../src/model/types.js'

const S = 1000
const LOCAL: WatchTiming = { intervalMs: 5 * S, refreshMs: 3600 * S, jitter: 0 }

const v4 = (address: string): Detected => ({
  ipv4: [address],
  ipv6: [],
  origins: [{ family: 4, address, how: 'local: eth0' }]
})

/** A one-record zone standing in for Route 53, and the update() that reads and writes it. */
class Zone {
  values: string[] = []
  reads = 0
  writes = 0
  failNext = 0

  apply(target: Detected | 'absent'): UpdateOutcome {
    this.reads++
    const after = target === 'absent' ? [] : target.ipv4
    const before = this.values
    const report = {
      dryRun: false,
      records: [] as RecordReport[],
      ipv4: target === 'absent' ? [] : target.ipv4,
      ipv6: [],
      origins: [],
      changeIds: [],
      changed: false,
      attempted: []
    }
    if (this.failNext > 0) {
      this.failNext--
      return { report, error: new Error('Throttling: Rate exceeded') }
    }
    let result: RecordResult = 'unchanged'
    if (before.join() !== after.join()) {
      this.writes++
      this.values = after
      result = after.length === 0 ? 'deleted' : before.length === 0 ? 'created' : 'updated'
    }
    report.records.push({
      name: 'home.example.com',
      type: 'A',
      zoneId: 'Z1',
      setIdentifier: '',
      before,
      after,
      ttl: 300,
      result,
      changeId: result === 'unchanged' ? '' : `C${this.writes}`
    })
    report.changed = result !== 'unchanged'
    return { report }
  }
}

interface Run {
  events: (WatchEvent & { at: number })[]
  detects: number[]
  applies: { at: number; target: Detected | 'absent' }[]
  sleeps: number[]
  result: Awaited<ReturnType<typeof watch>>
}

/**
 * Run the loop until the fake clock reaches `until` (ms). `address(t)` is what detection finds at
 * time t (an Error: detection fails). `at` lets a test act at a given time (edit the zone, stop).
 */
async function drive(opts: {
  until: number
  address: (t: number) => string | Error
  zone?: Zone
  timing?: WatchTiming
  deleteOnStop?: boolean
  random?: () => number
  /** Replaces the apply (to hold a write in flight). */
  apply?: (target: Detected | 'absent', t: number) => Promise<UpdateOutcome>
  stop?: AbortController
}): Promise<Run> {
  let now = 0
  const zone = opts.zone ?? new Zone()
  const stop = opts.stop ?? new AbortController()
  const run: Omit<Run, 'result'> = { events: [], detects: [], applies: [], sleeps: [] }
  const result = await watch(
    opts.timing ?? LOCAL,
    {
      now: () => now,
      sleep: async (ms, signal) => {
        run.sleeps.push(ms)
        if (signal.aborted) return
        if (now + ms >= opts.until) {
          now = opts.until
          stop.abort()
          return
        }
        now += ms
      },
      random: opts.random ?? (() => 0.5),
      detect: async () => {
        run.detects.push(now)
        const a = opts.address(now)
        if (a instanceof Error) throw a
        return v4(a)
      },
      apply: async (target) => {
        run.applies.push({ at: now, target })
        if (opts.apply) return opts.apply(target, now)
        return zone.apply(target)
      },
      emit: (e) => run.events.push({ ...e, at: now })
    },
    stop.signal,
    { deleteOnStop: opts.deleteOnStop ?? false }
  )
  return { ...run, result }
}

const kinds = (r: Run): string[] =>
  r.events.map((e) => (e.event === 'change' ? `change:${e.reason}:${e.record.result}` : e.event))

describe('watch loop', () => {
  it('no change for 10 minutes: one read at start, no write, then nothing but local ticks', async () => {
    const zone = new Zone()
    zone.values = ['203.0.113.5']
    const r = await drive({ until: 600 * S, address: () => '203.0.113.5', zone })
    expect(r.detects).toHaveLength(120)
    expect(r.applies.map((a) => a.at)).toEqual([0])
    expect(zone).toMatchObject({ reads: 1, writes: 0 })
    expect(kinds(r)).toEqual(['heartbeat'])
    expect(r.sleeps.every((ms) => ms === 5 * S)).toBe(true)
    expect(r.result).toEqual({ ticks: 120, updates: 1, failed: false })
  })

  it('publishes at start, then follows a change at the next tick', async () => {
    const zone = new Zone()
    const r = await drive({
      until: 120 * S,
      address: (t) => (t < 62 * S ? '203.0.113.5' : '203.0.113.9'),
      zone
    })
    expect(r.applies.map((a) => a.at)).toEqual([0, 65 * S])
    expect(kinds(r)).toEqual(['change:start:created', 'change:address:updated'])
    const change = r.events[1] as Extract<WatchEvent, { event: 'change' }> & { at: number }
    expect(change.record).toMatchObject({ before: ['203.0.113.5'], after: ['203.0.113.9'] })
    expect(zone.values).toEqual(['203.0.113.9'])
    // The change happened at 62 s and was written at 65 s: within one interval.
    expect(change.at - 62 * S).toBeLessThanOrEqual(LOCAL.intervalMs)
  })

  it('corrects drift at the next refresh, and only then', async () => {
    const zone = new Zone()
    let edited = false
    const r = await drive({
      until: 2 * 3600 * S + 1,
      address: (t) => {
        if (t >= 100 * S && !edited) {
          zone.values = ['198.51.100.66'] // someone edits the record by hand
          edited = true
        }
        return '203.0.113.5'
      },
      zone
    })
    expect(r.applies.map((a) => a.at / S)).toEqual([0, 3600, 7200])
    expect(kinds(r)).toEqual(['change:start:created', 'change:refresh:updated', 'heartbeat'])
    expect(zone.values).toEqual(['203.0.113.5'])
    expect(zone.writes).toBe(2)
  })

  it('a heartbeat at most once per refresh', async () => {
    const zone = new Zone()
    zone.values = ['203.0.113.5']
    const timing = { ...LOCAL, refreshMs: 600 * S }
    const r = await drive({ until: 3600 * S, address: () => '203.0.113.5', zone, timing })
    const beats = r.events.filter((e) => e.event === 'heartbeat').map((e) => e.at / S)
    expect(beats).toEqual([0, 600, 1200, 1800, 2400, 3000])
    expect(zone.writes).toBe(0)
  })

  it('detection failures back off exponentially, one event each, and the loop goes on', async () => {
    const zone = new Zone()
    const r = await drive({
      until: 400 * S,
      address: (t) =>
        t >= 10 * S && t < 200 * S ? new Error('eth0 has no address') : '203.0.113.5',
      zone
    })
    const failures = r.events.filter((e) => e.event === 'failure')
    expect(failures.map((e) => [e.at / S, e.failures, (e.retryInMs ?? 0) / S])).toEqual([
      [10, 1, 10],
      [20, 2, 20],
      [40, 3, 40],
      [80, 4, 80],
      [160, 5, 160]
    ])
    expect(failures.every((e) => e.message === 'eth0 has no address')).toBe(true)
    const recovered = r.events.find((e) => e.event === 'recovered')
    expect(recovered).toMatchObject({ at: 320 * S, failures: 5 })
    // The address did not change: recovering costs no Route 53 request.
    expect(r.applies.map((a) => a.at)).toEqual([0])
    expect(r.detects.filter((t) => t > 320 * S).length).toBeGreaterThan(10)
  })

  it('the backoff is bounded', () => {
    expect([1, 2, 6, 7, 8, 50].map((n) => backoffMs(LOCAL, n) / S)).toEqual([
      10, 20, 320, 600, 600, 600
    ])
    const polite = { ...LOCAL, intervalMs: 300 * S }
    expect([1, 2, 3, 9].map((n) => backoffMs(polite, n) / S)).toEqual([600, 1200, 1200, 1200])
  })

  it('a failed update is retried (after the backoff) even if the address is unchanged', async () => {
    const zone = new Zone()
    zone.failNext = 2
    const r = await drive({ until: 60 * S, address: () => '203.0.113.5', zone })
    expect(r.applies.map((a) => a.at / S)).toEqual([0, 10, 30])
    expect(kinds(r)).toEqual(['failure', 'failure', 'change:retry:created', 'recovered'])
    expect(zone.values).toEqual(['203.0.113.5'])
  })

  it('public timing: waits spread by the jitter either way', async () => {
    const polite = { intervalMs: 300 * S, refreshMs: 3600 * S, jitter: 0.1 }
    const draws = [0, 0.999999, 0.5]
    let i = 0
    const r = await drive({
      until: 900 * S,
      address: () => '203.0.113.5',
      timing: polite,
      random: () => draws[i++ % draws.length] ?? 0.5
    })
    expect(r.sleeps.slice(0, 3).map((ms) => Math.round(ms / S))).toEqual([270, 330, 300])
  })

  it('a stop during a write finishes the write, then ends without another tick', async () => {
    const zone = new Zone()
    const stop = new AbortController()
    let release: () => void = () => {}
    const r = await drive({
      until: 3600 * S,
      address: (t) => (t < 20 * S ? '203.0.113.5' : '203.0.113.9'),
      zone,
      stop,
      apply: async (target, t) => {
        if (t === 20 * S) {
          // The signal arrives while the write is in flight.
          stop.abort()
          await new Promise<void>((res) => {
            release = res
            setTimeout(() => release(), 5)
          })
        }
        return zone.apply(target)
      }
    })
    expect(zone.values).toEqual(['203.0.113.9'])
    expect(r.detects.at(-1)).toBe(20 * S)
    expect(kinds(r)).toEqual(['change:start:created', 'change:address:updated'])
    expect(r.result.failed).toBe(false)
  })

  it('a stop during detection ends at once, with no update', async () => {
    const stop = new AbortController()
    const zone = new Zone()
    let now = 0
    const detect = (): Promise<Detected> => {
      if (now === 0) return Promise.resolve(v4('203.0.113.5'))
      stop.abort()
      return new Promise(() => {}) // a detection that never answers
    }
    const result = await watch(
      LOCAL,
      {
        now: () => now,
        sleep: async (ms) => void (now += ms),
        random: () => 0.5,
        detect,
        apply: async (t) => zone.apply(t),
        emit: () => {}
      },
      stop.signal
    )
    expect(result).toEqual({ ticks: 1, updates: 1, failed: false })
    expect(zone.reads).toBe(1)
  })

  it('delete on stop removes the records after the loop ends', async () => {
    const zone = new Zone()
    const r = await drive({ until: 30 * S, address: () => '203.0.113.5', zone, deleteOnStop: true })
    expect(r.applies.map((a) => [a.at / S, a.target === 'absent'])).toEqual([
      [0, false],
      [30, true]
    ])
    expect(kinds(r)).toEqual(['change:start:created', 'change:stop:deleted'])
    expect(zone.values).toEqual([])
    expect(r.result.failed).toBe(false)
  })

  it('a failed delete on stop is reported and makes the result a failure', async () => {
    const zone = new Zone()
    const r = await drive({
      until: 10 * S,
      address: () => '203.0.113.5',
      zone,
      deleteOnStop: true,
      apply: async (target) => {
        if (target === 'absent') zone.failNext = 1
        return zone.apply(target)
      }
    })
    expect(kinds(r)).toEqual(['change:start:created', 'failure'])
    expect(r.events.at(-1)).toMatchObject({ message: 'Throttling: Rate exceeded' })
    expect(r.events.at(-1)).not.toHaveProperty('retryInMs')
    expect(r.result.failed).toBe(true)
  })

  it('without delete on stop the records stay', async () => {
    const zone = new Zone()
    const r = await drive({ until: 30 * S, address: () => '203.0.113.5', zone })
    expect(r.applies.every((a) => a.target !== 'absent')).toBe(true)
    expect(zone.values).toEqual(['203.0.113.5'])
  })
})
