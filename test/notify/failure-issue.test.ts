// The failure issue through @actions/github's Octokit against a loopback stand-in of GitHub's API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answerShape, reportToIssue, updateFailureIssue } from '../../src/notify/failure-issue.js'
import { ISSUE_LABEL } from '../../src/notify/issue-text.js'
import { startGitHubStandIn, type GitHubStandIn } from '../github-stand-in/index.js'
import { startRecorder } from '../helpers/recorder.js'
import { RUN, controls, event } from './fixtures.js'
import type { Logger } from '../../src/model/types.js'

const TOKEN = 'ghs_standInToken0123456789'
let gh: GitHubStandIn
let logs: string[]
const logger: Logger = {
  info: (m) => logs.push(`info: ${m}`),
  warning: (m) => logs.push(`warning: ${m}`),
  debug: () => {}
}
beforeEach(async () => {
  gh = await startGitHubStandIn({ repository: 'octo/demo', token: TOKEN })
  logs = []
})
afterEach(async () => {
  await gh.close()
})

const deps = () => ({ token: TOKEN, run: { ...RUN, apiUrl: gh.url }, logger, timeoutMs: 2000 })
const failed = (error: string, runId = RUN.runId) =>
  event({ outcome: 'failed', error, records: [], run: { ...RUN, runId } })

