/**
 * The runner port: everything the action says to the GitHub Actions runner goes through a `Runner`.
 * The real one speaks GitHub's documented workflow commands (`::error::` …, stdout) and file
 * commands (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`) itself: loading @actions/core's entry (its
 * HTTP client, undici, @actions/exec) roughly doubles a no-op run's start-up, so it is not used;
 * the OIDC token comes from oidc-token.ts (with the run's limits and proxy). Every text leaves
 * through `redact()`. @actions/core stays the reference: test/action/runner-parity.test.ts runs
 * the same calls through both and requires the same stdout and files.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { addSecret, redact } from '../net/redact.js'
import { requestIdToken } from './oidc-token.js'
import { actionInputVariable } from '../inputs/env.js'
import { LINES, printable } from '../model/text.js'

export interface Runner {
  /** The input's value, trimmed; '' when unset. */
  getInput(name: string): string
  /** Write a step output to GITHUB_OUTPUT (nothing outside a runner, which has none). */
  setOutput(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** An error annotation, and the step fails (exit code 1). */
  setFailed(message: string): void
  /** Mask a value in the runner's log and in everything this run writes from now on. */
  setSecret(value: string): void
  /** Whether this step has a job summary to write to. */
  hasSummary(): boolean
  /** Append Markdown/HTML to the job summary (no-op when there is none). */
  appendSummary(text: string): void
  /** The runner's OIDC token for an audience (masked); `signal` drops the request. */
  getIDToken(audience: string, signal?: AbortSignal): Promise<string>
}

/** Workflow-command message escaping (toolkit `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Workflow-command property escaping (toolkit `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `::command key=value,…::message` */
export function formatCommand(
  command: string,
  properties: Record<string, string>,
  message: string
): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',')
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`
}

/** A `GITHUB_OUTPUT` entry in the heredoc form, with a random delimiter the value cannot contain. */
export function outputEntry(name: string, value: string, delimiter: string): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Output '${name}' contains the file-command delimiter`)
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

interface RunnerIo {
  env: Record<string, string | undefined>
  write: (text: string) => void
  /** Fetches an OIDC token; default requestIdToken (with the run's limits and proxy). */
  getIDToken?: (audience: string, signal?: AbortSignal) => Promise<string>
  /** Sets the exit code on failure; default process.exitCode. */
  setExitCode?: (code: number) => void
}

/** The real runner, reading `env` and writing workflow commands with `write` (default stdout). */
export function createRunner(
  io: RunnerIo = { env: process.env, write: (t) => void process.stdout.write(t) }
): Runner {
  const { env, write } = io
  const setExitCode =
    io.setExitCode ??
    ((code: number): void => {
      process.exitCode = code
    })
  const line = (text: string): void => write(text + EOL)
  // Last guard: whatever a message holds, no control sequence reaches the log (carriage returns
  // are the workflow commands' own business, as in @actions/core).
  const safe = (message: string): string => printable(redact(message), `\r${LINES}`)
  const command = (name: string, message: string): void =>
    line(formatCommand(name, {}, safe(message)))
  const runner: Runner = {
    getInput: (name) => (env[actionInputVariable(name)] ?? '').trim(),
    setOutput(name, value) {
      // Every runner this action supports (2.327+) sets GITHUB_OUTPUT; outside one, nothing reads it.
      const file = env.GITHUB_OUTPUT
      if (file) {
        appendFileSync(
          file,
          outputEntry(name, redact(value), `ghadelimiter_${randomUUID()}`),
          'utf8'
        )
      }
    },
    info: (message) => line(safe(message)),
    warning: (message) => command('warning', message),
    debug: (message) => command('debug', message),
    setFailed(message) {
      setExitCode(1)
      command('error', message)
    },
    setSecret(value) {
      addSecret(value)
      // One command, as the toolkit sends it: the runner masks the value and each of its lines.
      line(formatCommand('add-mask', {}, value))
    },
    hasSummary: () => Boolean(env.GITHUB_STEP_SUMMARY),
    appendSummary(text) {
      const file = env.GITHUB_STEP_SUMMARY
      if (file) appendFileSync(file, redact(text), 'utf8')
    },
    getIDToken:
      io.getIDToken ??
      ((audience, signal) =>
        requestIdToken(audience, {
          env,
          setSecret: (value) => runner.setSecret(value),
          ...(signal ? { signal } : {})
        }))
  }
  return runner
}
