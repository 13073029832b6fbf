// The CLI's monitoring flags and variables against a loopback recorder; the update is stubbed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clearSecrets } from '../../src/net/redact.js'
import type { UpdateOutcome } from '../../src/core/update.js'
import type { Config } from '../../src/model/types.js'
import { startRecorder, type Recorder } from '../helpers/recorder.js'
import { cli } from './helpers.js'

const PING = 'c0ffee00-1234-4abc-8def-0123456789ab'
let server: Recorder
beforeEach(async () => {
  clearSecrets()
  server = await startRecorder()
})
afterEach(async () => {
  await server.close()
})

const created = async (c: Config): Promise<UpdateOutcome> => ({
  report: {
    dryRun: c.dryRun,
    records: [
      {
        name: c.hostnames[0]!,
        type: 'A',
        zoneId: 'Z1',
        setIdentifier: '',
        before: [],
        after: c.ipv4,
        ttl: c.ttl,
        result: 'created',
        changeId: 'C1'
      }
    ],
    ipv4: c.ipv4,
    ipv6: [],
    origins: [],
    changeIds: ['C1'],
    changed: true,
    attempted: []
  }
})
const base = ['--hostname', 'home.example.com', '--hosted-zone-id', 'Z1', '--ip', '198.51.100.7']
const paths = (): string[] => server.requests.map((r) => `${r.method} ${r.path}`)

describe('CLI monitoring', () => {
  it('--heartbeat-url and --notify-url ping and notify; the output never shows them', async () => {
    const r = await cli(
      [
        ...base,
        '--heartbeat-url',
        `${server.base}/${PING}`,
        '--notify-url',
        `${server.base}/hook/${PING}`
      ],
      { update: created }
    )
    expect(r.code).toBe(0)
    expect(paths()).toEqual([`POST /${PING}/start`, `POST /${PING}`, `POST /hook/${PING}`])
    expect(JSON.parse(server.requests[2]!.body)).toMatchObject({ outcome: 'changed', run: null })
    expect(r.stdout + r.stderr).not.toContain(PING)
  })

  it('the variables work alike', async () => {
    const r = await cli(base, {
      update: created,
      env: { ROUTE53_DDNS_HEARTBEAT_URL: `${server.base}/api/push/${PING}` }
    })
    expect(r.code).toBe(0)
    expect(paths()).toEqual([`GET /api/push/${PING}`])
    expect(server.requests[0]?.query.status).toBe('up')
  })

  it('a usage error still pings /fail', async () => {
    const r = await cli(['--hosted-zone-id', 'Z1', '--heartbeat-url', `${server.base}/${PING}`])
    expect(r.code).toBe(2)
    expect(paths()).toEqual([`POST /${PING}/start`, `POST /${PING}/fail`])
    expect(server.requests[1]?.body).toContain('--hostname: is required')
  })

  it('an unreachable heartbeat is a warning on stderr, showing the host only', async () => {
    server.answer('/', 'hang')
    const r = await cli([...base, '--heartbeat-url', `${server.base}/${PING}`], {
      update: created,
      notifyTimeoutMs: 50
    })
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /^warning: Heartbeat \(success\) to http:\/\/127\.0\.0\.1:\d+\/… failed/m
    )
    expect(r.stderr).not.toContain(PING)
  })

  it('a plain-http heartbeat URL is a usage error naming the flag, not the secret', async () => {
    const r = await cli([...base, '--heartbeat-url', `http://hc-ping.com/${PING}`])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: --heartbeat-url: 'http:\/\/hc-ping\.com\/…' uses plain http/)
    expect(r.stderr).not.toContain(PING)
  })

  it.each([
    [['--failure-issue'], {}, /^error: --failure-issue is an input of the action only/],
    [['--github-token', 'x'], {}, /^error: --github-token is an input of the action only/],
    [
      [],
      { ROUTE53_DDNS_FAILURE_ISSUE: 'true' },
      /^error: ROUTE53_DDNS_FAILURE_ISSUE is an input of the action only/
    ]
  ])('the failure issue is refused: %j %j', async (extra, env, message) => {
    const r = await cli([...base, ...extra], { env, update: created })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(server.requests).toHaveLength(0)
  })
})
