// Credentials reach the container from outside, never from the image: a mounted shared-credentials
// profile, or a web-identity token file with a role (as EKS service accounts provide them), which
// the AWS SDK's default chain exchanges at STS. Both against the stand-in, with no keys in the
// environment. Run by `npm run test:container`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chmodSync, chownSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import {
  IMAGE,
  buildImage,
  envFile,
  podman,
  removeContainers,
  runArgs,
  unavailable
} from './podman.js'

const missing = unavailable()
if (missing && process.env.CI === 'true') throw new Error(`container tests cannot run: ${missing}`)
if (missing) console.warn(`test/container/credentials.test.ts: skipped: ${missing}`)

const ROLE = 'arn:aws:iam::111122223333:role/ddns-container'
const SUBJECT = 'system:serviceaccount:ddns:route53-ddns'

/** A directory only the image's user (65532) can read, holding these files. */
function privateDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'r53-creds-'))
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text)
    chownSync(join(dir, name), 65532, 65532)
    chmodSync(join(dir, name), 0o600)
  }
  chownSync(dir, 65532, 65532)
  chmodSync(dir, 0o700)
  return dir
}

describe.skipIf(missing !== undefined)('credentials in the container', () => {
  let standIn: StandIn
  let zoneId = ''
  const names: string[] = []
  beforeAll(async () => {
    buildImage()
    standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50, oidcSubject: SUBJECT })
    zoneId = standIn.addZone({ name: 'example.com' })
    standIn.addRole({ arn: ROLE, subject: SUBJECT })
  }, 300_000)
  afterAll(async () => {
    await removeContainers(names)
    await standIn?.close()
  })

  /** One update of `host` with only these variables and mounts; the key it signed with. */
  async function updateWith(host: string, vars: Record<string, string>, mount: string) {
    const name = `r53-test-creds-${host}-${process.pid}`
    names.push(name)
    const s = standIn.env()
    const env = envFile({
      ROUTE53_DDNS_HOSTED_ZONE_ID: zoneId,
      AWS_ENDPOINT_URL_ROUTE_53: s.AWS_ENDPOINT_URL_ROUTE_53 ?? '',
      AWS_ENDPOINT_URL_STS: s.AWS_ENDPOINT_URL_STS ?? '',
      AWS_REGION: s.AWS_REGION ?? '',
      ...vars
    })
    standIn.resetLog()
    const ran = await podman([
      ...runArgs(name, env, ['--rm', '--volume', mount]),
      IMAGE,
      '--hostname',
      `${host}.example.com`,
      '--ip',
      '198.51.100.9'
    ])
    const write = standIn.requests.find((r) => r.operation === 'ChangeResourceRecordSets')
    return { ...ran, key: write?.accessKeyId }
  }

  it('a mounted profile: ~/.aws of the nonroot user, AWS_PROFILE', async () => {
    const s = standIn.env()
    const dir = privateDir({
      credentials: `[ddns]\naws_access_key_id = ${s.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${s.AWS_SECRET_ACCESS_KEY}\n`
    })
    const ran = await updateWith('profile', { AWS_PROFILE: 'ddns' }, `${dir}:/home/nonroot/.aws:ro`)
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.key).toBe(s.AWS_ACCESS_KEY_ID)
  }, 60_000)

  it('a web-identity token file and AWS_ROLE_ARN: the SDK assumes the role at STS', async () => {
    const s = standIn.env()
    const answer = await fetch(`${s.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`, {
      headers: { authorization: `Bearer ${s.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
    })
    const { value: token } = (await answer.json()) as { value: string }
    const dir = privateDir({ token })
    const ran = await updateWith(
      'webidentity',
      {
        AWS_ROLE_ARN: ROLE,
        AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token'
      },
      `${dir}:/var/run/secrets/eks.amazonaws.com/serviceaccount:ro`
    )
    expect(ran.code, ran.stderr).toBe(0)
    expect(standIn.count('AssumeRoleWithWebIdentity')).toBe(1)
    const issued = standIn.issuedCredentials()
    expect(issued).toHaveLength(1)
    expect(ran.key).toBe(issued[0]?.accessKeyId)
    expect(ran.key).toMatch(/^ASIA/)
  }, 60_000)

  it('no credentials at all: a clear error, exit 1, nothing written', async () => {
    const dir = privateDir({})
    const ran = await updateWith('none', {}, `${dir}:/home/nonroot/.aws:ro`)
    expect(ran.code).toBe(1)
    expect(ran.stderr).toMatch(/^error: .*credential/im)
    expect(ran.key).toBeUndefined()
  }, 60_000)
})
