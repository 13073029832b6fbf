import * as core from './runner.js'
import { hostname } from 'node:os'
import { parseInputs } from './inputs.js'
import { update, type UpdateReport } from './update.js'
import { writeSummary } from './summary.js'
import type { Logger } from './types.js'

const logger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m)
}

function setOutputs(report: UpdateReport): void {
  core.setOutput('changed', report.changed ? 'true' : 'false')
  core.setOutput('ipv4', report.ipv4.join(','))
  core.setOutput('ipv6', report.ipv6.join(','))
  core.setOutput('change-id', report.changeIds.join(','))
  core.setOutput('records', JSON.stringify(report.records))
}

/** The action: inputs → config → update → outputs and summary. The one place that fails the step. */
export async function run(): Promise<void> {
  let report: UpdateReport | undefined
  try {
    const config = parseInputs((name) => core.getInput(name), {
      machine: hostname(),
      env: process.env
    })
    // STS and detection load only when used: each adds start-up time to every run.
    const detection = config.detection ? await import('./detect/index.js') : undefined
    detection?.checkDetectionAllowed(process.env, config.dryRun, logger)
    const credentials =
      config.auth.kind === 'oidc'
        ? await (
            await import('./credentials.js')
          ).assumeRoleWithOidc(config.auth, {
            region: config.region,
            env: process.env,
            getIdToken: (audience) => core.getIDToken(audience),
            setSecret: (s) => core.setSecret(s),
            logger
          })
        : undefined
    const outcome = await update(config, {
      logger,
      ...(credentials ? { credentials } : {}),
      ...(detection ? { detect: (cfg) => detection.detectAddresses(cfg, { logger }) } : {})
    })
    report = outcome.report
    setOutputs(report)
    await writeSummary(report, outcome.error)
    if (outcome.error) core.setFailed(outcome.error.message)
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err))
    try {
      await writeSummary(report, error)
    } catch (summaryError) {
      core.warning(`Could not write the job summary: ${(summaryError as Error).message}`)
    }
    core.setFailed(error.message)
  }
}
