/**
 * `route53-ddns watch`: the one-shot run's options plus --interval, --refresh and --delete-on-stop,
 * run by the loop in ../watch.ts until SIGTERM or SIGINT. This file is the shell: flags, the real
 * clock and signals, and one line (or one JSON object) per event.
 */
import { setTimeout as delay } from 'node:timers/promises'
import { detectAddresses, type Detected } from '../../detect/index.js'
import { withoutRequestId } from '../../model/errors.js'
import { createRoute53Client } from '../../aws/route53.js'
import { describeRecord, managedNames, update } from '../../core/update.js'
import { watch, type ChangeReason, type WatchEvent, type WatchTiming } from './loop.js'
import type { Config, DetectionConfig, Logger } from '../../model/types.js'
import { UsageError, envName, mainSpecs, refusals, parseFlags, type FlagSpec } from '../args.js'
import { readConfig } from '../config.js'
import { watchHelpText } from '../help.js'
import {
  DEFAULT_INTERVAL_SECONDS,
  DEFAULT_REFRESH_SECONDS,
  MAX_INTERVAL_SECONDS,
  MAX_REFRESH_SECONDS,
  PUBLIC_JITTER,
  type WatchOption
} from './options.js'
import { cliLogger, EXIT_FAILURE, EXIT_OK, oneLine, type Io } from '../io.js'

/** What watch mode adds to the CLI's Io; tests inject a fake clock, signals and detection. */
export interface WatchIo extends Io {
  clock?: {
    now(): number
    sleep(ms: number, signal: AbortSignal): Promise<void>
    random(): number
  }
  /** Calls `stop` on a stop request (default: SIGTERM, SIGINT); returns an unsubscribe. */
  onStop?: (stop: (signal: string) => void) => () => void
  /** Replaces address detection. */
  detect?: (
    cfg: DetectionConfig,
    deps: { logger: Logger; signal: AbortSignal }
  ) => Promise<Detected>
}

export function watchSpecs(): Record<string, FlagSpec> {
  return {
    ...mainSpecs(),
    interval: { type: 'string', multiple: false },
    refresh: { type: 'string', multiple: false },
    'delete-on-stop': { type: 'boolean', multiple: false }
  }
}

function seconds(name: WatchOption, text: string, min: number, max: number, from: string): number {
  if (!/^\d+$/.test(text))
    throw new UsageError(`${from}: '${text}' is not a whole number of seconds`)
  const n = Number(text)
  if (n < min || n > max) throw new UsageError(`${from}: ${n} is out of range (${min} … ${max})`)
  return n
}

/** Interval, refresh and delete-on-stop from flags or variables, checked against the config. */
export function watchSettings(
  values: Map<string, string>,
  env: Record<string, string | undefined>,
  config: Config
): { timing: WatchTiming; deleteOnStop: boolean } {
  const raw = (name: WatchOption): { text: string; from: string } => {
    const flag = values.get(name)
    if (flag !== undefined) return { text: flag.trim(), from: `--${name}` }
    return { text: (env[envName(name)] ?? '').trim(), from: envName(name) }
  }
  const kind = config.detection?.source ?? 'fixed'
  const i = raw('interval')
  const interval = i.text
    ? seconds('interval', i.text, 1, MAX_INTERVAL_SECONDS, i.from)
    : DEFAULT_INTERVAL_SECONDS[kind]
  const r = raw('refresh')
  const refresh = r.text
    ? seconds('refresh', r.text, 1, MAX_REFRESH_SECONDS, r.from)
    : Math.max(DEFAULT_REFRESH_SECONDS, interval)
  if (refresh < interval) {
    throw new UsageError(
      `${r.from}: ${refresh} is shorter than the interval (${interval} s); Route 53 is read at most once a tick`
    )
  }
  const d = raw('delete-on-stop')
  let deleteOnStop = false
  if (d.text !== '') {
    if (['true', 'True', 'TRUE'].includes(d.text)) deleteOnStop = true
    else if (!['false', 'False', 'FALSE'].includes(d.text)) {
      throw new UsageError(`${d.from}: '${d.text}' is not a boolean (use true or false)`)
    }
  }
  for (const name of ['heartbeat-url', 'notify-url'] as const) {
    const given = values.has(name)
      ? `--${name}`
      : (env[envName(name)] ?? '').trim()
        ? envName(name)
        : ''
    if (given) {
      throw new UsageError(
        `${given}: monitoring is for one-shot runs; watch mode prints each change and failure itself (use --json to feed a monitor)`
      )
    }
  }
  if (config.state === 'absent') {
    throw new UsageError(
      `${values.has('state') ? '--state' : envName('state')}: watch keeps records present; delete them with a one-shot run (route53-ddns --state absent) or use --delete-on-stop`
    )
  }
  return {
    timing: {
      intervalMs: interval * 1000,
      refreshMs: refresh * 1000,
      jitter: kind === 'public' ? PUBLIC_JITTER : 0
    },
    deleteOnStop
  }
}

