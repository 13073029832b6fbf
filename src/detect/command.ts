import { spawn } from 'node:child_process'
import { isIP } from 'node:net'
import { UpdateError, shown } from '../model/errors.js'
import { commandLabel } from '../inputs/ip-command.js'
import { parseEchoBody, type EchoParse } from './public.js'

/**
 * `ip-source: command`: run a program the operator configured (never built from event data) and
 * read this machine's address from its stdout, parsed as strictly as an echo service's answer.
 * The program is started without a shell, so no text is ever interpreted by one.
 */

/** Default limit on one run of the command. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000
/** Largest output accepted; one or two addresses are far smaller. */
export const MAX_COMMAND_OUTPUT_BYTES = 4096

/** Credentials of this run that the command has no business seeing. */
const WITHHELD_ENV = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'GITHUB_TOKEN'
]

export interface RunCommandOptions {
  timeoutMs?: number
  /** Environment of this process; the run's own credentials are removed before the command sees it. */
  env?: NodeJS.ProcessEnv
  /** Stops the command (the process group is killed). */
  signal?: AbortSignal
  maxOutputBytes?: number
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const last = lines[lines.length - 1]
  return last ? `: ${shown(last.trim()).slice(0, 200)}` : ''
}

/**
 * Run argv without a shell, in its own process group, with stdin closed. Resolves with stdout;
 * rejects with an UpdateError naming the command for a start failure, a non-zero exit, a signal,
 * a timeout (the whole group is killed), output over the limit or output that is not UTF-8.
 */
export function runCommand(argv: readonly string[], opts: RunCommandOptions = {}): Promise<string> {
  const label = commandLabel(argv)
  const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS
  const maxBytes = opts.maxOutputBytes ?? MAX_COMMAND_OUTPUT_BYTES
  const env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env) }
  for (const name of WITHHELD_ENV) delete env[name]

  return new Promise<string>((resolve, reject) => {
    let settled = false
    const out: Buffer[] = []
    let outBytes = 0
    let err = ''
    const child = spawn(argv[0] as string, argv.slice(1), {
      shell: false,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env
    })
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
    const finish = (error: Error | undefined, stdout = ''): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (error) {
        killGroup()
        // A grandchild may still hold the pipes open: stop reading them.
        child.stdout?.destroy()
        child.stderr?.destroy()
        reject(error)
      } else {
        resolve(stdout)
      }
    }
    const onAbort = (): void => finish(new UpdateError(`${label} was stopped`))
    const timer = setTimeout(
      () => finish(new UpdateError(`${label} did not finish within ${timeoutMs / 1000} s`)),
      timeoutMs
    )
    if (opts.signal?.aborted) return onAbort()
    opts.signal?.addEventListener('abort', onAbort)

    child.on('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'ENOENT' ? 'not found' : e.code === 'EACCES' ? 'not executable' : ''
      finish(
        new UpdateError(
          `${label} could not be started: ${e.code ?? e.message}${why ? ` (${why})` : ''}`
        )
      )
    })
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length
      if (outBytes > maxBytes) {
        finish(new UpdateError(`${label} printed more than ${maxBytes} bytes`))
        return
      }
      out.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < maxBytes) err += chunk.toString('utf8')
    })
    child.on('close', (code, signal) => {
      if (signal) return finish(new UpdateError(`${label} was killed by ${signal}${lastLine(err)}`))
      if (code !== 0)
        return finish(new UpdateError(`${label} exited with code ${code}${lastLine(err)}`))
      let text: string
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(out))
      } catch {
        return finish(new UpdateError(`${label} printed something that is not text`))
      }
      finish(undefined, text)
    })
  })
}

/**
 * Read the command's stdout for each requested family. For one family the whole output must be
 * exactly one address of it (or a trace-format `ip=` line), as an echo answer. For both, each
 * non-empty line must be one address, at most one per family; a family without a line fails alone.
 * Addresses must be globally routable, as from an echo service.
 */
export function parseCommandOutput(
  stdout: string,
  families: readonly (4 | 6)[]
): Map<4 | 6, EchoParse> {
  const results = new Map<4 | 6, EchoParse>()
  if (families.length === 1) {
    const family = families[0] as 4 | 6
    results.set(family, parseEchoBody(stdout, family))
    return results
  }
  const lines = stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const fail = (reason: string): Map<4 | 6, EchoParse> => {
    for (const f of families) results.set(f, { ok: false, reason })
    return results
  }
  if (lines.length === 0) return fail('answered with an empty body')
  if (lines.length > 2) return fail(`answered ${lines.length} lines, not one address per family`)
  const byFamily = new Map<4 | 6, string[]>()
  for (const line of lines) {
    const family = isIP(line)
    if (family === 0) {
      const junk = parseEchoBody(line, 4)
      return fail(junk.ok ? 'answered something that is not an address' : junk.reason)
    }
    byFamily.set(family as 4 | 6, [...(byFamily.get(family as 4 | 6) ?? []), line])
  }
  for (const family of families) {
    const found = byFamily.get(family) ?? []
    if (found.length === 0)
      results.set(family, { ok: false, reason: `answered no IPv${family} address` })
    else if (found.length > 1) {
      results.set(family, {
        ok: false,
        reason: `answered ${found.length} IPv${family} addresses, not exactly one`
      })
    } else results.set(family, parseEchoBody(found[0] as string, family))
  }
  return results
}
