/**
 * The command line: the same core as the action, for machines with no runner (cron, systemd).
 * flags/env → parseInputs → update (with detection) → plain lines or --json. Never prints GitHub
 * workflow commands. Exit codes: 0 success, 1 failure, 2 usage error, 130 / 143 cancelled by
 * SIGINT / SIGTERM (after reporting what was applied).
 */
import { InputError } from '../model/errors.js'
import { INPUTS, parseMonitoringInputs } from '../inputs/inputs.js'
import { detectAddresses } from '../detect/index.js'
import { update, type UpdateOutcome } from '../core/update.js'
import { recordCounts } from '../core/counts.js'
import { Lifecycle, cancelOnSignals, runBoundMs } from '../core/lifecycle.js'
import type { Config, Logger, RecordReport } from '../model/types.js'
import { UsageError, inputGetter, mainSpecs, parseFlags, refusals } from './args.js'
import { helpText } from './help.js'
import { cliLogger, EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Io } from './io.js'
import { policyCommand } from './policy.js'
import { configFrom, inputUsageError } from './config.js'
import { addEnvSecrets, addSecret, redact } from '../net/redact.js'
import { LINES, printable } from '../model/text.js'
import { monitorFromInputs } from '../notify/session.js'
import { watchCommand, type WatchIo } from './watch/command.js'
import { healthCommand } from './health.js'
import { VERSION } from './version.js'

export type { Io }

function defaultIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env }
}

/** `2 records: 1 created, 1 unchanged`, saying so when nothing was written. */
export function summaryLine(records: RecordReport[], dryRun: boolean): string {
  return `${recordCounts(records)}${dryRun ? ' (dry run: nothing was written)' : ''}`
}

function usage(io: Io, message: string, command = 'route53-ddns'): number {
  io.stderr.write(`error: ${message}\nRun '${command} --help' for usage.\n`)
  return EXIT_USAGE
}

/** The same Io, with every secret masked and every control sequence escaped in what it writes. */
function redacted<T extends Io>(io: T): T {
  const safe = (text: string): string => printable(redact(text), LINES)
  return {
    ...io,
    stdout: { write: (text: string) => io.stdout.write(safe(text)) },
    stderr: { write: (text: string) => io.stderr.write(safe(text)) }
  }
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], rawIo: WatchIo = defaultIo()): Promise<number> {
  // AWS error messages can quote the keys and session token the SDK signed with.
  addEnvSecrets(rawIo.env)
  const io = redacted(rawIo)
  try {
    if (argv[0] === 'policy') return policyCommand(argv.slice(1), io)
    if (argv[0] === 'watch') return await watchCommand(argv.slice(1), io)
    if (argv[0] === 'health') return await healthCommand(argv.slice(1), io)
    return await updateCommand(argv, io)
  } catch (err) {
    if (err instanceof UsageError) {
      const sub = ['policy', 'watch', 'health'].includes(argv[0] ?? '') ? argv[0] : undefined
      return usage(io, err.message, sub ? `route53-ddns ${sub}` : undefined)
    }
    const message = err instanceof Error ? err.message : String(err)
    io.stderr.write(`error: ${message}\n`)
    return EXIT_FAILURE
  }
}

/**
 * Help, version, or a misplaced argument: the exit code when the flags ask for no update
 * (a misplaced argument throws a usage error); undefined to go on.
 */
function beforeUpdate(
  values: Map<string, string>,
  positionals: string[],
  io: Io
): number | undefined {
  if (values.get('help') === 'true') {
    io.stdout.write(helpText(VERSION))
    return EXIT_OK
  }
  if (values.get('version') === 'true') {
    io.stdout.write(`${VERSION}\n`)
    return EXIT_OK
  }
  const sub = positionals[0]
  if (sub === 'policy' || sub === 'watch' || sub === 'health') {
    throw new UsageError(`'${sub}' must come first: route53-ddns ${sub} [options]`)
  }
  if (positionals.length > 0) {
    throw new UsageError(
      `unexpected argument '${positionals[0] ?? ''}' (names go in --hostname; the subcommands are 'watch', 'health' and 'policy')`
    )
  }
  return undefined
}

/** One update under its time bound, cancelled by SIGINT/SIGTERM; which signal cancelled it, if one did. */
async function boundedUpdate(
  config: Config,
  io: Io,
  logger: Logger
): Promise<{ outcome: UpdateOutcome; cancelledBy: string | undefined }> {
  const run = io.update ?? update
  const life = new Lifecycle({ boundMs: runBoundMs(config) })
  const unhook = cancelOnSignals(life, io.signals)
  try {
    const outcome = await run(config, {
      logger,
      stop: life,
      detect: (cfg) => detectAddresses(cfg, { logger, signal: life.signal, env: io.env })
    })
    return { outcome, cancelledBy: life.cancelledBy }
  } finally {
    life.close()
    unhook()
  }
}

async function updateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(argv, mainSpecs(), refusals())
  const early = beforeUpdate(values, positionals, io)
  if (early !== undefined) return early
  const json = values.get('json') === 'true'
  const logger = cliLogger(io, {
    verbose: values.get('verbose') === 'true',
    info: json ? 'stderr' : 'stdout',
    lines: 'indent'
  })
  const { get, source } = inputGetter(values, io.env)

  // Monitoring starts first, so a run that fails on its other inputs still reports the failure.
  const monitor = monitorFromInputs(() => parseMonitoringInputs(get), {
    logger,
    addSecret,
    redact,
    ...(io.send ? { send: io.send } : {}),
    ...(io.notifyTimeoutMs !== undefined ? { timeoutMs: io.notifyTimeoutMs } : {})
  })
  let config: Config | undefined
  let code: number
  let outcome: UpdateOutcome | undefined
  let thrown: unknown
  try {
    config = configFrom(get, source, io)
    const done = await boundedUpdate(config, io, logger)
    outcome = done.outcome
    code = report(io, outcome, json, source)
    if (code === EXIT_FAILURE && outcome.report.cancelled && done.cancelledBy) {
      code = EXIT_CANCELLED[done.cancelledBy] ?? EXIT_FAILURE
    }
  } catch (err) {
    thrown = err
    code = EXIT_FAILURE
  }
  await monitor.finish({
    records: outcome?.report.records ?? [],
    dryRun: config?.dryRun ?? false,
    ...(outcome?.error
      ? { error: outcome.error }
      : thrown !== undefined
        ? { error: thrown instanceof Error ? thrown : new Error(String(thrown)) }
        : {}),
    hostnames: config?.hostnames ?? []
  })
  if (thrown !== undefined) throw thrown
  return code
}

/** Print the outcome; returns the exit code. */
function report(
  io: Io,
  outcome: UpdateOutcome,
  json: boolean,
  source: (name: string) => string
): number {
  const { report, error } = outcome
  if (
    report.records.length === 0 &&
    error instanceof InputError &&
    Object.hasOwn(INPUTS, error.input)
  ) {
    // A value only found bad at run time (e.g. an interface this machine does not have).
    return usage(io, inputUsageError(error, source).message)
  }
  if (json) io.stdout.write(`${JSON.stringify(report.records)}\n`)
  if (report.records.length > 0 || !error) {
    const line = summaryLine(report.records, report.dryRun)
    if (json) io.stderr.write(`${line}\n`)
    else io.stdout.write(`${line}\n`)
  }
  if (error) {
    io.stderr.write(`error: ${error.message.replace(/\r?\n/g, '\n  ')}\n`)
    return EXIT_FAILURE
  }
  return EXIT_OK
}
