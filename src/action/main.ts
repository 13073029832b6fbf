import { hostname } from 'node:os'
import { parseInputs, parseMonitoringInputs, type InputName } from '../inputs/inputs.js'
import { update, type UpdateReport } from '../core/update.js'
import { writeSummary } from './summary.js'
import { createRunner, type Runner } from './runner.js'
import { addEnvSecrets, redact } from '../net/redact.js'
import type { RetryTiming } from '../aws/retry.js'
import { monitorFromInputs } from '../notify/session.js'
import type { Send } from '../notify/http.js'
import { runContextFromEnv, type RunContext } from '../model/run-context.js'
import type { Config, Logger } from '../model/types.js'
import { Lifecycle, cancelOnSignals, runBoundMs } from '../core/lifecycle.js'

/** The action's logger: the runner's log lines and annotations. */
export function runnerLogger(runner: Runner): Logger {
  return {
    info: (m) => runner.info(m),
    warning: (m) => runner.warning(m),
    debug: (m) => runner.debug(m)
  }
}

function setOutputs(runner: Runner, report: UpdateReport): void {
  runner.setOutput('changed', report.changed ? 'true' : 'false')
  runner.setOutput('ipv4', report.ipv4.join(','))
  runner.setOutput('ipv6', report.ipv6.join(','))
  runner.setOutput('change-id', report.changeIds.join(','))
  runner.setOutput('records', JSON.stringify(report.records))
}

export interface RunOptions {
  /** The step's environment; default process.env. */
  env?: Record<string, string | undefined>
  /** This machine's host name (for host-map); default os.hostname(). */
  machine?: string
  /** Retry and polling timing (tests inject zero delays); never an input. */
  timing?: RetryTiming
  /** The workflow run; default from the step's GITHUB_* variables (null: not in a run). */
  runContext?: RunContext | null
  /** Monitoring calls (tests): the request function and the limit per call. */
  send?: Send
  notifyTimeoutMs?: number
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
  const logger = runnerLogger(runner)
  let report: UpdateReport | undefined
  let config: Config | undefined
  // Keys given to the step (e.g. by configure-aws-credentials) can be quoted back by AWS.
  addEnvSecrets(env, (s) => runner.setSecret(s))
  const runContext =
    options.runContext === null ? undefined : (options.runContext ?? runContextFromEnv(env))
  const get = (name: InputName): string => runner.getInput(name)
  const monitor = monitorFromInputs(() => parseMonitoringInputs(get), {
    logger,
    ...(runContext ? { run: runContext } : {}),
    addSecret: (s) => runner.setSecret(s),
    redact,
    ...(options.send ? { send: options.send } : {}),
    ...(options.notifyTimeoutMs !== undefined ? { timeoutMs: options.notifyTimeoutMs } : {}),
    // Octokit loads only when the failure issue is on: it costs start-up time on every run.
    failureIssue: (cfg, run) => async (event, timeoutMs) => {
      const { updateFailureIssue } = await import('../notify/failure-issue.js')
      await updateFailureIssue(event, { token: cfg.githubToken ?? '', run, logger, timeoutMs })
    }
  })
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
    const stop = life
    // The runner cancels with SIGINT, then SIGTERM: finish honestly instead of dying mid-write.
    unhook = cancelOnSignals(life)
    // STS and detection load only when used: each adds start-up time to every run.
    const detection = config.detection ? await import('../detect/index.js') : undefined
    detection?.checkDetectionAllowed(env, config.dryRun, logger)
    const credentials =
      config.auth.kind === 'oidc'
        ? await (
            await import('../aws/credentials.js')
          ).assumeRoleWithOidc(config.auth, {
            region: config.region,
            env,
            getIdToken: (audience) => runner.getIDToken(audience, stop.dropRequests),
            setSecret: (s) => runner.setSecret(s),
            logger,
            ...(options.timing ? { timing: options.timing } : {}),
            stop,
            ...(runContext ? { run: runContext } : {})
          })
        : undefined
    const outcome = await update(config, {
      logger,
      ...(options.timing ? { timing: options.timing } : {}),
      stop,
      ...(credentials ? { credentials } : {}),
      ...(detection
        ? { detect: (cfg) => detection.detectAddresses(cfg, { logger, signal: stop.dropRequests }) }
        : {})
    })
    report = outcome.report
    failure = outcome.error
    setOutputs(runner, report)
    writeSummary(runner, report, outcome.error, runContext)
    if (outcome.error) runner.setFailed(outcome.error.message)
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err))
    failure = error
    try {
      writeSummary(runner, report, error, runContext)
    } catch (summaryError) {
      runner.warning(`Could not write the job summary: ${(summaryError as Error).message}`)
    }
    runner.setFailed(error.message)
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
