/**
 * `route53-ddns watch`: the one-shot run's options plus --interval, --refresh, --delete-on-stop and
 * --metrics, run by the loop in ./loop.ts until a stop signal (core/lifecycle.ts says which). This file is the shell: flags,
 * the real clock and signals, and what each event goes to (the console, metrics, monitoring).
 */
import { detectAddresses, type Detected } from '../../detect/index.js'
import { givenAddresses } from '../../model/address.js'
import { createRoute53Client } from '../../aws/route53.js'
import { observeRequests } from '../../aws/observe.js'
import { defaultSleep } from '../../aws/retry.js'
import { managedNames, update } from '../../core/update.js'
import { watch, type WatchDeps, type WatchEvent } from './loop.js'
import type { Config, DetectionConfig, Logger, RecordReport } from '../../model/types.js'
import { UsageError, mainSpecs, refusals, parseFlags, type FlagSpec } from '../args.js'
import { readConfig } from '../config.js'
import { watchHelpText } from '../help.js'
import { cliLogger, EXIT_FAILURE, EXIT_OK, type Io } from '../io.js'
import { onStopSignals, runBoundMs, stoppedWhile } from '../../core/lifecycle.js'
import { WatchStops, type WatchBounds } from './stops.js'
import { addSecret, redact } from '../../net/redact.js'
import { addMonitorSecrets } from '../../notify/session.js'
import { daemonMonitor, HEARTBEAT_PERIOD_MS, type DaemonMonitor } from '../../notify/daemon.js'
import { healthWindowMs } from '../../metrics/health.js'
import type { WatchMetrics } from '../../metrics/prometheus.js'
import type { MetricsServer } from '../../metrics/server.js'
import { watchSettings, type WatchSettings } from './settings.js'
import { describer, duration, printer, sourceText } from './print.js'
import { VERSION } from '../version.js'

/** What watch mode adds to the CLI's Io; tests inject a fake clock, signals and detection. */
export interface WatchIo extends Io {
  clock?: {
    now(): number
    sleep(ms: number, signal: AbortSignal): Promise<void>
    random(): number
  }
  /** Replaces the tick's and the stop's bounds (tests; default runBoundMs and --stop-timeout). */
  bounds?: Partial<WatchBounds>
  /** Replaces address detection. */
  detect?: (
    cfg: DetectionConfig,
    deps: { logger: Logger; signal: AbortSignal }
  ) => Promise<Detected>
}

type Clock = NonNullable<WatchIo['clock']>

/** The watch's flags: the one-shot run's, and its own. */
function watchSpecs(): Record<string, FlagSpec> {
  return {
    ...mainSpecs(),
    interval: { type: 'string', multiple: false },
    refresh: { type: 'string', multiple: false },
    metrics: { type: 'string', multiple: false },
    'delete-on-stop': { type: 'boolean', multiple: false },
    'stop-timeout': { type: 'string', multiple: false }
  }
}

const realClock: Clock = {
  now: (): number => performance.timeOrigin + performance.now(),
  sleep: defaultSleep,
  random: Math.random
}

interface Parsed {
  config: Config
  settings: WatchSettings
  json: boolean
  verbose: boolean
}

