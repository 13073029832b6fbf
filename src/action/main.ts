import { hostname } from 'node:os'
import { parseInputs, parseMonitoringInputs, type InputName } from '../inputs/inputs.js'
import { update, type UpdateOutcome, type UpdateReport } from '../core/update.js'
import { writeSummary } from './summary.js'
import { createRunner, type Runner } from './runner.js'
import { addEnvSecrets, redact } from '../net/redact.js'
import type { RetryTiming } from '../aws/retry.js'
import { monitorFromInputs } from '../notify/session.js'
import type { Monitor } from '../notify/monitor.js'
import type { Send } from '../notify/http.js'
import { runContextFromEnv, type RunContext } from '../model/run-context.js'
import type { Config, Logger } from '../model/types.js'
import {
  Lifecycle,
  cancelOnSignals,
  runBoundMs,
  type SignalSource,
  type Stop
} from '../core/lifecycle.js'

/** The action's logger: the runner's log lines and annotations. */
function runnerLogger(runner: Runner): Logger {
  return {
    info: (m) => runner.info(m),
    warning: (m) => runner.warning(m),
    debug: (m) => runner.debug(m)
  }
}

function setOutputs(runner: Runner, report: UpdateReport): void {
  // true, false, or unknown (a write sent and never answered when the run stopped).
  runner.setOutput('changed', String(report.changed))
  runner.setOutput('ipv4', report.ipv4.join(','))
  runner.setOutput('ipv6', report.ipv6.join(','))
  runner.setOutput('change-id', report.changeIds.join(','))
  runner.setOutput('records', JSON.stringify(report.records))
}

interface RunOptions {
  /** The step's environment; default process.env. */
  env?: Record<string, string | undefined>
  /** This machine's host name (for host-map); default os.hostname(). */
  machine?: string
  /** Retry and polling timing (tests inject zero delays); never an input. */
  timing?: RetryTiming
  /** The workflow run; default from the step's GITHUB_* variables (null: not in a run). */
  runContext?: RunContext | null
  /** Where stop signals arrive (tests inject an emitter); default the process. */
  signals?: SignalSource
  /** Monitoring calls (tests): the request function and the limit per call. */
  send?: Send
  notifyTimeoutMs?: number
}

/** What the steps of one action run share. */
interface ActionRun {
  runner: Runner
  options: RunOptions
  env: Record<string, string | undefined>
  logger: Logger
  runContext: RunContext | undefined
}

/** Monitoring from the monitoring inputs; Octokit loads only when the failure issue is on. */
function monitorRun(a: ActionRun, get: (name: InputName) => string): Monitor {
  const { runner, options, logger, runContext } = a
  return monitorFromInputs(() => parseMonitoringInputs(get), {
    logger,
    ...(runContext ? { run: runContext } : {}),
    addSecret: (s) => runner.setSecret(s),
    redact,
    ...(options.send ? { send: options.send } : {}),
    ...(options.notifyTimeoutMs !== undefined ? { timeoutMs: options.notifyTimeoutMs } : {}),
    // It costs start-up time on every run.
    failureIssue: (cfg, run) => async (event, timeoutMs) => {
      const { updateFailureIssue } = await import('../notify/failure-issue.js')
      await updateFailureIssue(event, { token: cfg.githubToken ?? '', run, logger, timeoutMs })
    }
  })
}

/** Sign in (OIDC) and run the update under `stop`. STS and detection load only when used. */
async function signInAndUpdate(a: ActionRun, config: Config, stop: Stop): Promise<UpdateOutcome> {
  const { runner, options, env, logger, runContext } = a
  const timing = options.timing ? { timing: options.timing } : {}
  const detection = config.detection ? await import('../detect/index.js') : undefined
  detection?.checkDetectionAllowed(env, config.dryRun, logger)
  const credentials =
    config.auth.kind === 'oidc'
      ? await (
          await import('../aws/credentials.js')
        ).assumeRoleWithOidc(config.auth, {
          region: config.region,
          env,
          getIdToken: (audience) => runner.getIDToken(audience, stop.signal),
          setSecret: (s) => runner.setSecret(s),
          logger,
          ...timing,
          stop,
          ...(runContext ? { run: runContext } : {})
        })
      : undefined
  return update(config, {
    logger,
    ...timing,
    stop,
    ...(credentials ? { credentials } : {}),
    ...(detection
      ? {
          detect: (cfg) => detection.detectAddresses(cfg, { logger, signal: stop.signal, env })
        }
      : {})
  })
}

/** A run that failed before an outcome: the summary (if it can be written) and the failed step. */
function failStep(a: ActionRun, report: UpdateReport | undefined, error: Error): void {
  try {
    writeSummary(a.runner, report, error, a.runContext)
  } catch (summaryError) {
    a.runner.warning(`Could not write the job summary: ${(summaryError as Error).message}`)
  }
  a.runner.setFailed(error.message)
}

/**
 * The action: inputs → config → update → outputs and summary. The one place that fails the step.
 * Tests pass a fake runner; the default speaks to the real one.
 */
export async function run(
  runner: Runner = createRunner(),
  options: RunOptions = {}
): Promise<void> {
  const env = options.env ?? process.env
  // Keys given to the step (e.g. by configure-aws-credentials) can be quoted back by AWS.
  addEnvSecrets(env, (s) => runner.setSecret(s))
  const runContext =
    options.runContext === null ? undefined : (options.runContext ?? runContextFromEnv(env))
  const a: ActionRun = { runner, options, env, logger: runnerLogger(runner), runContext }
  const get = (name: InputName): string => runner.getInput(name)
  const monitor = monitorRun(a, get)
  let report: UpdateReport | undefined
  let config: Config | undefined
  let failure: Error | undefined
  let life: Lifecycle | undefined
  let unhook = (): void => undefined
  try {
    config = parseInputs(get, {
      machine: options.machine ?? hostname(),
      env,
      ...(runContext ? { run: runContext } : {})
    })
    life = new Lifecycle({ boundMs: runBoundMs(config) })
    // The runner cancels with SIGINT, then SIGTERM: finish honestly instead of dying mid-write.
    unhook = cancelOnSignals(life, options.signals)
    const outcome = await signInAndUpdate(a, config, life)
    report = outcome.report
    failure = outcome.error
    setOutputs(runner, report)
    writeSummary(runner, report, outcome.error, runContext)
    if (outcome.error) runner.setFailed(outcome.error.message)
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err))
    failStep(a, report, failure)
  } finally {
    life?.close()
    unhook()
  }
  // After the outputs and the summary: monitoring can only add warnings, never change the result.
  await monitor.finish({
    records: report?.records ?? [],
    dryRun: config?.dryRun ?? false,
    ...(failure ? { error: failure } : {}),
    hostnames: config?.hostnames ?? []
  })
}
