/**
 * The watch soak, in-process with a fake clock: `route53-ddns watch` (the real command, loop and
 * update(), the SDK over HTTP to the stand-in) for many ticks, with faults mixed in. Used by
 * `npm run bench` (100,000+ ticks) and by a short test.
 *
 * Simulated: the clock, and detection at its boundary (an address, or the error real detection
 * gives when the echo providers disagree, flap or hang; a hang costs its 15 s bound of simulated
 * time). Real: everything from the watch's command to Route 53 requests. Route 53 faults go through
 * the stand-in: throttling and 5xx (bursts the SDK's retries ride out, and outages longer than its
 * 20 attempts), requests that hang past the client's timeout, and an update cut off by the run's
 * time bound (simulated: 120 s of the fake clock, then the bound's error). A human edits the
 * record now and then; the address changes every 1 to 6 simulated hours.
 */
import { EventEmitter } from 'node:events'
import { UpdateError } from '../../src/model/errors.js'
import { RunStopped } from '../../src/core/lifecycle.js'
import { createRoute53Client } from '../../src/aws/route53.js'
import { update } from '../../src/core/update.js'
import { backoffMs } from '../../src/cli/watch/loop.js'
import { main } from '../../src/cli/main.js'
import type { WatchIo } from '../../src/cli/watch/command.js'
import type { StandIn } from '../stand-in/index.js'
import { NO_WAIT } from './timing.js'

const S = 1000
const H = 3600 * S

/** A small seeded generator (mulberry32): the same seed, the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Route53Fault =
  'throttle-burst' | 'throttle-outage' | '5xx-burst' | '5xx-outage' | 'hang' | 'bound'
type DetectFault = 'disagree' | 'flap' | 'hang'
interface Window<K> {
  kind: K
  from: number
  to: number
}

export interface SoakOptions {
  ticks: number
  intervalS: number
  seed: number
  /** false: the control run, with no fault, no change after the first and no edit. */
  world?: boolean
  /** Called every `every` ticks with the tick number (to sample memory). */
  sample?: { every: number; at: (tick: number) => void }
}

export interface SoakResult {
  ticks: number
  simulatedMs: number
  changes: number
  edits: number
  route53Faults: number
  detectFaults: number
  updates: number
  failures: number
  /** Worst time from an address change, or the end of the faults that delayed it, to its write. */
  worstPublishMs: number
  /** The bound it must meet: (interval + the backoff then current) × 1.1 (jitter). */
  publishViolations: string[]
  /** Worst time from a human edit (or the end of the faults that delayed it) to its correction. */
  worstCorrectionMs: number
  /** The bound: (refresh + interval + the backoff then current) × 1.1. */
  correctionViolations: string[]
  /** Successful updates after which the record did not hold the current address. */
  wrongAfterUpdate: number
  /** Writes of an address that was never this machine's. */
  foreignWrites: number
  finalCorrect: boolean
}

function windows<K>(
  rand: () => number,
  kinds: K[],
  count: number,
  span: number,
  maxLen: number
): Window<K>[] {
  const out: Window<K>[] = []
  for (let i = 0; i < count; i++) {
    const from = Math.floor(rand() * span * 0.9)
    const kind = kinds[Math.floor(rand() * kinds.length)] as K
    out.push({ kind, from, to: from + Math.floor(30 * S + rand() * maxLen) })
  }
  return out.sort((a, b) => a.from - b.from)
}

const activeAt = <K>(ws: Window<K>[], t: number): Window<K> | undefined =>
  ws.find((w) => w.from <= t && t < w.to)

/** The stand-in faults for one update during a Route 53 fault window. */
function injectRoute53(s: StandIn, kind: Route53Fault): void {
  if (kind === 'throttle-burst') s.inject({ error: 'Throttling', times: 3 })
  if (kind === 'throttle-outage') s.inject({ error: 'Throttling', times: 1000 })
  if (kind === '5xx-burst') s.inject({ error: 'ServiceUnavailable', times: 2 })
  if (kind === '5xx-outage') s.inject({ error: 'InternalError', times: 1000 })
  // Each delayed answer comes after the client's 100 ms limit: a timeout the SDK retries.
  if (kind === 'hang') s.inject({ error: 'Delay', delayMs: 250, times: 2 })
}

