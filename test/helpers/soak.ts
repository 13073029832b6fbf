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
import { update, type UpdateDeps, type UpdateOutcome } from '../../src/core/update.js'
import type { Detected } from '../../src/detect/index.js'
import type { Config } from '../../src/model/types.js'
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

/** The simulated world: when the address changes, when a human edits, when faults strike. */
interface World {
  changes: { at: number; address: string }[]
  edits: number[]
  r53: Window<Route53Fault>[]
  det: Window<DetectFault>[]
  /** From here on no fault: the end state says whether everything recovered. */
  quietFrom: number
}

function makeWorld(rand: () => number, span: number, faulty: boolean): World {
  const until = faulty ? span : 1
  const changes: { at: number; address: string }[] = []
  for (let at = 0, i = 1; at < until; at += Math.floor(H + rand() * 5 * H), i++) {
    changes.push({ at, address: `203.0.${113 + Math.floor(i / 250)}.${(i % 250) + 1}` })
  }
  const edits: number[] = []
  for (let at = 3 * H; at < until * 0.95; at += Math.floor(3 * H + rand() * 6 * H)) edits.push(at)
  const windowsPerDay = faulty ? Math.ceil((span / (24 * H)) * 2) : 0
  const r53Kinds: Route53Fault[] = [
    'throttle-burst',
    'throttle-outage',
    '5xx-burst',
    '5xx-outage',
    'hang',
    'bound'
  ]
  return {
    changes,
    edits,
    r53: windows(rand, r53Kinds, windowsPerDay, span, 2 * H),
    det: windows<DetectFault>(rand, ['disagree', 'flap', 'hang'], windowsPerDay, span, H),
    quietFrom: span * 0.9
  }
}

/** The update's answer when the run's time bound cut it off (as core/lifecycle.ts reports it). */
function boundHit(): UpdateOutcome {
  const error = new RunStopped(
    'deadline',
    "Route 53 did not answer within the run's time bound of 120 s",
    'nothing more was written.',
    (w) => w
  )
  const report = {
    dryRun: false,
    records: [],
    ipv4: [],
    ipv6: [],
    origins: [],
    changeIds: [],
    changed: false,
    attempted: []
  }
  return { report, error }
}

const NAME = 'soak.example.com'

/** One soak run: the fake clock, the simulated detector, the faulty update and what they saw. */
class Soak {
  now = Date.parse('2026-01-01T00:00:00Z')
  readonly epoch = this.now
  readonly signals = Object.assign(new EventEmitter(), { platform: 'linux' as const })
  readonly published = new Map<string, number>() // address → when first held
  readonly corrections: { edit: number; at: number }[] = []
  /** The failure streak over time: its length at each failure, 0 at each recovery. */
  readonly trace: { at: number; streak: number }[] = []
  private nextEdit = 0
  editedAt: number | undefined
  private flap = false
  readonly client = createRoute53Client({
    region: 'us-east-1',
    timing: NO_WAIT,
    timeouts: { connectMs: 1000, responseMs: 100 }
  })

  constructor(
    readonly s: StandIn,
    readonly zoneId: string,
    readonly o: SoakOptions,
    readonly w: World,
    readonly result: SoakResult,
    readonly rand: () => number
  ) {}

  t(): number {
    return this.now - this.epoch
  }

  addressAt(ms: number): string {
    let a = this.w.changes[0]!.address
    for (const c of this.w.changes) if (c.at <= ms) a = c.address
    return a
  }

  held(): string[] {
    return this.s
      .records(this.zoneId)
      .filter((r) => r.Name === `${NAME}.` && r.Type === 'A')
      .flatMap((r) => (r.ResourceRecords ?? []).map((v) => v.Value ?? ''))
  }

  /** The watch's JSON lines: writes of foreign addresses, failures and recoveries. */
  line(text: string): boolean {
    const e = JSON.parse(text) as { event: string; after?: string[]; failures?: number }
    if (e.event === 'change' && e.after?.length === 1) {
      const a = e.after[0] ?? ''
      if (!this.w.changes.some((c) => c.address === a && c.at <= this.t()))
        this.result.foreignWrites++
    }
    if (e.event === 'failure') {
      this.result.failures++
      this.trace.push({ at: this.t(), streak: e.failures ?? 0 })
    }
    if (e.event === 'recovered') this.trace.push({ at: this.t(), streak: 0 })
    return true
  }

