/** Watch mode's lines: one per event in text, or one JSON object each with --json. */
import { describeRecord } from '../../core/update.js'
import { withoutRequestId } from '../../model/errors.js'
import type { Config } from '../../model/types.js'
import { oneLine, type Io } from '../io.js'
import type { ChangeReason, WatchEvent } from './loop.js'

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
export function printer(io: Io, json: boolean, now: () => number) {
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
export function describer(): (e: WatchEvent) => string {
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

/** What the watch follows, in words: `IPv4 from eth0`, `IPv6 by public detection`, the given address. */
export function sourceText(config: Config): string {
  const d = config.detection
  if (!d) return `the given address ${[...config.ipv4, ...config.ipv6].join(', ')}`
  const family = d.version === 'both' ? 'IPv4 and IPv6' : `IPv${d.version}`
  const how =
    d.source === 'local' ? `from ${d.interface ?? 'the interfaces'}` : `by ${d.source} detection`
  return `${family} ${how}`
}