/** The command line, checked: undefined when only help was asked for. */
function parseWatch(argv: string[], io: WatchIo): Parsed | undefined {
  const { values, positionals } = parseFlags(argv, watchSpecs(), refusals())
  if (values.get('help') === 'true') {
    io.stdout.write(watchHelpText())
    return undefined
  }
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument '${positionals[0] ?? ''}' (names go in --hostname)`)
  }
  if (values.get('version') === 'true')
    throw new UsageError('--version: use route53-ddns --version')
  const { config } = readConfig(values, io)
  return {
    config,
    settings: watchSettings(values, io.env, config),
    json: values.get('json') === 'true',
    verbose: values.get('verbose') === 'true'
  }
}

/** The metrics and their server, loaded only when --metrics is given. */
async function startMetrics(
  settings: WatchSettings,
  clock: Clock
): Promise<{ metrics: WatchMetrics; server: MetricsServer } | undefined> {
  if (!settings.metrics) return undefined
  const [{ createWatchMetrics }, { startMetricsServer }] = await Promise.all([
    import('../../metrics/prometheus.js'),
    import('../../metrics/server.js')
  ])
  const metrics = createWatchMetrics({
    version: VERSION,
    windowMs: healthWindowMs(settings.timing.intervalMs)
  })
  const server = await startMetricsServer(settings.metrics, '--metrics', metrics, clock.now)
  return { metrics, server }
}

/** What a tick waits for while detecting, in a stop's message. */
const DETECTING: Record<DetectionConfig['source'], string> = {
  public: 'the address-echo providers',
  local: 'the network interfaces',
  command: 'the ip-command'
}

/**
 * This machine's addresses each tick: detected (timed for the metrics) or the given ones. Each
 * tick's bound starts here; the update of the same tick runs under it.
 */
function detector(
  config: Config,
  io: WatchIo,
  logger: Logger,
  clock: Clock,
  stops: WatchStops,
  metrics?: WatchMetrics
): () => Promise<Detected> {
  const detection = config.detection
  if (!detection) {
    const fixed = givenAddresses(config)
    return () => {
      stops.startTick()
      return Promise.resolve(fixed)
    }
  }
  const detect = io.detect ?? ((cfg, d) => detectAddresses(cfg, { ...d, env: io.env }))
  return async () => {
    const { signal } = stops.startTick()
    const started = clock.now()
    try {
      return await detect(detection, { logger, signal })
    } catch (err) {
      throw stoppedWhile(err, DETECTING[detection.source], signal) ?? err
    } finally {
      metrics?.detected(clock.now() - started)
    }
  }
}

/** The one update, publishing a target or deleting (on stop) this machine's records. */
function updater(
  config: Config,
  io: WatchIo,
  logger: Logger,
  stops: WatchStops,
  metrics?: WatchMetrics
): { apply: WatchDeps['apply']; close(): void } {
  const run = io.update ?? update
  const client = io.update ? undefined : createRoute53Client({ region: config.region })
  if (client && metrics) observeRequests(client, metrics.request)
  const { detection: _unused, ...withoutDetection } = config
  const absent: Config = { ...withoutDetection, state: 'absent', ipv4: [], ipv6: [] }
  return {
    apply: async (target) => {
      const outcome = await run(target === 'absent' ? absent : config, {
        logger,
        ...(client ? { client } : {}),
        stop: target === 'absent' ? stops.startFinal() : stops.currentTick(),
        ...(target !== 'absent' ? { detect: () => Promise.resolve(target) } : {})
      })
      if (target === 'absent' && outcome.report.changed === 'unknown') stops.deleteUnanswered = true
      return outcome
    },
    close: () => client?.destroy()
  }
}

/**
 * Where the loop's events go: the console, the metrics and monitoring. Monitoring hears of each
 * check once it ends, with what it wrote.
 */
function sinks(
  io: Io,
  parsed: Parsed,
  clock: Clock,
  monitor: DaemonMonitor,
  metrics?: WatchMetrics
): Pick<WatchDeps, 'emit' | 'checked'> {
  const print = printer(io, parsed.json, clock.now)
  const describeEvent = describer()
  let written: RecordReport[] = []
  return {
    emit: (e: WatchEvent) => {
      print(e, describeEvent(e))
      if (e.event === 'change') {
        written.push(e.record)
        metrics?.changed(clock.now(), e.record)
      } else if (e.event === 'failure') {
        metrics?.failed(e.kind)
        monitor.checkEnded({ ok: false, now: clock.now(), error: redact(e.message), written })
        written = []
      }
    },
    checked: (records) => {
      metrics?.checked(clock.now(), records)
      monitor.checkEnded({ ok: true, now: clock.now(), written })
      written = []
    }
  }
}

/** The first line: what is watched, how often, and where metrics and heartbeats go. */
function startLine(
  parsed: Parsed,
  metricsAt: string | undefined
): [Record<string, unknown>, string] {
  const { config, settings } = parsed
  const { timing, deleteOnStop } = settings
  const names = managedNames(config)
  const beat = config.monitor?.heartbeatUrl
    ? `; heartbeat every ${duration(Math.max(HEARTBEAT_PERIOD_MS, timing.intervalMs))} while in sync`
    : ''
  return [
    {
      event: 'start',
      hostnames: names,
      intervalSeconds: timing.intervalMs / 1000,
      refreshSeconds: timing.refreshMs / 1000,
      deleteOnStop,
      dryRun: config.dryRun,
      ...(metricsAt ? { metrics: metricsAt } : {})
    },
    `watching ${names.join(', ')}: ${sourceText(config)} every ${duration(timing.intervalMs)}${timing.jitter ? ' (±10%)' : ''}, Route 53 read at least every ${duration(timing.refreshMs)}${deleteOnStop ? '; records deleted on stop' : ''}${config.dryRun ? ' (dry run: nothing is written)' : ''}${beat}${metricsAt ? `; metrics and health at ${metricsAt}` : ''}`
  ]
}

const urlOf = (s: MetricsServer): string =>
  `http://${s.address.host.includes(':') ? `[${s.address.host}]` : s.address.host}:${s.address.port}`

const MAYBE_DELETED =
  '; the delete was sent and not answered, so the records may or may not remain in Route 53 (error above says how to check)'

/** The stop event's `deleted`: true, false, or unknown (sent and never answered). */
const deleted = (failed: boolean, unanswered: boolean): boolean | 'unknown' =>
  !failed || (unanswered ? 'unknown' : false)

const NOT_DELETED =
  '; the records were NOT deleted (error above) and may remain in Route 53: remove them with a one-shot run with the same settings and --state absent'

/** Run watch mode; resolves to the exit code once stopped. */
export async function watchCommand(argv: string[], io: WatchIo): Promise<number> {
  const parsed = parseWatch(argv, io)
  if (!parsed) return EXIT_OK
  const { config, settings } = parsed
  const clock = io.clock ?? realClock
  // The update's per-record lines are debug: the watch prints its own line per change.
  const logger = cliLogger(io, {
    verbose: parsed.verbose,
    info: 'debug',
    lines: 'join',
    repeat: { everyMs: settings.timing.refreshMs, now: clock.now }
  })
  const monitoring = config.monitor ?? { failureIssue: false }
  addMonitorSecrets(monitoring, addSecret)
  const monitor = daemonMonitor(
    monitoring,
    {
      hostnames: managedNames(config),
      dryRun: config.dryRun,
      intervalMs: settings.timing.intervalMs
    },
    {
      logger,
      redact,
      ...(io.send ? { send: io.send } : {}),
      ...(io.notifyTimeoutMs !== undefined ? { timeoutMs: io.notifyTimeoutMs } : {})
    }
  )
  const served = await startMetrics(settings, clock)
  const metrics = served?.metrics
  const stops = new WatchStops({
    tickMs: io.bounds?.tickMs ?? runBoundMs(config),
    stopMs: io.bounds?.stopMs ?? settings.stopTimeoutMs
  })
  const updates = updater(config, io, logger, stops, metrics)
  try {
    return await runWatch(parsed, io, clock, stops, {
      ...sinks(io, parsed, clock, monitor, metrics),
      detect: detector(config, io, logger, clock, stops, metrics),
      apply: updates.apply,
      start: startLine(parsed, served ? urlOf(served.server) : undefined)
    })
  } finally {
    stops.close()
    updates.close()
    await served?.server.close()
    // Monitoring's last calls, inside the stop bound.
    if (!(await stops.within(monitor.drain())))
      logger.warning(`Monitoring calls still unanswered at ${stops.bound} were abandoned.`)
  }
}

/** The loop between the start and stop lines, until a stop request. */
async function runWatch(
  parsed: Parsed,
  io: WatchIo,
  clock: Clock,
  stops: WatchStops,
  parts: Pick<WatchDeps, 'emit' | 'checked' | 'detect' | 'apply'> & {
    start: [Record<string, unknown>, string]
  }
): Promise<number> {
  const print = printer(io, parsed.json, clock.now)
  const unsubscribe = onStopSignals((signal) => stops.onSignal(signal), io.signals)
  try {
    print({ event: 'start', ...parts.start[0] }, parts.start[1])
    const { start: _start, ...deps } = parts
    const { deleteOnStop } = parsed.settings
    const result = await watch(parsed.settings.timing, { ...clock, ...deps }, stops.signal, {
      deleteOnStop
    })
    const by = stops.stoppedBy
    print(
      {
        event: 'stop',
        signal: by ?? '',
        ...(deleteOnStop ? { deleted: deleted(result.failed, stops.deleteUnanswered) } : {})
      },
      `stopped${by ? ` by ${by}` : ''}${result.failed ? (stops.deleteUnanswered ? MAYBE_DELETED : NOT_DELETED) : ''}`
    )
    return result.failed ? EXIT_FAILURE : EXIT_OK
  } finally {
    unsubscribe()
  }
}