  /** Between ticks: time passes, a human may edit the record, the run ends after `ticks`. */
  async sleep(ms: number): Promise<void> {
    const r = this.result
    r.ticks++
    if (this.o.sample && r.ticks % this.o.sample.every === 0) this.o.sample.at(r.ticks)
    if (r.ticks % 1000 === 0) this.s.resetLog()
    this.now += ms
    while ((this.w.edits[this.nextEdit] ?? Infinity) <= this.t()) {
      const value = `198.51.100.${(this.nextEdit % 200) + 1}`
      this.s.seed(this.zoneId, {
        Name: NAME,
        Type: 'A',
        TTL: 300,
        ResourceRecords: [{ Value: value }]
      })
      this.editedAt = this.w.edits[this.nextEdit++]
    }
    if (r.ticks >= this.o.ticks) this.signals.emit('SIGTERM')
    return Promise.resolve()
  }

  /** Detection at its boundary: the address, or what real detection says when providers fail. */
  async detect(): Promise<Detected> {
    const fault = this.t() < this.w.quietFrom ? activeAt(this.w.det, this.t()) : undefined
    if (fault?.kind === 'disagree')
      throw new UpdateError(
        'IPv4: the address-echo providers disagree (203.0.113.250, 192.0.2.1); nothing was published.'
      )
    if (fault?.kind === 'flap' && (this.flap = !this.flap))
      throw new UpdateError('IPv4: only one address-echo provider answered; nothing was published.')
    if (fault?.kind === 'hang') {
      this.now += 15 * S
      throw new UpdateError('IPv4: no address-echo provider answered within 15 s.')
    }
    const address = this.addressAt(this.t())
    return Promise.resolve({
      ipv4: [address],
      ipv6: [],
      origins: [{ family: 4, address, how: 'soak' }]
    })
  }

  /** The real update() with the stand-in's faults for this moment; checks what it leaves. */
  async update(config: Config, deps: UpdateDeps): Promise<UpdateOutcome> {
    this.result.updates++
    const fault = this.t() < this.w.quietFrom ? activeAt(this.w.r53, this.t()) : undefined
    if (fault?.kind === 'bound') {
      this.now += 120 * S
      return boundHit()
    }
    if (fault) injectRoute53(this.s, fault.kind)
    try {
      const outcome = await update(config, { ...deps, client: this.client })
      if (!outcome.error) this.afterUpdate(outcome.report.ipv4)
      return outcome
    } finally {
      this.s.clearFaults()
    }
  }

  private afterUpdate(wanted: string[]): void {
    const values = this.held()
    if (values.join() !== wanted.join()) this.result.wrongAfterUpdate++
    for (const v of values) if (!this.published.has(v)) this.published.set(v, this.t())
    if (this.editedAt !== undefined && values.join() === this.addressAt(this.t())) {
      this.corrections.push({ edit: this.editedAt, at: this.t() })
      this.editedAt = undefined
    }
  }

  io(): WatchIo {
    return {
      stdout: { write: (line: string) => this.line(line) },
      stderr: { write: () => true },
      env: {},
      machine: 'soak',
      clock: { now: () => this.now, random: this.rand, sleep: (ms) => this.sleep(ms) },
      signals: this.signals,
      detect: () => this.detect(),
      update: (config, deps) => this.update(config, deps)
    }
  }
}

/** Run the soak; the stand-in must have `zoneId` and its env in process.env. */
export async function soak(s: StandIn, zoneId: string, o: SoakOptions): Promise<SoakResult> {
  const rand = prng(o.seed)
  const intervalMs = o.intervalS * S
  const w = makeWorld(rand, o.ticks * intervalMs, o.world ?? true)
  const result: SoakResult = {
    ticks: 0,
    simulatedMs: 0,
    changes: w.changes.length,
    edits: w.edits.length,
    route53Faults: w.r53.length,
    detectFaults: w.det.length,
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
  const run = new Soak(s, zoneId, o, w, result, rand)
  const argv = ['--hostname', NAME, '--hosted-zone-id', zoneId, '--ip-source', 'public']
  const code = await main(['watch', ...argv, '--interval', String(o.intervalS), '--json'], run.io())
  run.client.destroy()
  if (code !== 0) throw new Error(`the soak's watch exited ${code}`)
  result.simulatedMs = run.t()
  result.finalCorrect = run.held().join() === run.addressAt(run.t())
  check(run, intervalMs)
  return result
}

/** The latency checks, once the run is over. */
function check(run: Soak, intervalMs: number): void {
  const { result, w, trace } = run
  const faults = [...w.r53, ...w.det]
  checkPublication(result, w.changes, run.published, faults, trace, intervalMs)
  for (const c of run.corrections) {
    const { took, bound } = delay(c.edit, c.at, faults, trace, intervalMs, 3600 * S)
    result.worstCorrectionMs = Math.max(result.worstCorrectionMs, took)
    if (took > bound)
      result.correctionViolations.push(
        `edit at ${c.edit / S} s: corrected ${took / S} s after its faults cleared (bound ${bound / S} s)`
      )
  }
  if (run.editedAt !== undefined && result.simulatedMs - run.editedAt > 2 * H)
    result.correctionViolations.push(`edit at ${run.editedAt / S} s: never corrected`)
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
