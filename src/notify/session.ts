/**
 * Monitoring for one run of the action or the CLI: validate the monitoring inputs first (so even a
 * run whose other inputs are bad still reports its failure), register the secrets, send the start
 * ping, and hand back the monitor that reports the end.
 */
import type { RunContext } from '../model/run-context.js'
import type { Logger, MonitorConfig } from '../model/types.js'
import type { RunEvent } from './event.js'
import type { Send } from './http.js'
import { startMonitoring, type Monitor } from './monitor.js'
import { secretParts } from '../model/secret-url.js'

interface SessionDeps {
  logger: Logger
  run?: RunContext
  /** Registers a secret with the run's redaction (and the runner's masking). */
  addSecret: (value: string) => void
  redact: (text: string) => string
  send?: Send
  timeoutMs?: number
  /** The action's failure issue; the CLI has none. */
  failureIssue?: (
    config: MonitorConfig,
    run: RunContext
  ) => (event: RunEvent, timeoutMs: number) => Promise<void>
}

/** Register every secret of the monitoring config with the run's redaction. */
export function addMonitorSecrets(config: MonitorConfig, addSecret: (value: string) => void): void {
  for (const url of [config.heartbeatUrl, config.notifyUrl]) {
    if (url) for (const part of secretParts(url)) addSecret(part)
  }
  if (config.githubToken) addSecret(config.githubToken)
}

const NONE: Monitor = { finish: () => Promise.resolve() }

/**
 * Monitoring from the run's monitoring inputs: registers their secrets, then `startMonitoring`.
 * `parse` reads the monitoring inputs; when it throws, monitoring is off and the same error
 * surfaces from the full input check that follows.
 */
export function monitorFromInputs(parse: () => MonitorConfig, deps: SessionDeps): Monitor {
  let config: MonitorConfig
  try {
    config = parse()
  } catch {
    return NONE
  }
  addMonitorSecrets(config, deps.addSecret)
  if (!config.heartbeatUrl && !config.notifyUrl && !config.failureIssue) return NONE
  let failureIssue: ((event: RunEvent, timeoutMs: number) => Promise<void>) | undefined
  if (config.failureIssue) {
    if (!deps.run) {
      deps.logger.warning(
        'failure-issue is on, but this is not a GitHub Actions workflow run (no GITHUB_REPOSITORY and GITHUB_RUN_ID): no issue will be opened or closed.'
      )
    } else if (deps.failureIssue) {
      failureIssue = deps.failureIssue(config, deps.run)
    }
  }
  return startMonitoring(config, {
    logger: deps.logger,
    redact: deps.redact,
    ...(deps.run ? { run: deps.run } : {}),
    ...(deps.send ? { send: deps.send } : {}),
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(failureIssue ? { failureIssue } : {})
  })
}
