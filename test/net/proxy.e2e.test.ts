// The bundled action on a runner behind a proxy: https_proxy set, every endpoint an HTTPS name the
// proxy reaches through a CONNECT tunnel (the proxy resolves *.proxied.test to loopback servers
// behind TLS fronts; the action trusts their test CA through NODE_EXTRA_CA_CERTS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { startEchoServers, ECHO_V4, type EchoServers } from '../helpers/echo-servers.js'
import {
  startRecordingProxy,
  tlsFronts,
  type RecordingProxy,
  type TlsFronts
} from '../helpers/proxy.js'
import { missingBundle } from '../helpers/bundle.js'
import { NODE24, ROOT, runAction } from '../helpers/run-action.js'

const ROLE = 'arn:aws:iam::111122223333:role/ddns'
let standIn: StandIn
let echo: EchoServers
let fronts: TlsFronts
let proxy: RecordingProxy

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
  standIn.addRole({ arn: ROLE })
  echo = await startEchoServers()
  fronts = tlsFronts()
  const aws = await fronts.front(Number(new URL(standIn.url).port))
  const echoes = await fronts.front(Number(new URL(echo.v4.base).port))
  proxy = await startRecordingProxy({
    'aws.proxied.test': aws,
    'echo1.proxied.test': echoes,
    'echo2.proxied.test': echoes
  })
})
afterAll(async () => {
  await Promise.all([standIn?.close(), echo?.close(), fronts?.close(), proxy?.close()])
})

describe.skipIf(missingBundle(join(ROOT, 'dist/index.js')))(
  'the bundled action behind a proxy',
  () => {
    it('gets the token, signs in, detects and writes, all through CONNECT tunnels', async () => {
      const zoneId = standIn.addZone({ name: 'behind-proxy.example.com' })
      const env = standIn.env()
      const run = await runAction({
        node: NODE24,
        inputs: {
          hostname: 'home.behind-proxy.example.com',
          'hosted-zone-id': zoneId,
          'role-to-assume': ROLE,
          'ip-providers': 'https://echo1.proxied.test/ip,https://echo2.proxied.test/ip2'
        },
        env: {
          https_proxy: proxy.url,
          no_proxy: 'token.runner.internal,.amazonaws.example',
          NODE_EXTRA_CA_CERTS: fronts.caFile,
          AWS_REGION: 'us-east-1',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_ENDPOINT_URL_ROUTE_53: 'https://aws.proxied.test',
          AWS_ENDPOINT_URL_STS: 'https://aws.proxied.test',
          ACTIONS_ID_TOKEN_REQUEST_URL: 'https://aws.proxied.test/oidc/token?api-version=2.0',
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN!
        }
      })
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(run.outputs.ipv4).toBe(ECHO_V4)
      expect(JSON.parse(run.outputs.records ?? '[]')).toMatchObject([{ result: 'created' }])
      // The token, STS, both echo services and Route 53 went through tunnels; nothing was refused.
      expect([...new Set(proxy.tunnels)].sort()).toEqual([
        'aws.proxied.test:443',
        'echo1.proxied.test:443',
        'echo2.proxied.test:443'
      ])
      expect(proxy.refused).toEqual([])
      expect(proxy.forwarded).toEqual([])
      expect(standIn.count('GetIDToken')).toBe(1)
      expect(standIn.count('AssumeRoleWithWebIdentity')).toBe(1)
      expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
    })
  }
)
