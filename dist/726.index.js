export const id = 726;
export const ids = [726];
export const modules = {

/***/ 726:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  updateFailureIssue: () => (/* binding */ updateFailureIssue)
});

// UNUSED EXPORTS: answerShape, issueApiProblem, reportToIssue

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./lib/model/text.js
var model_text = __webpack_require__(7798);
// EXTERNAL MODULE: ./lib/net/redact.js
var redact = __webpack_require__(7794);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/model/run-context.js
var run_context = __webpack_require__(6138);
// EXTERNAL MODULE: ./lib/notify/event.js
var notify_event = __webpack_require__(542);
;// CONCATENATED MODULE: ./lib/notify/issue-text.js
// The failure issue's words: pure, so what users read is tested without a server.



/** The label that finds the failure issue again (GitHub creates it with the first issue). */
const ISSUE_LABEL = 'route53-ddns';
/**
 * Which failure issue a run reports to: one per workflow, job and set of names, so jobs of one
 * workflow (a matrix per machine) each keep their own issue.
 */
function issueKey(run, hostnames) {
    const names = [...hostnames].sort().join(',');
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${run.repository}\n${run.workflow}\n${run.job}\n${names}`)
        .digest('hex')
        .slice(0, 16);
}
/** The hidden line in the issue body that identifies it. */
function issueMarker(key) {
    return `<!-- route53-ddns failure-issue ${key} -->`;
}
/** Text in a fenced block: nothing in it can mention anyone or break the markdown. */
function fenced(text) {
    return `\`\`\`text\n${text.replace(/`{3,}/g, "'''")}\n\`\`\``;
}
const issue_text_link = (run) => `[${(0,run_context/* runLine */.u_)(run)}](${(0,run_context/* runUrl */.Vp)(run)})`;
function names(hostnames) {
    const shown = hostnames.slice(0, 2).join(', ');
    return hostnames.length > 2 ? `${shown} and ${hostnames.length - 2} more` : shown;
}
function issueTitle(run, hostnames) {
    const what = hostnames.length ? ` for ${names(hostnames)}` : '';
    return (0,notify_event/* clip */.$Q)(`route53-ddns is failing${what} (${run.workflow || 'workflow'})`, 200);
}
function errorBlock(event) {
    const lines = ['**Error:**', '', fenced((0,notify_event/* clip */.$Q)(event.error ?? '(no message)', 4000))];
    const written = (0,notify_event/* changedRecords */.BP)(event);
    if (written.length) {
        lines.push('', 'Records written before the failure:', '', fenced(written.map(notify_event/* recordLine */.IK).join('\n')));
    }
    return lines;
}
function issueBody(event, run, key) {
    return [
        issueMarker(key),
        `${(0,notify_event/* headline */.Pl)(event)}.`,
        '',
        ...errorBlock(event),
        '',
        `Run: ${issue_text_link(run)}`,
        '',
        'Opened by route53-ddns because `failure-issue` is on. Later failures comment here; the next ' +
            'successful run comments and closes this issue.'
    ].join('\n');
}
function repeatComment(event, run) {
    return [`Failed again: ${issue_text_link(run)}`, '', ...errorBlock(event)].join('\n');
}
function recoveryComment(event, run) {
    const changed = (0,notify_event/* changedRecords */.BP)(event);
    return [
        `Recovered: ${issue_text_link(run)} succeeded (${(0,notify_event/* headline */.Pl)(event)}).`,
        ...(changed.length ? ['', fenced(changed.map(notify_event/* recordLine */.IK).join('\n'))] : []),
        '',
        'Closing this issue.'
    ].join('\n');
}

;// CONCATENATED MODULE: ./lib/notify/failure-issue.js
/**
 * The failure issue (action only, `failure-issue: true`): on failure open one issue, or comment on
 * the one already open; on the next success comment and close it. Uses @actions/github's Octokit,
 * which this module loads: import it only when the input is on.
 */




