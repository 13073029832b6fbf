/** Where the CLI reads and writes, and its exit codes; shared by the commands, injected by tests. */
import type { Send } from '../notify/http.js'
import type { update } from '../core/update.js'
import type { SignalSource, StopSignal } from '../core/lifecycle.js'
import type { Logger } from '../model/types.js'

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
  /** Where stop signals arrive (SIGINT, SIGTERM, SIGHUP; SIGBREAK on Windows); default the process. */
  signals?: SignalSource
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
/** 128 + the signal's number, as shells report a process a signal ended (SIGBREAK is 21 on Windows). */
export const EXIT_CANCELLED: Readonly<Record<StopSignal | (string & {}), number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
  SIGBREAK: 149
}

/** A message as one line: line breaks and the spaces around them become one space. */
export const oneLine = (m: string): string => m.replace(/\s*\r?\n\s*/g, ' ')

export interface LogOptions {
  verbose: boolean
  /** Where info lines go: stdout, stderr (with --json, stdout carries only the JSON) or debug. */
  info: 'stdout' | 'stderr' | 'debug'
  /** How a multi-line message is written: continuation lines indented, or joined into one line. */
  lines: 'indent' | 'join'
  /** Write the same warning at most once per `everyMs` (a long-running watch). */
  repeat?: { everyMs: number; now: () => number }
}

/** The CLI's one logger: the update's messages, written to the Io as the command asks. */
export function cliLogger(io: Io, options: LogOptions): Logger {
  const shape =
    options.lines === 'join' ? oneLine : (m: string): string => m.replace(/\r?\n/g, '\n  ')
  const debug = (m: string): void => {
    if (options.verbose) io.stderr.write(`debug: ${shape(m)}\n`)
  }
  const infoOut = options.info === 'stderr' ? io.stderr : io.stdout
  const warned = new Map<string, number>()
  const repeat = options.repeat
  return {
    info: options.info === 'debug' ? debug : (m) => void infoOut.write(`${shape(m)}\n`),
    debug,
    warning: (m) => {
      if (repeat) {
        const last = warned.get(m)
        if (last !== undefined && repeat.now() - last < repeat.everyMs) return
        warned.set(m, repeat.now())
      }
      io.stderr.write(`warning: ${shape(m)}\n`)
    }
  }
}
