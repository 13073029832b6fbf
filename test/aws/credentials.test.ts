// assumeRoleWithOidc against the stand-in's STS, through the real SDK: the error names are the
// ones the SDK gives when it deserialises STS's real error bodies, not constructed error objects.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { assumeRoleWithOidc, stsErrorCode } from '../../src/aws/credentials.js'
import type { Logger } from '../../src/model/types.js'
import { standInIdToken, useStandInEnv } from '../helpers/stand-in-env.js'
import { NO_WAIT } from '../helpers/timing.js'
import { runContextFromEnv } from '../../src/model/run-context.js'

const ROLE = 'arn:aws:iam::111122223333:role/ddns'
const auth = {
  kind: 'oidc' as const,
  roleArn: ROLE,
  audience: 'sts.amazonaws.com',
  sessionName: 'route53-ddns-test',
  durationSeconds: 900
}

let standIn: StandIn
let clock = Date.now()
let restore: () => void
const warnings: string[] = []
const secrets: string[] = []
const logger: Logger = {
  info: () => undefined,
  warning: (m) => void warnings.push(m),
  debug: () => undefined
}

function deps(over: { getIdToken?: (aud: string) => Promise<string> } = {}) {
  return {
    region: 'us-east-1',
    env: standIn.env(),
    run: runContextFromEnv({
      GITHUB_RUN_ID: '4242',
      GITHUB_REPOSITORY: 'octo/demo',
      GITHUB_REF: 'refs/heads/main'
    }),
    getIdToken: over.getIdToken ?? ((aud: string) => standInIdToken(standIn, aud)),
    setSecret: (s: string) => void secrets.push(s),
    logger,
    timing: NO_WAIT
  }
}

/** The error assumeRoleWithOidc throws, as text. */
async function failure(d = deps()): Promise<string> {
  const err = await assumeRoleWithOidc(auth, d).then(
    () => undefined,
    (e: unknown) => e as Error
  )
  expect(err, 'the sign-in should have failed').toBeInstanceOf(Error)
  return (err as Error).message
}

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, now: () => clock })
  standIn.addRole({ arn: ROLE, subject: 'repo:octo/demo:ref:refs/heads/main' })
  restore = useStandInEnv(standIn)
})
afterAll(async () => {
  restore()
  await standIn.close()
})
beforeEach(() => {
  clock = Date.now()
  warnings.length = 0
  secrets.length = 0
  standIn.clearFaults()
  standIn.setOidcSubject('repo:octo/demo:ref:refs/heads/main')
  standIn.resetLog()
})

describe('assumeRoleWithOidc', () => {
  it('signs in and registers the token and all three credentials as secrets', async () => {
    const creds = await assumeRoleWithOidc(auth, deps())
    const issued = standIn.issuedCredentials().find((c) => c.accessKeyId === creds.accessKeyId)
    expect(issued).toBeDefined()
    expect(secrets).toEqual([
      standIn.issuedTokens().at(-1),
      issued?.accessKeyId,
      issued?.secretAccessKey,
      issued?.sessionToken
    ])
  })

  it('InvalidIdentityToken (SDK: InvalidIdentityTokenException) gives the trust-policy checklist, provider first', async () => {
    // A token the provider did not sign: STS answers code InvalidIdentityToken.
    const claims = Buffer.from(JSON.stringify({ sub: 'repo:octo/demo:ref:refs/heads/main' }))
    const forged = `eyJhbGciOiJIUzI1NiJ9.${claims.toString('base64url')}.c2lnbmF0dXJlLWZvcmdlZA`
    const message = await failure(deps({ getIdToken: () => Promise.resolve(forged) }))
    expect(standIn.requests.at(-1)?.errorCode).toBe('InvalidIdentityToken')
    expect(message).toMatch(/^STS refused to let this run assume .* \(InvalidIdentityToken/)
    expect(message).toMatch(/Check:\n1\. The IAM OIDC provider for https:\/\/token\.actions/)
    expect(message).toContain(
      "token.actions.githubusercontent.com:aud must equal the audience input: 'sts.amazonaws.com'"
    )
    // The sub is read from the token itself, so it is exact (environment, immutable form, …).
    expect(message).toContain("This run's token presents: repo:octo/demo:ref:refs/heads/main")
    expect(message).toContain('id-token: write')
    expect(message).not.toContain(forged)
  })

  it('a wrong-audience token is InvalidIdentityToken too, and is not retried', async () => {
    const message = await failure(
      deps({ getIdToken: () => standInIdToken(standIn, 'https://github.com/octo') })
    )
    expect(message).toContain('Incorrect token audience')
    expect(message).toContain('The IAM OIDC provider')
    expect(standIn.count('AssumeRoleWithWebIdentity')).toBe(1)
  })

  it('ExpiredTokenException explains the token lifetime', async () => {
    const message = await failure(
      deps({
        getIdToken: async (aud) => {
          const token = await standInIdToken(standIn, aud)
          clock += 10 * 60_000 // the token is ten minutes old when STS sees it
          return token
        }
      })
    )
    expect(standIn.requests.at(-1)?.errorCode).toBe('ExpiredTokenException')
    expect(message).toContain('The token expired before STS saw it')
  })

  it('AccessDenied (a sub the trust policy does not accept) names the sub this run presents', async () => {
    standIn.setOidcSubject('repo:octo/demo:pull_request')
    const message = await failure()
    expect(standIn.requests.at(-1)?.errorCode).toBe('AccessDenied')
    expect(message).toMatch(/\(AccessDenied\)/)
    expect(message).toContain('Check:')
    expect(message).toContain(':sub must match the token')
    // The immutable form: created after (not on) the date, or renamed/transferred after it.
    expect(message).toContain(
      'repositories created after 2026-07-15, older ones renamed or transferred after that date'
    )
  })

  it('IDPCommunicationError (SDK: IDPCommunicationErrorException) is retried past the SDK, then succeeds', async () => {
    // The SDK retries it 3 times itself; the fourth answer comes from the code's own retry.
    standIn.inject({
      operation: 'AssumeRoleWithWebIdentity',
      error: 'Answer',
      code: 'IDPCommunicationError',
      message: 'The identity provider could not be reached.',
      times: 3
    })
    const creds = await assumeRoleWithOidc(auth, deps())
    expect(creds.accessKeyId).toMatch(/^ASIA/)
    expect(standIn.count('AssumeRoleWithWebIdentity')).toBe(4)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/IDPCommunicationError.*retrying \(attempt 2 of 4\)/)
  })
})

describe('stsErrorCode', () => {
  it('reads the wire code whether the SDK adds "Exception" or not', () => {
    expect(stsErrorCode({ name: 'InvalidIdentityTokenException' })).toBe('InvalidIdentityToken')
    expect(stsErrorCode({ name: 'ExpiredTokenException' })).toBe('ExpiredToken')
    expect(stsErrorCode({ name: 'IDPCommunicationErrorException' })).toBe('IDPCommunicationError')
    expect(stsErrorCode({ name: 'AccessDenied' })).toBe('AccessDenied')
    expect(stsErrorCode({})).toBe('Error')
  })
})
