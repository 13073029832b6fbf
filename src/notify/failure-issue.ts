/**
 * The failure issue (action only, `failure-issue: true`): on failure open one issue, or comment on
 * the one already open; on the next success comment and close it. Uses @actions/github's Octokit,
 * which this module loads: import it only when the input is on.
 */
import { getOctokit } from '@actions/github'
import type { RunContext } from '../model/run-context.js'
import type { Logger } from '../model/types.js'
import type { RunEvent } from './event.js'
import {
  ISSUE_LABEL,
  issueBody,
  issueKey,
  issueMarker,
  issueTitle,
  recoveryComment,
  repeatComment
} from './issue-text.js'

export interface FailureIssueDeps {
  token: string
  run: RunContext
  logger: Logger
  /** Per request. */
  timeoutMs: number
}

/** Why GitHub refused, in terms of what to change. */
export function issueApiProblem(err: unknown, timeoutMs: number): string {
  const e = err as { status?: number; name?: string; message?: string; cause?: { name?: string } }
  // Octokit reports an aborted fetch as HTTP 500 with the abort as its cause.
  const aborted = (name?: string): boolean => name === 'TimeoutError' || name === 'AbortError'
  if (aborted(e.name) || aborted(e.cause?.name)) {
    return `GitHub gave no answer within ${timeoutMs / 1000} s`
  }
  if (e.status === 403 || e.status === 404 || e.status === 401) {
    return (
      `GitHub answered HTTP ${e.status} (${e.message ?? 'refused'}). The token needs the ` +
      '`issues: write` permission: add `permissions: { issues: write }` to the job ' +
      '(next to `id-token: write` if you use role-to-assume), or pass a github-token that has it'
    )
  }
  return e.status
    ? `GitHub answered HTTP ${e.status} (${e.message ?? ''})`
    : (e.message ?? String(err))
}

/** Report the run to its failure issue; resolves to what was done. Throws on API errors. */
export async function reportToIssue(
  event: RunEvent,
  deps: FailureIssueDeps
): Promise<'opened' | 'commented' | 'closed' | 'none'> {
  const { run } = deps
  const [owner = '', repo = ''] = run.repository.split('/')
  const octokit = getOctokit(deps.token, { baseUrl: run.apiUrl })
  const request = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(deps.timeoutMs) })
  const key = issueKey(run, event.hostnames)
  const marker = issueMarker(key)
  const { data: open } = await octokit.rest.issues.listForRepo({
    owner,
    repo,
    state: 'open',
    labels: ISSUE_LABEL,
    per_page: 100,
    request: request()
  })
  const issues = open.filter((i) => !i.pull_request)
  const existing = issues.find((i) => (i.body ?? '').includes(marker))
  if (event.outcome === 'failed') {
    if (existing) {
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: existing.number,
        body: repeatComment(event, run),
        request: request()
      })
      deps.logger.info(`Commented on failure issue #${existing.number}.`)
      return 'commented'
    }
    const { data: created } = await octokit.rest.issues.create({
      owner,
      repo,
      title: issueTitle(run, event.hostnames),
      body: issueBody(event, run, key),
      labels: [ISSUE_LABEL],
      request: request()
    })
    deps.logger.info(`Opened failure issue #${created.number}: ${created.html_url}`)
    return 'opened'
  }
  // A run that failed before its names were known reported under the key without names.
  const markers = [marker, issueMarker(issueKey(run, []))]
  const recovered = issues.filter((i) => markers.some((m) => (i.body ?? '').includes(m)))
  if (recovered.length === 0) return 'none'
  for (const issue of recovered) {
    await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issue.number,
      body: recoveryComment(event, run),
      request: request()
    })
    await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'completed',
      request: request()
    })
    deps.logger.info(`Closed failure issue #${issue.number}: this run succeeded.`)
  }
  return 'closed'
}

/** reportToIssue, with any refusal turned into a warning that says what to change. */
export async function updateFailureIssue(event: RunEvent, deps: FailureIssueDeps): Promise<void> {
  try {
    await reportToIssue(event, deps)
  } catch (err) {
    deps.logger.warning(
      `failure-issue: could not update the failure issue: ${issueApiProblem(err, deps.timeoutMs)}`
    )
  }
}
