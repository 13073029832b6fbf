// Proxies: which requests go through one (the standard variables, no_proxy, loopback never), and
// real requests through a recording proxy on loopback. HTTPS through CONNECT: proxy.e2e.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { startRecordingProxy, type RecordingProxy } from '../helpers/proxy.js'
import { startEchoServers, ECHO_V4, type EchoServers } from '../helpers/echo-servers.js'
import { testConfig } from '../helpers/config.js'
import { proxyFor } from '../../src/net/request.js'
import { isLoopbackHost } from '../../src/model/address.js'
import { createRoute53Client } from '../../src/aws/route53.js'
import { requestIdToken } from '../../src/action/oidc-token.js'
import { detectPublic } from '../../src/detect/public.js'
import { update } from '../../src/core/update.js'
import type { Logger } from '../../src/model/types.js'

const logger: Logger = { info: () => undefined, warning: () => undefined, debug: () => undefined }
const PROXY = 'http://proxy.corp.example:3128'

afterEach(() => vi.unstubAllEnvs())

describe('proxyFor', () => {
  it.each([
    // [variables, url, proxy]
    [{ https_proxy: PROXY }, 'https://route53.amazonaws.com/2013-04-01/', PROXY],
    [{ HTTPS_PROXY: PROXY }, 'https://sts.us-east-1.amazonaws.com/', PROXY],
    [{ https_proxy: PROXY }, 'http://plain.example/ip', ''],
    [{ http_proxy: PROXY }, 'http://plain.example/ip', PROXY],
    [{ all_proxy: PROXY }, 'https://api.ipify.org/', PROXY],
    [{ https_proxy: PROXY, no_proxy: '.amazonaws.com' }, 'https://route53.amazonaws.com/', ''],
    [{ https_proxy: PROXY, NO_PROXY: 'api.ipify.org' }, 'https://api.ipify.org/', ''],
    [{ https_proxy: PROXY, no_proxy: 'api.ipify.org' }, 'https://api6.ipify.org/', PROXY],
    [{ https_proxy: PROXY, no_proxy: '*' }, 'https://api.ipify.org/', ''],
    [{ https_proxy: PROXY, no_proxy: 'example.com:8443' }, 'https://example.com/', PROXY],
    [{ https_proxy: PROXY, no_proxy: 'example.com:8443' }, 'https://example.com:8443/', ''],
    // Loopback is never proxied, whatever no_proxy says.
    [{ https_proxy: PROXY, http_proxy: PROXY }, 'http://127.0.0.1:8080/ip', ''],
    [{ https_proxy: PROXY, http_proxy: PROXY }, 'https://127.3.4.5/ip', ''],
    [{ https_proxy: PROXY, http_proxy: PROXY }, 'http://localhost:1/', ''],
    [{ https_proxy: PROXY, http_proxy: PROXY }, 'http://[::1]:1/', ''],
    [{}, 'https://route53.amazonaws.com/', '']
  ])('%j: %s -> %j', (vars, url, proxy) => {
    for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'all_proxy']) {
      vi.stubEnv(name, '')
    }
    for (const name of ['ALL_PROXY', 'no_proxy', 'NO_PROXY']) vi.stubEnv(name, '')
    for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value)
    expect(proxyFor(url)).toBe(proxy)
  })

  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['[::1]', true],
    ['::1', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['::2', false]
  ])('isLoopbackHost(%s) is %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })
})

