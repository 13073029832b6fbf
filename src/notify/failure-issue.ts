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

/** One repository's issues API, each request bounded. */
interface IssuesApi {
  rest: ReturnType<typeof getOctokit>['rest']['issues']
  repo: { owner: string; repo: string }
  request: () => { signal: AbortSignal }
  run: RunContext
  logger: Logger
}

/** Report the run to its failure issue; resolves to what was done. Throws on API errors. */
export async function reportToIssue(
  event: RunEvent,
  deps: FailureIssueDeps
): Promise<'opened' | 'commented' | 'closed' | 'none'> {
  const { run } = deps
  const [owner = '', repo = ''] = run.repository.split('/')
  const api: IssuesApi = {
    rest: getOctokit(deps.token, { baseUrl: run.apiUrl }).rest.issues,
    repo: { owner, repo },
    request: () => ({ signal: AbortSignal.timeout(deps.timeoutMs) }),
    run,
    logger: deps.logger
  }
  const key = issueKey(run, event.hostnames)
  const { data: open } = await api.rest.listForRepo({
    ...api.repo,
    state: 'open',
    labels: ISSUE_LABEL,
    per_page: 100,
    request: api.request()
  })
  const issues = open.filter((i) => !i.pull_request)
  if (event.outcome === 'failed') return reportFailure(api, event, key, issues)
  // A run that failed before its names were known reported under the key without names.
  const markers = [issueMarker(key), issueMarker(issueKey(run, []))]
  const recovered = issues.filter((i) => markers.some((m) => (i.body ?? '').includes(m)))
  if (recovered.length === 0) return 'none'
  for (const issue of recovered) await closeRecovered(api, event, issue.number)
  return 'closed'
}

/** A failed run: a comment on the issue already open for it, or a new issue. */
async function reportFailure(
  api: IssuesApi,
  event: RunEvent,
  key: string,
  issues: { number: number; body?: string | null }[]
): Promise<'opened' | 'commented'> {
  const existing = issues.find((i) => (i.body ?? '').includes(issueMarker(key)))
  if (existing) {
    await api.rest.createComment({
      ...api.repo,
      issue_number: existing.number,
      body: repeatComment(event, api.run),
      request: api.request()
    })
    api.logger.info(`Commented on failure issue #${existing.number}.`)
    return 'commented'
  }
  const { data: created } = await api.rest.create({
    ...api.repo,
    title: issueTitle(api.run, event.hostnames),
    body: issueBody(event, api.run, key),
    labels: [ISSUE_LABEL],
    request: api.request()
  })
  api.logger.info(`Opened failure issue #${created.number}: ${created.html_url}`)
  return 'opened'
}

/** A succeeding run: say so on an issue that a failure opened, and close it. */
async function closeRecovered(api: IssuesApi, event: RunEvent, issue: number): Promise<void> {
  await api.rest.createComment({
    ...api.repo,
    issue_number: issue,
    body: recoveryComment(event, api.run),
    request: api.request()
  })
  await api.rest.update({
    ...api.repo,
    issue_number: issue,
    state: 'closed',
    state_reason: 'completed',
    request: api.request()
  })
  api.logger.info(`Closed failure issue #${issue}: this run succeeded.`)
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