/** A GitHub text for a log line: the run's secrets masked, one escaped line, cut. */
const said = (text, max = 200) => (0,model_text/* excerpt */.Kb)(text, max, redact/* redact */.E$);
/** What came back, in a few words: `an HTML page ("<!DOCTYPE html>…")`, `an object with keys …`. */
function answerShape(data) {
    if (typeof data === 'string') {
        const html = /^\s*<(?:!doctype html|html)\b/i.test(data) || /<\/?(?:html|head|body)\b/i.test(data);
        const kind = html ? 'an HTML page' : data.trim() === '' ? 'an empty body' : 'text';
        return data.trim() === '' ? kind : `${kind} ("${said(data, 120)}")`;
    }
    if (Array.isArray(data))
        return `a list of ${data.length} items`;
    if (data === null || data === undefined)
        return 'nothing';
    if (typeof data === 'object')
        return `an object with keys ${said(Object.keys(data).join(', '), 120)}`;
    return `a ${typeof data}`;
}
const isIssue = (v) => {
    const i = v;
    return (typeof i === 'object' &&
        i !== null &&
        Number.isInteger(i.number) &&
        (i.body === undefined || i.body === null || typeof i.body === 'string'));
};
/** `data` as a list of issues, or an error saying what GitHub answered instead. */
function issueList(data) {
    if (Array.isArray(data) && data.every(isIssue))
        return data;
    throw new Error(`GitHub answered the list of open issues with ${answerShape(data)}, not a list of issues`);
}
/** `data` as the issue just created, or an error saying what GitHub answered instead. */
function createdIssue(data) {
    if (isIssue(data) && typeof data.html_url === 'string') {
        return data;
    }
    throw new Error(`GitHub answered the new issue with ${answerShape(data)}, not an issue`);
}
/** Why GitHub refused, in terms of what to change. */
function issueApiProblem(err, timeoutMs) {
    const e = err;
    // Octokit reports an aborted fetch as HTTP 500 with the abort as its cause.
    const aborted = (name) => name === 'TimeoutError' || name === 'AbortError';
    if (aborted(e.name) || aborted(e.cause?.name)) {
        return `GitHub gave no answer within ${timeoutMs / 1000} s`;
    }
    if (e.status === 403 || e.status === 404 || e.status === 401) {
        return (`GitHub answered HTTP ${e.status} (${said(e.message ?? 'refused')}). The token needs the ` +
            '`issues: write` permission: add `permissions: { issues: write }` to the job ' +
            '(next to `id-token: write` if you use role-to-assume), or pass a github-token that has it');
    }
    return e.status
        ? `GitHub answered HTTP ${e.status} (${said(e.message ?? '')})`
        : said(e.message ?? String(err), 500);
}
/** Report the run to its failure issue; resolves to what was done. Throws on API errors. */
async function reportToIssue(event, deps) {
    const { run } = deps;
    const [owner = '', repo = ''] = run.repository.split('/');
    const api = {
        rest: (0,github/* getOctokit */.Q)(deps.token, { baseUrl: run.apiUrl }).rest.issues,
        repo: { owner, repo },
        request: () => ({ signal: AbortSignal.timeout(deps.timeoutMs) }),
        run,
        logger: deps.logger
    };
    const key = issueKey(run, event.hostnames);
    const { data: listed } = await api.rest.listForRepo({
        ...api.repo,
        state: 'open',
        labels: ISSUE_LABEL,
        per_page: 100,
        request: api.request()
    });
    const issues = issueList(listed).filter((i) => !i.pull_request);
    if (event.outcome === 'failed')
        return reportFailure(api, event, key, issues);
    // A run that failed before its names were known reported under the key without names.
    const markers = [issueMarker(key), issueMarker(issueKey(run, []))];
    const recovered = issues.filter((i) => markers.some((m) => (i.body ?? '').includes(m)));
    if (recovered.length === 0)
        return 'none';
    for (const issue of recovered)
        await closeRecovered(api, event, issue.number);
    return 'closed';
}
/** A failed run: a comment on the issue already open for it, or a new issue. */
async function reportFailure(api, event, key, issues) {
    const existing = issues.find((i) => (i.body ?? '').includes(issueMarker(key)));
    if (existing) {
        await api.rest.createComment({
            ...api.repo,
            issue_number: existing.number,
            body: repeatComment(event, api.run),
            request: api.request()
        });
        api.logger.info(`Commented on failure issue #${existing.number}.`);
        return 'commented';
    }
    const { data } = await api.rest.create({
        ...api.repo,
        title: issueTitle(api.run, event.hostnames),
        body: issueBody(event, api.run, key),
        labels: [ISSUE_LABEL],
        request: api.request()
    });
    const created = createdIssue(data);
    api.logger.info(`Opened failure issue #${created.number}: ${said(created.html_url)}`);
    return 'opened';
}
/** A succeeding run: say so on an issue that a failure opened, and close it. */
async function closeRecovered(api, event, issue) {
    await api.rest.createComment({
        ...api.repo,
        issue_number: issue,
        body: recoveryComment(event, api.run),
        request: api.request()
    });
    await api.rest.update({
        ...api.repo,
        issue_number: issue,
        state: 'closed',
        state_reason: 'completed',
        request: api.request()
    });
    api.logger.info(`Closed failure issue #${issue}: this run succeeded.`);
}
/** reportToIssue, with any refusal turned into a warning that says what to change. */
async function updateFailureIssue(event, deps) {
    try {
        await reportToIssue(event, deps);
    }
    catch (err) {
        deps.logger.warning(`failure-issue: could not update the failure issue: ${issueApiProblem(err, deps.timeoutMs)}`);
    }
}


/***/ })

};