describe('requests through a recording proxy (plain HTTP targets)', () => {
  let standIn: StandIn
  let echo: EchoServers
  let proxy: RecordingProxy
  beforeAll(async () => {
    standIn = await startStandIn({ rateLimit: false })
    echo = await startEchoServers()
    const port = (u: string) => Number(new URL(u).port)
    proxy = await startRecordingProxy({
      'route53.proxied.test': port(standIn.url),
      'token.proxied.test': port(standIn.url),
      'echo1.proxied.test': port(echo.v4.base),
      'echo2.proxied.test': port(echo.v4.base)
    })
  })
  afterAll(async () => {
    await Promise.all([standIn.close(), echo.close(), proxy.close()])
  })
  const clear = () => {
    proxy.tunnels.length = 0
    proxy.forwarded.length = 0
  }

  it('sends Route 53 reads and writes through http_proxy', async () => {
    clear()
    vi.stubEnv('http_proxy', proxy.url)
    vi.stubEnv('no_proxy', '')
    const zoneId = standIn.addZone({ name: 'proxied.example.com' })
    const env = standIn.env()
    const client = createRoute53Client({
      region: 'us-east-1',
      endpoint: 'http://route53.proxied.test',
      credentials: {
        accessKeyId: env.AWS_ACCESS_KEY_ID!,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY!
      }
    })
    const out = await update(
      testConfig({ hostedZoneId: zoneId, hostnames: ['home.proxied.example.com'] }),
      {
        logger,
        client
      }
    )
    expect(out.error).toBeUndefined()
    expect(out.report.records[0]?.result).toBe('created')
    expect(proxy.forwarded).toEqual([
      expect.stringMatching(
        new RegExp(`^GET http://route53\\.proxied\\.test/2013-04-01/hostedzone/${zoneId}/rrset\\?`)
      ),
      `POST http://route53.proxied.test/2013-04-01/hostedzone/${zoneId}/rrset`
    ])
  })

  it('fetches the OIDC token through the proxy', async () => {
    clear()
    vi.stubEnv('http_proxy', proxy.url)
    vi.stubEnv('no_proxy', '')
    const env = standIn.env()
    const secrets: string[] = []
    const token = await requestIdToken('sts.amazonaws.com', {
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://token.proxied.test/oidc/token?api-version=2.0',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      },
      setSecret: (s) => secrets.push(s)
    })
    expect(secrets).toEqual([token])
    expect(proxy.forwarded).toEqual([
      'GET http://token.proxied.test/oidc/token?api-version=2.0&audience=sts.amazonaws.com'
    ])
  })

  it('asks echo providers through the proxy', async () => {
    clear()
    vi.stubEnv('http_proxy', proxy.url)
    vi.stubEnv('no_proxy', '')
    const r = await detectPublic(
      4,
      ['http://echo1.proxied.test/ip', 'http://echo2.proxied.test/ip2'],
      {
        logger
      }
    )
    expect(r.address).toBe(ECHO_V4)
    expect(proxy.forwarded.sort()).toEqual([
      'GET http://echo1.proxied.test/ip',
      'GET http://echo2.proxied.test/ip2'
    ])
  })

  it('leaves hosts in no_proxy and loopback hosts direct', async () => {
    clear()
    vi.stubEnv('http_proxy', proxy.url)
    vi.stubEnv('no_proxy', 'echo1.proxied.test')
    // Loopback providers answer directly; nothing reaches the proxy.
    const r = await detectPublic(4, [echo.v4.ip, echo.v4.ip2], { logger })
    expect(r.address).toBe(ECHO_V4)
    const zoneId = standIn.addZone({ name: 'direct.example.com' })
    const env = standIn.env()
    const client = createRoute53Client({
      region: 'us-east-1',
      endpoint: standIn.url,
      credentials: {
        accessKeyId: env.AWS_ACCESS_KEY_ID!,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY!
      }
    })
    const out = await update(
      testConfig({ hostedZoneId: zoneId, hostnames: ['home.direct.example.com'] }),
      {
        logger,
        client
      }
    )
    expect(out.error).toBeUndefined()
    // A no_proxy host is not sent to the proxy (it fails here only because .test names do not resolve).
    expect(proxyFor('http://echo1.proxied.test/ip')).toBe('')
    expect(proxy.forwarded).toEqual([])
    expect(proxy.tunnels).toEqual([])
  })
})
