// Monitoring against loopback servers that record every call, through the real request code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMonitoring } from '../../src/notify/monitor.js'
import type { MonitorConfig } from '../../src/model/types.js'
import { startRecorder, type Recorder } from '../helpers/recorder.js'
import { RUN, record } from './fixtures.js'
import type { Logger } from '../../src/model/types.js'

let server: Recorder
beforeEach(async () => {
  server = await startRecorder()
})
afterEach(async () => {
  await server.close()
})

const TOKEN = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff'

function setup(config: Partial<MonitorConfig>, timeoutMs = 2000) {
  const logs: string[] = []
  const logger: Logger = {
    info: (m) => logs.push(`info: ${m}`),
    warning: (m) => logs.push(`warning: ${m}`),
    debug: (m) => logs.push(`debug: ${m}`)
  }
  const secrets = [config.heartbeatUrl, config.notifyUrl, TOKEN].filter(Boolean) as string[]
  const redact = (t: string): string => secrets.reduce((s, x) => s.split(x).join('***'), t)
  const monitor = startMonitoring(
    { failureIssue: false, ...config },
    { logger, run: RUN, redact, timeoutMs }
  )
  return { monitor, logs }
}

const changed = { records: [record()], dryRun: false, hostnames: ['home.example.com'] }
const unchanged = {
  records: [record({ result: 'unchanged', before: ['198.51.100.7'], changeId: '' })],
  dryRun: false,
  hostnames: ['home.example.com']
}

describe('heartbeat', () => {
  it('success: /start, then the bare URL with what changed', async () => {
    const { monitor, logs } = setup({ heartbeatUrl: `${server.base}/${TOKEN}` })
    await monitor.finish(changed)
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /${TOKEN}/start`,
      `POST /${TOKEN}`
    ])
    expect(server.requests[1]?.body).toContain('198.51.100.4 → 198.51.100.7 (updated)')
    expect(server.requests[1]?.body).toContain('https://github.com/octo/demo/actions/runs/4242')
    expect(logs.filter((l) => l.startsWith('warning'))).toEqual([])
  })

  it('failure: /fail with the error (redacted)', async () => {
    const { monitor } = setup({ heartbeatUrl: `${server.base}/${TOKEN}` })
    await monitor.finish({
      ...changed,
      records: [],
      error: new Error(`AccessDenied for token ${TOKEN}`)
    })
    expect(server.requests.map((r) => r.path)).toEqual([`/${TOKEN}/start`, `/${TOKEN}/fail`])
    expect(server.requests[1]?.body).toContain('Error: AccessDenied for token ***')
  })

  it('unchanged still pings (the heartbeat is the proof the run happened)', async () => {
    const { monitor } = setup({ heartbeatUrl: `${server.base}/${TOKEN}` })
    await monitor.finish(unchanged)
    expect(server.requests.map((r) => r.path)).toEqual([`/${TOKEN}/start`, `/${TOKEN}`])
  })

  it('Uptime Kuma: one GET with status and msg', async () => {
    const { monitor } = setup({
      heartbeatUrl: `${server.base}/api/push/${TOKEN}?status=up&msg=OK&ping=`
    })
    await monitor.finish({ ...changed, error: new Error('boom') })
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: `/api/push/${TOKEN}` })
    expect(server.requests[0]?.query.status).toBe('down')
    expect(server.requests[0]?.query.msg).toContain('route53-ddns failed')
  })

  it('a hanging endpoint costs at most the timeout, and is a warning without the URL', async () => {
    server.answer('/', 'hang')
    const { monitor, logs } = setup({ heartbeatUrl: `${server.base}/${TOKEN}` }, 150)
    const t = performance.now()
    await monitor.finish(changed)
    // Start and end pings each time out once (the start ping overlaps the run).
    expect(performance.now() - t).toBeLessThan(1500)
    const warnings = logs.filter((l) => l.startsWith('warning'))
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(
      /Heartbeat \(start\) to http:\/\/127\.0\.0\.1:\d+\/… failed: no answer from .* within 0\.15 s; the DDNS run itself is not affected/
    )
    expect(logs.join('\n')).not.toContain(TOKEN)
  })

  it('a refused ping (404) is a warning', async () => {
    server.answer('/', 404, 'not found')
    const { monitor, logs } = setup({ heartbeatUrl: `${server.base}/${TOKEN}` })
    await monitor.finish(changed)
    expect(logs.filter((l) => l.startsWith('warning'))[1]).toMatch(
      /Heartbeat \(success\) to .* was refused \(HTTP 404: not found\)/
    )
  })
})

describe('webhook', () => {
  it('posts JSON when something changed', async () => {
    const { monitor } = setup({ notifyUrl: `${server.base}/hooks/${TOKEN}` })
    await monitor.finish(changed)
    expect(server.requests).toHaveLength(1)
    const [call] = server.requests
    expect(call).toMatchObject({ method: 'POST', path: `/hooks/${TOKEN}` })
    expect(call?.headers['content-type']).toBe('application/json')
    const body = JSON.parse(call!.body) as Record<string, unknown>
    expect(body).toMatchObject({ outcome: 'changed', error: null, records: [record()] })
    expect((body.run as Record<string, unknown>).url).toBe(
      'https://github.com/octo/demo/actions/runs/4242'
    )
  })

  it('posts on failure, with the error', async () => {
    const { monitor } = setup({ notifyUrl: `${server.base}/hooks/${TOKEN}` })
    await monitor.finish({ ...unchanged, error: new Error('No address to publish') })
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({
      outcome: 'failed',
      error: 'No address to publish'
    })
  })

  it('is never called when nothing changed', async () => {
    const { monitor } = setup({
      notifyUrl: `${server.base}/hooks/${TOKEN}`,
      heartbeatUrl: `${server.base}/${TOKEN}`
    })
    await monitor.finish(unchanged)
    expect(server.requests.map((r) => r.path)).toEqual([`/${TOKEN}/start`, `/${TOKEN}`])
  })

  it('a 500 is a warning only, and the warning keeps the secret out', async () => {
    server.answer('/hooks/', 500, `oops ${TOKEN}`)
    const { monitor, logs } = setup({ notifyUrl: `${server.base}/hooks/${TOKEN}` })
    await monitor.finish(changed)
    const warnings = logs.filter((l) => l.startsWith('warning'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^warning: Notification \(generic webhook\) to http:\/\/127\.0\.0\.1:\d+\/… was refused \(HTTP 500: oops \*\*\*\); the DDNS run itself is not affected\.$/
    )
  })
})

describe('failure issue hook', () => {
  it('gets the event, and its errors become a warning', async () => {
    const logs: string[] = []
    const seen: string[] = []
    const monitor = startMonitoring(
      { failureIssue: true },
      {
        logger: { info: () => {}, debug: () => {}, warning: (m) => logs.push(m) },
        run: RUN,
        redact: (t) => t,
        failureIssue: async (event) => {
          seen.push(event.outcome)
          throw new Error('nope')
        }
      }
    )
    await monitor.finish(changed)
    expect(seen).toEqual(['changed'])
    expect(logs).toEqual(['failure-issue: nope'])
  })
})
