/** Where the CLI reads and writes, and its exit codes; shared by the commands, injected by tests. */
import type { Send } from '../notify/http.js'
import type { update } from '../update.js'

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
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