/** Run the soak; the stand-in must have `zoneId` and its env in process.env. */
export async function soak(s: StandIn, zoneId: string, o: SoakOptions): Promise<SoakResult> {
  const rand = prng(o.seed)
  const name = 'soak.example.com'
  const intervalMs = o.intervalS * S
  const span = o.ticks * intervalMs
  const epoch = Date.parse('2026-01-01T00:00:00Z')
  let now = epoch
  const t = (): number => now - epoch

  // The world: address changes every 1–6 h, a human edit about once a day, faults.
  const changes: { at: number; address: string }[] = []
  const world = o.world ?? true
  const until = world ? span : 1
  for (let at = 0, i = 1; at < until; at += Math.floor(H + rand() * 5 * H), i++) {
    changes.push({ at, address: `203.0.${113 + Math.floor(i / 250)}.${(i % 250) + 1}` })
  }
  const edits: number[] = []
  for (let at = 3 * H; at < until * 0.95; at += Math.floor(3 * H + rand() * 6 * H)) edits.push(at)
  const days = world ? span / (24 * H) : 0
  const r53 = windows<Route53Fault>(
    rand,
    ['throttle-burst', 'throttle-outage', '5xx-burst', '5xx-outage', 'hang', 'bound'],
    Math.ceil(days * 2),
    span,
    2 * H
  )
  const det = windows<DetectFault>(rand, ['disagree', 'flap', 'hang'], Math.ceil(days * 2), span, H)
  // The last 10% is quiet, so the end state says whether everything recovered.
  const quietFrom = span * 0.9

  const addressAt = (ms: number): string => {
    let a = changes[0]!.address
    for (const c of changes) if (c.at <= ms) a = c.address
    return a
  }
  const held = (): string[] =>
    s
      .records(zoneId)
      .filter((r) => r.Name === `${name}.` && r.Type === 'A')
      .flatMap((r) => (r.ResourceRecords ?? []).map((v) => v.Value ?? ''))
  const result: SoakResult = {
    ticks: 0,
    simulatedMs: 0,
    changes: changes.length,
    edits: edits.length,
    route53Faults: r53.length,
    detectFaults: det.length,
    updates: 0,
    failures: 0,
    worstPublishMs: 0,
    publishViolations: [],
    worstCorrectionMs: 0,
    correctionViolations: [],
    wrongAfterUpdate: 0,
    foreignWrites: 0,
    finalCorrect: false
  }
  const client = createRoute53Client({
    region: 'us-east-1',
    timing: NO_WAIT,
    timeouts: { connectMs: 1000, responseMs: 100 }
  })
  const published = new Map<string, number>() // address → when first held
  let nextEdit = 0
  let editedAt: number | undefined
  const corrections: { edit: number; at: number }[] = []
  let flap = false
  const signals = Object.assign(new EventEmitter(), { platform: 'linux' as const })
  /** The failure streak over time: its length at each failure, 0 at each recovery. */
  const trace: { at: number; streak: number }[] = []

  const io: WatchIo = {
    stdout: {
      write: (line: string) => {
        const e = JSON.parse(line) as {
          event: string
          after?: string[]
          failures?: number
          retryInSeconds?: number
        }
        if (e.event === 'change' && e.after && e.after.length === 1) {
          const a = e.after[0] ?? ''
          if (!changes.some((c) => c.address === a && c.at <= t())) result.foreignWrites++
        }
        if (e.event === 'failure') {
          result.failures++
          trace.push({ at: t(), streak: e.failures ?? 0 })
        }
        if (e.event === 'recovered') trace.push({ at: t(), streak: 0 })
        return true
      }
    },
    stderr: { write: () => true },
    env: {},
    machine: 'soak',
    clock: {
      now: () => now,
      random: rand,
      sleep: async (ms) => {
        result.ticks++
        if (o.sample && result.ticks % o.sample.every === 0) o.sample.at(result.ticks)
        if (result.ticks % 1000 === 0) s.resetLog()
        now += ms
        // A human edits the record (not this machine's address).
        while (nextEdit < edits.length && (edits[nextEdit] ?? Infinity) <= t()) {
          s.seed(zoneId, {
            Name: name,
            Type: 'A',
            TTL: 300,
            ResourceRecords: [{ Value: `198.51.100.${(nextEdit % 200) + 1}` }]
          })
          editedAt = edits[nextEdit]
          nextEdit++
        }
        if (result.ticks >= o.ticks) signals.emit('SIGTERM')
      }
    },
    signals,
    detect: async () => {
      const fault = t() < quietFrom ? activeAt(det, t()) : undefined
      if (fault?.kind === 'disagree')
        throw new UpdateError(
          'IPv4: the address-echo providers disagree (203.0.113.250, 192.0.2.1); nothing was published.'
        )
      if (fault?.kind === 'flap' && (flap = !flap))
        throw new UpdateError(
          'IPv4: only one address-echo provider answered; nothing was published.'
        )
      if (fault?.kind === 'hang') {
        now += 15 * S
        throw new UpdateError('IPv4: no address-echo provider answered within 15 s.')
      }
      const address = addressAt(t())
      return { ipv4: [address], ipv6: [], origins: [{ family: 4, address, how: 'soak' }] }
    },
    update: async (config, deps) => {
      result.updates++
      const fault = t() < quietFrom ? activeAt(r53, t()) : undefined
      if (fault?.kind === 'bound') {
        now += 120 * S
        const error = new RunStopped(
          'deadline',
          "Route 53 did not answer within the run's time bound of 120 s; nothing more was written.",
          (w) => w
        )
        return {
          report: {
            dryRun: false,
            records: [],
            ipv4: [],
            ipv6: [],
            origins: [],
            changeIds: [],
            changed: false,
            attempted: []
          },
          error
        }
      }
      if (fault) injectRoute53(s, fault.kind)
      try {
        const outcome = await update(config, { ...deps, client })
        if (!outcome.error) {
          const values = held()
          const want = config.state === 'absent' ? [] : (outcome.report.ipv4 ?? [])
          if (values.join() !== want.join()) result.wrongAfterUpdate++
          for (const v of values) if (!published.has(v)) published.set(v, t())
          if (editedAt !== undefined && values.join() === addressAt(t())) {
            corrections.push({ edit: editedAt, at: t() })
            editedAt = undefined
          }
        }
        return outcome
      } finally {
        s.clearFaults()
      }
    }
  }
  const code = await main(
    [
      'watch',
      '--hostname',
      name,
      '--hosted-zone-id',
      zoneId,
      '--ip-source',
      'public',
      '--interval',
      String(o.intervalS),
      '--json'
    ],
    io
  )
  client.destroy()
  if (code !== 0) throw new Error(`the soak's watch exited ${code}`)
  result.simulatedMs = t()
  result.finalCorrect = held().join() === addressAt(t())
  const faults = [...r53, ...det]
  checkPublication(result, changes, published, faults, trace, intervalMs)
  for (const c of corrections) {
    const { took, bound } = delay(c.edit, c.at, faults, trace, intervalMs, 3600 * S)
    result.worstCorrectionMs = Math.max(result.worstCorrectionMs, took)
    if (took > bound)
      result.correctionViolations.push(
        `edit at ${c.edit / S} s: corrected ${took / S} s after its faults cleared (bound ${bound / S} s)`
      )
  }
  if (editedAt !== undefined && result.simulatedMs - editedAt > 2 * H)
    result.correctionViolations.push(`edit at ${editedAt / S} s: never corrected`)
  return result
}