/** `5 s`, `5 min`, `1 h`, `1.5 h`. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 120) return `${s} s`
  if (s < 3600) return `${Math.round(s / 60)} min`
  return `${Math.round(s / 360) / 10} h`
}

const REASON: Record<ChangeReason, string> = {
  start: 'at start',
  address: 'the address changed',
  refresh: 'corrected at the periodic read: the record had been changed',
  retry: 'after a failure',
  stop: 'on stop'
}

/** The watch's own lines: events on stdout (failures on stderr), or one JSON object each. */
function printer(io: Io, json: boolean, now: () => number) {
  const time = (): string => new Date(now()).toISOString()
  return (
    e: WatchEvent | { event: 'start' | 'stop'; [k: string]: unknown },
    text: string
  ): void => {
    if (json) {
      let body: Record<string, unknown>
      if (e.event === 'change') body = { event: e.event, reason: e.reason, ...e.record }
      else if (e.event === 'failure') {
        const { retryInMs, ...rest } = e
        body = {
          ...rest,
          ...(retryInMs !== undefined ? { retryInSeconds: Math.round(retryInMs / 1000) } : {})
        }
      } else if (e.event === 'heartbeat') {
        const { nextReadMs, ...rest } = e
        body = { ...rest, nextReadSeconds: Math.round(nextReadMs / 1000) }
      } else body = { ...e }
      io.stdout.write(`${JSON.stringify({ time: time(), ...body })}\n`)
      return
    }
    const out = e.event === 'failure' ? io.stderr : io.stdout
    out.write(`${oneLine(text)}\n`)
  }
}

/** Text lines for the loop's events; a failure repeating the previous one is shortened. */
function describer(): (e: WatchEvent) => string {
  let lastFailure = ''
  return (e) => {
    switch (e.event) {
      case 'change':
        return `${describeRecord(e.record)}: ${REASON[e.reason]}`
      case 'heartbeat': {
        const addresses = [...e.ipv4, ...e.ipv6].join(', ') || '(none)'
        const noun = e.records === 1 ? 'record' : 'records'
        return `in sync: ${e.records} ${noun} at ${addresses}; Route 53 is read again within ${duration(e.nextReadMs)}`
      }
      case 'failure': {
        const repeated = e.failures > 1 && withoutRequestId(e.message) === lastFailure
        lastFailure = withoutRequestId(e.message)
        const first = e.message.split(/\r?\n/)[0] ?? ''
        const text = repeated && first !== e.message ? `${first} … (as before)` : e.message
        const retry =
          e.retryInMs !== undefined
            ? ` (failure ${e.failures} in a row; next try in ${duration(e.retryInMs)})`
            : ''
        return `error: ${text}${retry}`
      }
      case 'recovered':
        lastFailure = ''
        return `recovered after ${e.failures} failure${e.failures === 1 ? '' : 's'}`
    }
  }
}

