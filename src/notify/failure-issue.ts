/**
 * The failure issue (action only, `failure-issue: true`): on failure open one issue, or comment on
 * the one already open; on the next success comment and close it. Uses @actions/github's Octokit,
 * which this module loads: import it only when the input is on.
 */
import { getOctokit } from '@actions/github'
import type { RunContext } from '../model/run-context.js'
import type { Logger } from '../model/types.js'
import type { RunEvent } from './event.js'
import { excerpt } from '../model/text.js'
import { redact } from '../net/redact.js'
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

/** A GitHub text for a log line: the run's secrets masked, one escaped line, cut. */
const said = (text: string, max = 200): string => excerpt(text, max, redact)

/** What came back, in a few words: `an HTML page ("<!DOCTYPE html>…")`, `an object with keys …`. */
export function answerShape(data: unknown): string {
  if (typeof data === 'string') {
    const html =
      /^\s*<(?:!doctype html|html)\b/i.test(data) || /<\/?(?:html|head|body)\b/i.test(data)
    const kind = html ? 'an HTML page' : data.trim() === '' ? 'an empty body' : 'text'
    return data.trim() === '' ? kind : `${kind} ("${said(data, 120)}")`
  }
  if (Array.isArray(data)) return `a list of ${data.length} items`
  if (data === null || data === undefined) return 'nothing'
  if (typeof data === 'object')
    return `an object with keys ${said(Object.keys(data).join(', '), 120)}`
  return `a ${typeof data}`
}

interface IssueAnswer {
  number: number
  body?: string | null
  html_url?: string
  pull_request?: unknown
}

const isIssue = (v: unknown): v is IssueAnswer => {
  const i = v as Partial<Record<keyof IssueAnswer, unknown>> | null
  return (
    typeof i === 'object' &&
    i !== null &&
    Number.isInteger(i.number) &&
    (i.body === undefined || i.body === null || typeof i.body === 'string')
  )
}

/** `data` as a list of issues, or an error saying what GitHub answered instead. */
function issueList(data: unknown): IssueAnswer[] {
  if (Array.isArray(data) && data.every(isIssue)) return data
  throw new Error(
    `GitHub answered the list of open issues with ${answerShape(data)}, not a list of issues`
  )
}

/** `data` as the issue just created, or an error saying what GitHub answered instead. */
function createdIssue(data: unknown): IssueAnswer & { html_url: string } {
  if (isIssue(data) && typeof data.html_url === 'string') {
    return data as IssueAnswer & { html_url: string }
  }
  throw new Error(`GitHub answered the new issue with ${answerShape(data)}, not an issue`)
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
      `GitHub answered HTTP ${e.status} (${said(e.message ?? 'refused')}). The token needs the ` +
      '`issues: write` permission: add `permissions: { issues: write }` to the job ' +
      '(next to `id-token: write` if you use role-to-assume), or pass a github-token that has it'
    )
  }
  return e.status
    ? `GitHub answered HTTP ${e.status} (${said(e.message ?? '')})`
    : said(e.message ?? String(err), 500)
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
  const { data: listed } = await api.rest.listForRepo({
    ...api.repo,
    state: 'open',
    labels: ISSUE_LABEL,
    per_page: 100,
    request: api.request()
  })
  const issues = issueList(listed).filter((i) => !i.pull_request)
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
  const { data } = await api.rest.create({
    ...api.repo,
    title: issueTitle(api.run, event.hostnames),
    body: issueBody(event, api.run, key),
    labels: [ISSUE_LABEL],
    request: api.request()
  })
  const created = createdIssue(data)
  api.logger.info(`Opened failure issue #${created.number}: ${said(created.html_url)}`)
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
