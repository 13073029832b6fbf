/** Watch mode's own settings from flags and ROUTE53_DDNS_* variables, parsed by inputs/. */
import { InputError } from '../../model/errors.js'
import { parseBoolean, parseWholeNumber } from '../../inputs/inputs.js'
import { parseListen, type Listen } from '../../inputs/listen.js'
import type { Config } from '../../model/types.js'
import { UsageError, envName } from '../args.js'
import type { WatchTiming } from './loop.js'
import {
  DEFAULT_INTERVAL_SECONDS,
  DEFAULT_REFRESH_SECONDS,
  MAX_INTERVAL_SECONDS,
  MAX_REFRESH_SECONDS,
  DEFAULT_STOP_TIMEOUT_SECONDS,
  MAX_STOP_TIMEOUT_SECONDS,
  MIN_PUBLIC_INTERVAL_SECONDS,
  PUBLIC_JITTER,
  type WatchOption
} from './options.js'

export interface WatchSettings {
  timing: WatchTiming
  deleteOnStop: boolean
  /** From the first stop signal to exit, the delete on stop included. */
  stopTimeoutMs: number
  /** Where `/metrics` and `/healthz` are served; off when absent. */
  metrics?: Listen
}

type Raw = (name: WatchOption) => { text: string; from: string }

/** An option's text (the flag wins over its variable) and where it came from. */
function rawReader(values: Map<string, string>, env: Record<string, string | undefined>): Raw {
  return (name) => {
    const flag = values.get(name)
    if (flag !== undefined) return { text: flag.trim(), from: `--${name}` }
    return { text: (env[envName(name)] ?? '').trim(), from: envName(name) }
  }
}

/** `parse(from, text)`, with an InputError turned into a usage error naming the flag or variable. */
function named<T>(
  raw: { text: string; from: string },
  parse: (from: string, text: string) => T
): T {
  try {
    return parse(raw.from, raw.text)
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(`${raw.from}: ${err.problem}`)
    throw err
  }
}

function intervalSeconds(raw: Raw, kind: keyof typeof DEFAULT_INTERVAL_SECONDS): number {
  const i = raw('interval')
  if (!i.text) return DEFAULT_INTERVAL_SECONDS[kind]
  const interval = named(i, (from, text) => parseWholeNumber(from, text, 1, MAX_INTERVAL_SECONDS))
  if (kind === 'public' && interval < MIN_PUBLIC_INTERVAL_SECONDS) {
    throw new UsageError(
      `${i.from}: ${interval} s is too often for ip-source public: each check asks free address-echo services, so the interval is at least ${MIN_PUBLIC_INTERVAL_SECONDS} s with public detection (ip-source local, command or a given ip may check every second)`
    )
  }
  return interval
}

function refreshSeconds(raw: Raw, interval: number): number {
  const r = raw('refresh')
  if (!r.text) return Math.max(DEFAULT_REFRESH_SECONDS, interval)
  const refresh = named(r, (from, text) => parseWholeNumber(from, text, 1, MAX_REFRESH_SECONDS))
  if (refresh < interval) {
    throw new UsageError(
      `${r.from}: ${refresh} is shorter than the interval (${interval} s); Route 53 is read at most once a tick`
    )
  }
  return refresh
}

/** Interval, refresh, delete-on-stop, stop-timeout and metrics from flags or variables, checked against the config. */
export function watchSettings(
  values: Map<string, string>,
  env: Record<string, string | undefined>,
  config: Config
): WatchSettings {
  const raw = rawReader(values, env)
  if (config.state === 'absent') {
    throw new UsageError(
      `${values.has('state') ? '--state' : envName('state')}: watch keeps records present; delete them with a one-shot run (route53-ddns --state absent) or use --delete-on-stop`
    )
  }
  const kind = config.detection?.source ?? 'fixed'
  const interval = intervalSeconds(raw, kind)
  const refresh = refreshSeconds(raw, interval)
  const d = raw('delete-on-stop')
  const m = raw('metrics')
  const t = raw('stop-timeout')
  const stopTimeout = t.text
    ? named(t, (from, text) => parseWholeNumber(from, text, 1, MAX_STOP_TIMEOUT_SECONDS))
    : DEFAULT_STOP_TIMEOUT_SECONDS
  return {
    timing: {
      intervalMs: interval * 1000,
      refreshMs: refresh * 1000,
      jitter: kind === 'public' ? PUBLIC_JITTER : 0
    },
    deleteOnStop: d.text !== '' && named(d, parseBoolean),
    stopTimeoutMs: stopTimeout * 1000,
    ...(m.text ? { metrics: named(m, parseListen) } : {})
  }
}