/**
 * How long something that happened at `from` took to be put right at `at`, counted from the moment
 * its faults cleared (the later of `from`, the end of each fault window that overlapped it, and the
 * last failed check before `at`: a check started in a fault window may end after it), and the
 * bound: (`waitMs` + interval + the backoff current then) × 1.1 (the jitter).
 */
function delay(
  from: number,
  at: number,
  faults: Window<unknown>[],
  trace: { at: number; streak: number }[],
  intervalMs: number,
  waitMs: number
): { took: number; bound: number } {
  let clear = from
  for (const f of faults)
    if (f.from <= at && f.to > from) clear = Math.max(clear, Math.min(f.to, at))
  const failed = trace.filter((x) => x.streak > 0 && x.at <= at).at(-1)
  if (failed && failed.at > clear) clear = failed.at
  const streak = trace.filter((x) => x.at <= clear).at(-1)?.streak ?? 0
  const timing = { intervalMs, refreshMs: 3600 * S, jitter: 0.1 }
  return {
    took: at - clear,
    bound: 1.1 * (waitMs + intervalMs + (streak ? backoffMs(timing, streak) : 0))
  }
}

/** Each change must be written within its bound (see delay) of the moment its faults cleared. */
function checkPublication(
  result: SoakResult,
  changes: { at: number; address: string }[],
  published: Map<string, number>,
  faults: Window<unknown>[],
  trace: { at: number; streak: number }[],
  intervalMs: number
): void {
  for (const [i, c] of changes.entries()) {
    const at = published.get(c.address)
    if (at === undefined) {
      // Unwritten is right only when the next change (or the end) came before its bound.
      const next = Math.min(changes[i + 1]?.at ?? Infinity, result.simulatedMs)
      const { took, bound } = delay(c.at, next, faults, trace, intervalMs, 0)
      if (took > bound)
        result.publishViolations.push(`${c.address} (changed at ${c.at / S} s) was never written`)
      continue
    }
    const { took, bound } = delay(c.at, at, faults, trace, intervalMs, 0)
    result.worstPublishMs = Math.max(result.worstPublishMs, took)
    if (took > bound)
      result.publishViolations.push(
        `${c.address}: ${took / S} s after its faults cleared (bound ${bound / S} s)`
      )
  }
}
