/** Where the CLI reads and writes, and its exit codes; shared by the commands, injected by tests. */
import type { Send } from '../notify/http.js'
import type { update } from '../update.js'
import type { SignalSource } from '../lifecycle.js'

export interface Io {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  env: Record<string, string | undefined>
  /** This machine's hostname (for host-map); default os.hostname(). */
  machine?: string
  /** Replaces the core update (tests). */
  update?: typeof update
  /** Monitoring calls (tests): the request function and the limit per call. */
  send?: Send
  notifyTimeoutMs?: number
  /** Where SIGINT and SIGTERM arrive; default the process. */
  signals?: SignalSource
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
/** 128 + the signal's number, as shells report a process a signal ended. */
export const EXIT_CANCELLED: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 }