function processSignals(stop: (signal: string) => void): () => void {
  let count = 0
  const onSignal = (signal: NodeJS.Signals): void => {
    // A second signal means "now": leave without finishing the write in flight.
    if (++count > 1) process.exit(signal === 'SIGINT' ? 130 : 143)
    stop(signal)
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  return () => {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
  }
}

const realClock = {
  now: (): number => performance.timeOrigin + performance.now(),
  sleep: (ms: number, signal: AbortSignal): Promise<void> =>
    delay(ms, undefined, { signal }).catch(() => undefined),
  random: Math.random
}

function sourceText(config: Config): string {
  const d = config.detection
  if (!d) return `the given address ${[...config.ipv4, ...config.ipv6].join(', ')}`
  const family = d.version === 'both' ? 'IPv4 and IPv6' : `IPv${d.version}`
  const how =
    d.source === 'local' ? `from ${d.interface ?? 'the interfaces'}` : `by ${d.source} detection`
  return `${family} ${how}`
}

/** Run watch mode; resolves to the exit code once stopped. */
export async function watchCommand(argv: string[], io: WatchIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, watchSpecs(), refusals())
  if (values.get('help') === 'true') {
    io.stdout.write(watchHelpText())
    return EXIT_OK
  }
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument '${positionals[0] ?? ''}' (names go in --hostname)`)
  }
  if (values.get('version') === 'true')
    throw new UsageError('--version: use route53-ddns --version')
  const { config } = readConfig(values, io)
  const { timing, deleteOnStop } = watchSettings(values, io.env, config)
  const json = values.get('json') === 'true'
  const clock = io.clock ?? realClock
  // The update's per-record lines are debug: the watch prints its own line per change.
  const logger = cliLogger(io, {
    verbose: values.get('verbose') === 'true',
    info: 'debug',
    lines: 'join',
    repeat: { everyMs: timing.refreshMs, now: clock.now }
  })
  const print = printer(io, json, clock.now)
  const describeEvent = describer()

  const run = io.update ?? update
  const client = io.update ? undefined : createRoute53Client({ region: config.region })
  const fixed: Detected = {
    ipv4: config.ipv4,
    ipv6: config.ipv6,
    origins: [
      ...config.ipv4.map((address) => ({ family: 4 as const, address, how: 'input' })),
      ...config.ipv6.map((address) => ({ family: 6 as const, address, how: 'input' }))
    ]
  }
  const detection = config.detection
  const detect = (signal: AbortSignal): Promise<Detected> => {
    if (!detection) return Promise.resolve(fixed)
    if (io.detect) return io.detect(detection, { logger, signal })
    return detectAddresses(detection, { logger, signal, env: io.env })
  }
  const { detection: _unused, ...withoutDetection } = config
  const absent: Config = { ...withoutDetection, state: 'absent', ipv4: [], ipv6: [] }

  const stop = new AbortController()
  let stoppedBy = ''
  const unsubscribe = (io.onStop ?? processSignals)((signal) => {
    stoppedBy = signal
    stop.abort()
  })
  const names = managedNames(config)
  print(
    {
      event: 'start',
      hostnames: names,
      intervalSeconds: timing.intervalMs / 1000,
      refreshSeconds: timing.refreshMs / 1000,
      deleteOnStop,
      dryRun: config.dryRun
    },
    `watching ${names.join(', ')}: ${sourceText(config)} every ${duration(timing.intervalMs)}${timing.jitter ? ' (±10%)' : ''}, Route 53 read at least every ${duration(timing.refreshMs)}${deleteOnStop ? '; records deleted on stop' : ''}${config.dryRun ? ' (dry run: nothing is written)' : ''}`
  )
  try {
    const result = await watch(
      timing,
      {
        ...clock,
        detect,
        apply: (target) =>
          run(target === 'absent' ? absent : config, {
            logger,
            ...(client ? { client } : {}),
            ...(target !== 'absent' ? { detect: () => Promise.resolve(target) } : {})
          }),
        emit: (e) => print(e, describeEvent(e))
      },
      stop.signal,
      { deleteOnStop }
    )
    print(
      { event: 'stop', signal: stoppedBy },
      `stopped${stoppedBy ? ` by ${stoppedBy}` : ''}${result.failed ? '; deleting the records failed' : ''}`
    )
    return result.failed ? EXIT_FAILURE : EXIT_OK
  } finally {
    unsubscribe()
    client?.destroy()
  }
}
