/** Watch mode's own options and defaults (data only, shared by the command and its help). */

/** Watch mode's own options: flags with ROUTE53_DDNS_* variables, not action inputs. */
export const WATCH_OPTIONS = {
  interval: {
    metavar: 'SECONDS',
    description:
      'Seconds between address checks: 1 and up for ip-source local, command or a given ip; 30 and up for public detection (each check asks free echo services). Default: 5 for ip-source local or a given ip (a check costs no network), 60 for ip-source command, 300 for public detection (each wait varied by ±10% so machines started together spread out).'
  },
  refresh: {
    metavar: 'SECONDS',
    description:
      'Read Route 53 at least this often even when the address has not changed, correcting records edited by someone else; at least the interval. Default: 3600.'
  },
  metrics: {
    metavar: '[HOST:]PORT',
    description:
      'Serve `/metrics` (Prometheus text format) and `/healthz` (200 while a check succeeded within the last 3 intervals, at least 60 s; 503 otherwise) on this address. A bare port listens on 127.0.0.1 only; 0.0.0.0:PORT or [::]:PORT listens on every interface. Off by default.'
  },
  'delete-on-stop': {
    metavar: undefined,
    description:
      'On a stop signal (SIGTERM, SIGINT, SIGHUP; on Windows Ctrl-C, Ctrl+Break, closing the console), delete the records this machine publishes before exiting (with set-identifier, only its own member).'
  },
  'stop-timeout': {
    metavar: 'SECONDS',
    description:
      "The most time from a stop signal to exit: a write in flight may finish (at most 5 s), then --delete-on-stop runs in what is left; a request still unanswered then is dropped and the watch exits 1 saying so. Default: 8 (inside docker stop's 10 s and the runner's 7.5 s + 2.5 s)."
  }
} as const

export type WatchOption = keyof typeof WATCH_OPTIONS

export const DEFAULT_INTERVAL_SECONDS = { fixed: 5, local: 5, command: 60, public: 300 } as const
export const DEFAULT_REFRESH_SECONDS = 3600
export const MAX_INTERVAL_SECONDS = 86_400
/** Public detection asks two free echo services per check: no more than twice a minute. */
export const MIN_PUBLIC_INTERVAL_SECONDS = 30
export const MAX_REFRESH_SECONDS = 7 * 86_400
export const DEFAULT_STOP_TIMEOUT_SECONDS = 8
export const MAX_STOP_TIMEOUT_SECONDS = 600
/** ±10% on every wait with public detection, so a fleet does not ask the echo services in step. */
export const PUBLIC_JITTER = 0.1
