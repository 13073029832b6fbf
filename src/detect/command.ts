import { spawn, type ChildProcess } from 'node:child_process'
import { isIP } from 'node:net'
import { UpdateError } from '../model/errors.js'
import { excerpt } from '../model/text.js'
import { redact } from '../net/redact.js'
import { commandLabel } from '../inputs/ip-command.js'
import { withoutSecrets } from '../inputs/env.js'
import { parseEchoBody, type EchoParse } from './public.js'
import { killTree, spawnPlan } from './process.js'

/**
 * `ip-source: command`: run a program the operator configured (never built from event data) and
 * read this machine's address from its stdout, parsed as strictly as an echo service's answer.
 * The program is started without a shell, so no text is ever interpreted by one (a Windows batch
 * file goes through cmd.exe with each argument quoted, or is refused: detect/process.ts).
 */

/** Default limit on one run of the command. */
const DEFAULT_COMMAND_TIMEOUT_MS = 10_000
/** Largest output accepted; one or two addresses are far smaller. */
const MAX_COMMAND_OUTPUT_BYTES = 4096

interface RunCommandOptions {
  timeoutMs?: number
  /** Environment of this process; every secret variable (inputs/env.ts) is removed from it. */
  env?: NodeJS.ProcessEnv
  /**
   * Whose rules start and stop the command (detect/process.ts) and match variable names
   * (case-insensitively on Windows); default this process's platform.
   */
  platform?: NodeJS.Platform
  /** Stops the command (it and everything it started are killed). */
  signal?: AbortSignal
  maxOutputBytes?: number
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const last = lines[lines.length - 1]
  return last ? `: ${excerpt(last, 200, redact)}` : ''
}

/** The message for a command that did not start (a synchronous throw or an 'error' event). */
function startFailure(label: string, e: unknown): UpdateError {
  if (e instanceof UpdateError) return new UpdateError(`${label}: ${e.message}`)
  const err = e as NodeJS.ErrnoException
  const why =
    err.code === 'ENOENT'
      ? 'not found'
      : err.code === 'EACCES'
        ? 'not executable'
        : err.code === 'EINVAL'
          ? 'Windows refused to start it'
          : ''
  return new UpdateError(
    `${label} could not be started: ${err.code ?? err.message}${why ? ` (${why})` : ''}`
  )
}

/**
 * Run argv without a shell (a Windows batch file through cmd.exe, its arguments quoted), with
 * stdin closed. Resolves with stdout; rejects with an UpdateError naming the command for a start
 * failure, a non-zero exit, a signal, a timeout or a stop (the command and everything it started
 * are killed), output over the limit or output that is not UTF-8.
 */
export function runCommand(argv: readonly string[], opts: RunCommandOptions = {}): Promise<string> {
  const label = commandLabel(argv)
  const platform = opts.platform ?? process.platform
  const env = withoutSecrets(opts.env ?? process.env, platform)

  return new Promise<string>((resolve, reject) => {
    let child: ChildProcess
    try {
      const plan = spawnPlan(argv, env, platform, process.env.ComSpec)
      child = spawn(plan.file, plan.args, plan.options)
    } catch (e) {
      // Node throws some refusals (EINVAL for a batch file) instead of emitting 'error'.
      return reject(startFailure(label, e))
    }
    superviseCommand(child, label, platform, opts).then(resolve, reject)
  })
}

/** Collect the child's output under the time and size limits; kill its tree on any failure. */
function superviseCommand(
  child: ChildProcess,
  label: string,
  platform: NodeJS.Platform,
  opts: RunCommandOptions
): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS
  const maxBytes = opts.maxOutputBytes ?? MAX_COMMAND_OUTPUT_BYTES
  return new Promise<string>((resolve, reject) => {
    let settled = false
    const out: Buffer[] = []
    let outBytes = 0
    let err = ''
    const finish = (error: Error | undefined, stdout = ''): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (!error) return resolve(stdout)
      killTree(child, platform)
      // A grandchild may still hold the pipes open: stop reading them.
      child.stdout?.destroy()
      child.stderr?.destroy()
      reject(error)
    }
    const onAbort = (): void => finish(new UpdateError(`${label} was stopped`))
    const timer = setTimeout(
      () => finish(new UpdateError(`${label} did not finish within ${timeoutMs / 1000} s`)),
      timeoutMs
    )
    if (opts.signal?.aborted) return onAbort()
    opts.signal?.addEventListener('abort', onAbort)

    child.on('error', (e) => finish(startFailure(label, e)))
    child.stdout?.on('data', (chunk: Buffer) => {
      outBytes += chunk.length
      if (outBytes > maxBytes)
        finish(new UpdateError(`${label} printed more than ${maxBytes} bytes`))
      else out.push(chunk)
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      if (err.length < maxBytes) err += chunk.toString('utf8')
    })
    child.on('close', (code, signal) => {
      if (signal) return finish(new UpdateError(`${label} was killed by ${signal}${lastLine(err)}`))
      if (code !== 0)
        return finish(new UpdateError(`${label} exited with code ${code}${lastLine(err)}`))
      try {
        finish(undefined, new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(out)))
      } catch {
        finish(new UpdateError(`${label} printed something that is not text`))
      }
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
