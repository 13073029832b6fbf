/**
 * A loopback stand-in for the few GitHub REST endpoints the failure issue uses: list a
 * repository's issues (state, labels), create an issue, comment on one, and update (close) one.
 * It checks the token like GitHub does (401 without one) and answers 403 "Resource not accessible
 * by integration" when the token was given no `issues: write`. Point Octokit at `url` (the
 * `GITHUB_API_URL` of a run).
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface StandInIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  state_reason: string | null
  labels: string[]
  comments: string[]
  pull_request?: { url: string }
}

export interface GitHubRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  authorization: string
}

export interface GitHubStandIn {
  url: string
  /** The token that may write issues. */
  token: string
  /** Tokens that may read but get 403 on writes (a job without `issues: write`). */
  readOnlyTokens: Set<string>
  issues: StandInIssue[]
  requests: GitHubRequest[]
  close(): Promise<void>
}

export async function startGitHubStandIn(opts: {
  repository: string
  token: string
}): Promise<GitHubStandIn> {
  const requests: GitHubRequest[] = []
  const issues: StandInIssue[] = []
  const readOnlyTokens = new Set<string>()
  const sockets = new Set<Socket>()
  const base = `/repos/${opts.repository}`
  let url = ''

  const view = (i: StandInIssue): Record<string, unknown> => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels.map((name) => ({ name })),
    html_url: `https://github.com/${opts.repository}/issues/${i.number}`,
    ...(i.pull_request ? { pull_request: i.pull_request } : {})
  })

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x')
      const text = Buffer.concat(chunks).toString('utf8')
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>
      const authorization = req.headers.authorization ?? ''
      requests.push({
        method: req.method ?? '',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        body,
        authorization
      })
      const send = (status: number, data: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(data))
      }
      const token = /^(?:token|bearer) (.+)$/i.exec(authorization)?.[1]
      if (token !== opts.token && !(token && readOnlyTokens.has(token))) {
        return send(401, { message: 'Bad credentials', status: '401' })
      }
      const write = req.method !== 'GET'
      if (write && token && readOnlyTokens.has(token)) {
        return send(403, { message: 'Resource not accessible by integration', status: '403' })
      }
      const find = (n: string | undefined): StandInIssue | undefined =>
        issues.find((i) => String(i.number) === n)
      if (req.method === 'GET' && u.pathname === `${base}/issues`) {
        const state = u.searchParams.get('state') ?? 'open'
        const labels = (u.searchParams.get('labels') ?? '').split(',').filter(Boolean)
        const list = issues.filter(
          (i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l))
        )
        const perPage = Number(u.searchParams.get('per_page') ?? 30)
        return send(200, list.slice(0, perPage).map(view))
      }
      if (req.method === 'POST' && u.pathname === `${base}/issues`) {
        if (typeof body.title !== 'string' || body.title === '') {
          return send(422, { message: 'Validation Failed' })
        }
        const issue: StandInIssue = {
          number: issues.length + 1,
          title: body.title,
          body: typeof body.body === 'string' ? body.body : '',
          state: 'open',
          state_reason: null,
          labels: Array.isArray(body.labels) ? (body.labels as string[]) : [],
          comments: []
        }
        issues.push(issue)
        return send(201, view(issue))
      }
      const comment = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(u.pathname)
      if (req.method === 'POST' && comment) {
        const issue = find(comment[1])
        if (!issue) return send(404, { message: 'Not Found' })
        issue.comments.push(String(body.body ?? ''))
        return send(201, { id: issue.comments.length, body: body.body })
      }
      const one = new RegExp(`^${base}/issues/(\\d+)$`).exec(u.pathname)
      if (req.method === 'PATCH' && one) {
        const issue = find(one[1])
        if (!issue) return send(404, { message: 'Not Found' })
        if (body.state === 'closed' || body.state === 'open') issue.state = body.state
        if (typeof body.state_reason === 'string') issue.state_reason = body.state_reason
        return send(200, view(issue))
      }
      send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
    })
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    token: opts.token,
    readOnlyTokens,
    issues,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy()
        server.close(() => done())
      })
  }
}