describe('failure issue', () => {
  it('opened once, commented on repeat, closed on recovery', async () => {
    expect(await reportToIssue(failed('AccessDenied on ChangeResourceRecordSets'), deps())).toBe(
      'opened'
    )
    expect(gh.issues).toHaveLength(1)
    const issue = gh.issues[0]!
    expect(issue.labels).toEqual([ISSUE_LABEL])
    expect(issue.title).toBe('route53-ddns is failing for home.example.com (ddns)')
    expect(issue.body).toContain('AccessDenied on ChangeResourceRecordSets')
    expect(issue.body).toContain('https://github.com/octo/demo/actions/runs/4242')
    expect(gh.requests[0]?.authorization).toBe(`token ${TOKEN}`)

    const again = { ...deps(), run: { ...RUN, apiUrl: gh.url, runId: 4243 } }
    expect(await reportToIssue(failed('Still denied', 4243), again)).toBe('commented')
    expect(gh.issues).toHaveLength(1)
    expect(issue.comments[0]).toContain('Still denied')
    expect(issue.comments[0]).toContain('/actions/runs/4243')

    const recovered = { ...deps(), run: { ...RUN, apiUrl: gh.url, runId: 4244 } }
    expect(await reportToIssue(event({ run: { ...RUN, runId: 4244 } }), recovered)).toBe('closed')
    expect(issue.state).toBe('closed')
    expect(issue.state_reason).toBe('completed')
    expect(issue.comments[1]).toMatch(/^Recovered: .*\/actions\/runs\/4244/)
    expect(logs).toContain('info: Closed failure issue #1: this run succeeded.')

    // A later failure opens a new issue; the closed one stays closed.
    expect(await reportToIssue(failed('Again'), deps())).toBe('opened')
    expect(gh.issues.map((i) => i.state)).toEqual(['closed', 'open'])
  })

  it('a success with no open issue only looks', async () => {
    expect(await reportToIssue(event(), deps())).toBe('none')
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/octo/demo/issues'])
    expect(gh.requests[0]?.query).toMatchObject({ state: 'open', labels: ISSUE_LABEL })
  })

  it('issues of other workflows, jobs or names, and pull requests, are left alone', async () => {
    await reportToIssue(failed('x'), { ...deps(), run: { ...RUN, apiUrl: gh.url, job: 'other' } })
    gh.issues.push({
      number: 2,
      title: 'a pull request',
      body: gh.issues[0]!.body.replace(/failure-issue \w+/, 'failure-issue 0000'),
      state: 'open',
      state_reason: null,
      labels: [ISSUE_LABEL],
      comments: [],
      pull_request: { url: 'x' }
    })
    expect(await reportToIssue(failed('y'), deps())).toBe('opened')
    expect(await reportToIssue(event(), deps())).toBe('closed')
    expect(gh.issues.map((i) => i.state)).toEqual(['open', 'open', 'closed'])
  })

  it('a failure before the names were known is closed by the next success', async () => {
    expect(
      await reportToIssue({ ...failed('Input hostname: is required'), hostnames: [] }, deps())
    ).toBe('opened')
    expect(gh.issues[0]?.title).toBe('route53-ddns is failing (ddns)')
    expect(await reportToIssue(event(), deps())).toBe('closed')
    expect(gh.issues[0]?.state).toBe('closed')
  })

  it('error text cannot mention anyone or break out of its block', async () => {
    await reportToIssue(failed('@octo/team ```\n# injected'), deps())
    const body = gh.issues[0]!.body
    expect(body).toContain("```text\n@octo/team '''\n# injected\n```")
  })

  it('403 (no issues: write) is a warning that names the permission', async () => {
    gh.readOnlyTokens.add('ghs_readOnly')
    await updateFailureIssue(failed('x'), { ...deps(), token: 'ghs_readOnly' })
    expect(gh.issues).toHaveLength(0)
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatch(
      /^warning: failure-issue: could not update the failure issue: GitHub answered HTTP 403 \(Resource not accessible by integration.*\)\. The token needs the `issues: write` permission/
    )
    expect(logs[0]).not.toContain('ghs_readOnly')
  })

  it('a GitHub that never answers is a warning after the timeout', async () => {
    const hanging = await startRecorder()
    hanging.answer('/', 'hang')
    try {
      await updateFailureIssue(failed('x'), {
        ...deps(),
        run: { ...RUN, apiUrl: hanging.base },
        timeoutMs: 100
      })
    } finally {
      await hanging.close()
    }
    expect(hanging.requests).toHaveLength(1)
    expect(logs).toEqual([
      'warning: failure-issue: could not update the failure issue: GitHub gave no answer within 0.1 s'
    ])
  })

  describe('answers of the wrong shape say what came back', () => {
    const page =
      '<!DOCTYPE html>\n<html><head><title>Sign in \u001b]0;pwned\u0007</title></head><body>' +
      'x'.repeat(500) +
      '</body></html>'
    const withAnswer = async (
      path: string,
      status: number,
      body: string,
      e = failed('x')
    ): Promise<void> => {
      const portal = await startRecorder()
      portal.answer(path, status, body)
      try {
        await updateFailureIssue(e, { ...deps(), run: { ...RUN, apiUrl: portal.base } })
      } finally {
        await portal.close()
      }
    }

    it('an HTML page instead of the list of issues', async () => {
      await withAnswer('/repos/', 200, page)
      expect(logs).toHaveLength(1)
      expect(logs[0]).toMatch(
        /^warning: failure-issue: could not update the failure issue: GitHub answered the list of open issues with an HTML page \("<!DOCTYPE html> <html><head><title>Sign in \\x1b\]0;pwned\\x07<\/title>.*…"\), not a list of issues$/
      )
      expect(logs[0]).not.toContain('is not a function')
      expect(logs[0]!.length).toBeLessThan(300)
    })

    it('text that is not JSON', async () => {
      await withAnswer('/repos/', 200, '[1,2]')
      expect(logs).toEqual([
        'warning: failure-issue: could not update the failure issue: GitHub answered the list of open issues with text ("[1,2]"), not a list of issues'
      ])
    })

    it.each([
      [{ message: 'maintenance' }, 'an object with keys message'],
      [[1, 2], 'a list of 2 items'],
      [null, 'nothing'],
      ['', 'an empty body'],
      [42, 'a number'],
      ['<html><body>hi</body></html>', 'an HTML page ("<html><body>hi</body></html>")']
    ])('answerShape(%j)', (data, shape) => {
      expect(answerShape(data)).toBe(shape)
    })

    it('an error page is one escaped line, cut', async () => {
      await withAnswer('/repos/', 502, page)
      expect(logs).toHaveLength(1)
      expect(logs[0]).toMatch(
        /GitHub answered HTTP 502 \(<!DOCTYPE html> <html>.*\\x1b\]0;pwned\\x07.*…\)$/
      )
      expect(controls(logs[0] as string)).toEqual([])
    })
  })
})
