// Where `watch --metrics` listens and where `health` asks: `[HOST:]PORT`. Pure.
import { isIP } from 'node:net'
import { InputError, shown } from '../model/errors.js'
import { parseWholeNumber } from './inputs.js'

/** A listening address: a literal IP (or `localhost`) and a port. */
export interface Listen {
  host: string
  port: number
}

/** A bare port binds loopback only: metrics are not published to the network unless asked. */
const DEFAULT_LISTEN_HOST = '127.0.0.1'

/**
 * `PORT`, `HOST:PORT` or `[IPv6]:PORT` (an IPv6 host in brackets). `name` is what errors name
 * (`--metrics`, `ROUTE53_DDNS_METRICS`). Hosts are literal addresses or `localhost`: a name that
 * resolves elsewhere would publish the metrics somewhere unexpected.
 */
export function parseListen(name: string, text: string): Listen {
  const value = text.trim()
  if (/^\d+$/.test(value)) return { host: DEFAULT_LISTEN_HOST, port: port(name, value) }
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+)):([^:]*)$/.exec(value)
  if (!m) {
    throw new InputError(
      name,
      `'${shown(value)}' is not PORT, HOST:PORT or [IPv6]:PORT (e.g. 9101 or 0.0.0.0:9101)`
    )
  }
  const host = m[1] ?? m[2] ?? ''
  const family = isIP(host)
  if (m[1] !== undefined ? family !== 6 : family !== 4 && host !== 'localhost') {
    throw new InputError(
      name,
      `'${shown(host)}' is not an IP address (give 127.0.0.1, 0.0.0.0, [::1], [::] or another literal address)`
    )
  }
  return { host, port: port(name, m[3] ?? '') }
}

function port(name: string, text: string): number {
  // 0 lets the system choose a free port (the watch prints the one it got).
  return parseWholeNumber(name, text, 0, 65535)
}

/**
 * The URL of `/healthz` on a server listening at `listen`: a wildcard host (listening everywhere)
 * is asked on loopback of its family.
 */
export function healthUrl(listen: Listen): string {
  const host = listen.host === '0.0.0.0' ? '127.0.0.1' : listen.host === '::' ? '::1' : listen.host
  const shownHost = isIP(host) === 6 ? `[${host}]` : host
  return `http://${shownHost}:${listen.port}/healthz`
}
