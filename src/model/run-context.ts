/** Who and what started this run, for the summary, notifications and the failure issue. */
export interface RunContext {
  /** `owner/repo`. */
  repository: string
  runId: number
  runAttempt: number
  /** e.g. `schedule`, `workflow_dispatch`, `push`. */
  eventName: string
  /** e.g. `refs/heads/main`; '' when unknown. */
  ref: string
  actor: string
  workflow: string
  job: string
  /** e.g. `https://github.com`. */
  serverUrl: string
  /** e.g. `https://api.github.com`. */
  apiUrl: string
}

/** The fields of @actions/github's `context` this project reads. */
export interface ContextLike {
  runId: number
  runAttempt: number
  eventName?: string
  ref?: string
  actor?: string
  workflow?: string
  job?: string
  serverUrl: string
  apiUrl: string
}

const REPOSITORY = /^[\w.-]+\/[\w.-]+$/

/**
 * The run's identity from a `context` and `GITHUB_REPOSITORY`, or undefined outside a workflow run
 * (no repository or run id), so nothing links to a run that does not exist.
 */
export function runContextFrom(
  ctx: ContextLike,
  repository: string | undefined
): RunContext | undefined {
  if (!repository || !REPOSITORY.test(repository) || !Number.isSafeInteger(ctx.runId)) {
    return undefined
  }
  return {
    repository,
    runId: ctx.runId,
    runAttempt: Number.isSafeInteger(ctx.runAttempt) && ctx.runAttempt > 0 ? ctx.runAttempt : 1,
    eventName: ctx.eventName ?? '',
    ref: ctx.ref ?? '',
    actor: ctx.actor ?? '',
    workflow: ctx.workflow ?? '',
    job: ctx.job ?? '',
    serverUrl: (ctx.serverUrl || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (ctx.apiUrl || 'https://api.github.com').replace(/\/+$/, '')
  }
}

/**
 * The run's identity from GitHub's default variables, read as @actions/github's `context` reads
 * them (a test holds the two equal). Its entry would also load Octokit and undici: a fifth of a
 * no-op run's start-up.
 */
export function runContextFromEnv(env: Record<string, string | undefined>): RunContext | undefined {
  return runContextFrom(
    {
      runId: parseInt(env.GITHUB_RUN_ID ?? '', 10),
      runAttempt: parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10),
      eventName: env.GITHUB_EVENT_NAME,
      ref: env.GITHUB_REF,
      actor: env.GITHUB_ACTOR,
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
      apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com'
    },
    env.GITHUB_REPOSITORY
  )
}

/** The link to this run (and attempt, after a re-run). */
export function runUrl(run: RunContext): string {
  const base = `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`
  return run.runAttempt > 1 ? `${base}/attempts/${run.runAttempt}` : base
}

const TRIGGERS: Record<string, string> = {
  schedule: 'the schedule',
  workflow_dispatch: 'a manual dispatch',
  workflow_call: 'a calling workflow',
  repository_dispatch: 'a repository dispatch',
  push: 'a push',
  pull_request: 'a pull request'
}

/** `the schedule`, `a manual dispatch by octocat`, … : what started the run, in words. */
export function trigger(run: RunContext): string {
  const what =
    TRIGGERS[run.eventName] ?? (run.eventName ? `the ${run.eventName} event` : 'an event')
  return run.actor && run.eventName !== 'schedule' ? `${what} by ${run.actor}` : what
}

/** One line naming the run: `octo/demo · workflow ddns · run 4242 (attempt 2) · triggered by the schedule`. */
export function runLine(run: RunContext): string {
  const attempt = run.runAttempt > 1 ? ` (attempt ${run.runAttempt})` : ''
  const workflow = run.workflow ? ` · workflow ${run.workflow}` : ''
  return `${run.repository}${workflow} · run ${run.runId}${attempt} · triggered by ${trigger(run)}`
}

/** Default change-batch comment: names the repository and run (Route 53 allows 256 characters). */
export function defaultComment(run: RunContext | undefined): string {
  if (!run) return 'route53-ddns'
  const attempt = run.runAttempt > 1 ? ` attempt ${run.runAttempt}` : ''
  return `route53-ddns: ${run.repository} run ${run.runId}${attempt} (${run.eventName || 'run'})`.slice(
    0,
    256
  )
}

/** Default STS session name from the run id and attempt (2–64 characters of [\w+=,.@-]). */
export function defaultSessionName(run: RunContext | undefined, now = Date.now()): string {
  const base = run ? `route53-ddns-${run.runId}-${run.runAttempt}` : `route53-ddns-${now}-1`
  return base.replace(/[^\w+=,.@-]/g, '-').slice(0, 64)
}
