import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { UpdateError, awsFailure } from '../model/errors.js'
import { explainStsDenied } from './iam/access-denied.js'
import { defaultSleep, standardRetryStrategy, type RetryTiming } from './retry.js'
import { stoppedWhile, type Stop } from '../core/lifecycle.js'
import { sdkRequestHandler, type Timeouts } from '../net/request.js'
import { requestIdToken } from '../action/oidc-token.js'
import type { AuthConfig, Logger } from '../model/types.js'

export interface OidcDeps {
  region: string
  env: Record<string, string | undefined>
  /** Fetches the runner's OIDC token for an audience and masks it; default requestIdToken. */
  getIdToken?: (audience: string) => Promise<string>
  /** Masks a value in all later log output (core.setSecret). */
  setSecret: (value: string) => void
  logger: Logger
  /** Retry timing and sleep (tests inject zero delays); never an input. */
  timing?: RetryTiming
  /** STS endpoint override (tests); otherwise the SDK's, which honours AWS_ENDPOINT_URL_STS. */
  endpoint?: string
  /** Per-request limits for the token and STS requests (default DEFAULT_TIMEOUTS). */
  timeouts?: Timeouts
  /** The run's bound and cancellation: requests are dropped when `stop.dropRequests` aborts. */
  stop?: Stop
}

/** Network-level failures worth another attempt: timeouts, resets, refusals, 5xx. */
function isTransient(err: unknown): boolean {
  const e = err as { name?: string; code?: string; transient?: boolean }
  return (
    e?.transient === true ||
    e?.name === 'TimeoutError' ||
    ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN'].includes(e?.code ?? '')
  )
}

// STS error codes as sent on the wire; see stsErrorCode.
const TRANSIENT = new Set([
  'IDPCommunicationError',
  'InternalFailure',
  'ServiceUnavailable',
  'TimeoutError',
  'NetworkingError'
])
/** Refusals explained in trust-policy terms. */
const REFUSED = new Set([
  'AccessDenied',
  'InvalidIdentityToken',
  'ExpiredToken',
  'IDPRejectedClaim'
])

/**
 * The STS error code of an SDK error. The SDK names modelled errors after their shape
 * (`InvalidIdentityToken` on the wire is `InvalidIdentityTokenException`, `IDPCommunicationError`
 * is `IDPCommunicationErrorException`, `ExpiredTokenException` keeps its name) and unmodelled ones
 * after the code (`AccessDenied`): compare without the suffix.
 */
export function stsErrorCode(err: unknown): string {
  const name = (err as { name?: unknown } | undefined)?.name
  if (typeof name !== 'string' || name === '') return 'Error'
  return name.replace(/Exception$/, '') || name
}

/** The token's `sub` claim, read (not verified) to show the exact value a trust policy must accept. */
export function tokenSubject(token: string): string | undefined {
  const payload = token.split('.')[1]
  if (!payload) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown
    const sub = (claims as { sub?: unknown } | null)?.sub
    // Printable only: the sub is quoted in the error message.
    return typeof sub === 'string' && /^[\x20-\x7e]{1,512}$/.test(sub) ? sub : undefined
  } catch {
    return undefined
  }
}
const ATTEMPTS = 4

/**
 * Sign in with GitHub OIDC: fetch a token for the audience, exchange it at STS for temporary
 * credentials, mask them, and hand them back for the Route 53 client only (never exported).
 */
export async function assumeRoleWithOidc(
  auth: Extract<AuthConfig, { kind: 'oidc' }>,
  deps: OidcDeps
): Promise<AwsCredentialIdentity> {
  const { env, logger } = deps
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new UpdateError(
      'role-to-assume is set, but this job cannot request a GitHub OIDC token: add `permissions: id-token: write` to the workflow or job.'
    )
  }
  const signal = deps.stop?.dropRequests
  // The default sleep ends early when the run stops (the next request then fails at once).
  const sleep = (ms: number): Promise<void> =>
    deps.timing?.sleep
      ? deps.timing.sleep(ms)
      : signal?.aborted
        ? Promise.resolve()
        : Promise.race([
            defaultSleep(ms),
            new Promise<void>((r) => signal?.addEventListener('abort', () => r(), { once: true }))
          ])
  const getIdToken =
    deps.getIdToken ??
    ((audience: string) =>
      requestIdToken(audience, {
        env,
        setSecret: deps.setSecret,
        ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
        ...(signal ? { signal } : {})
      }))
  const sts = new STSClient({
    region: deps.region,
    ...(deps.endpoint ? { endpoint: deps.endpoint } : {}),
    retryStrategy: standardRetryStrategy(3, deps.timing),
    requestHandler: sdkRequestHandler(deps.timeouts)
  })
  for (let attempt = 1; ; attempt++) {
    let token: string
    try {
      // Fetched right before each STS call: tokens live about five minutes.
      token = await getIdToken(auth.audience)
    } catch (err) {
      const stopped = stoppedWhile(err, 'the GitHub OIDC token endpoint', signal)
      if (stopped) throw stopped
      if (isTransient(err) && attempt < ATTEMPTS) {
        logger.warning(
          `Getting the GitHub OIDC token failed (${(err as Error).message}); retrying (attempt ${attempt + 1} of ${ATTEMPTS}).`
        )
        await sleep(Math.random() * Math.min(8000, 500 * 2 ** attempt))
        continue
      }
      throw new UpdateError(
        `Could not get a GitHub OIDC token for audience '${auth.audience}': ${(err as Error).message}`,
        { cause: err }
      )
    }
    deps.setSecret(token)
    try {
      const out = await sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: auth.roleArn,
          RoleSessionName: auth.sessionName,
          WebIdentityToken: token,
          DurationSeconds: auth.durationSeconds
        }),
        signal ? { abortSignal: signal } : undefined
      )
      const c = out.Credentials
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw awsFailure('STS returned no credentials for role-to-assume.', {
          $metadata: out.$metadata
        })
      }
      for (const secret of [c.AccessKeyId, c.SecretAccessKey, c.SessionToken])
        deps.setSecret(secret)
      logger.info(`Assumed role ${auth.roleArn} as session ${auth.sessionName}.`)
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        ...(c.Expiration ? { expiration: c.Expiration } : {})
      }
    } catch (err) {
      if (err instanceof UpdateError) throw err
      const stopped = stoppedWhile(err, 'STS AssumeRoleWithWebIdentity', signal)
      if (stopped) throw stopped
      const name = (err as { name?: string }).name ?? 'Error'
      const code = stsErrorCode(err)
      const message = (err as Error).message ?? String(err)
      if (TRANSIENT.has(code) && attempt < ATTEMPTS) {
        // Full jitter, as the SDK does, on top of its own retries of 5xx and throttling.
        const delay = Math.random() * Math.min(8000, 500 * 2 ** attempt)
        logger.warning(
          `STS AssumeRoleWithWebIdentity failed (${name}); retrying (attempt ${attempt + 1} of ${ATTEMPTS}).`
        )
        await sleep(delay)
        const stoppedNow = stoppedWhile(undefined, 'STS AssumeRoleWithWebIdentity', signal)
        if (stoppedNow) throw stoppedNow
        continue
      }
      if (REFUSED.has(code)) {
        const subject = tokenSubject(token)
        throw awsFailure(
          explainStsDenied({
            roleArn: auth.roleArn,
            audience: auth.audience,
            code,
            awsMessage: message,
            ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
            ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
            ...(env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {}),
            ...(subject ? { subject } : {})
          }),
          err
        )
      }
      throw awsFailure(`Could not assume role ${auth.roleArn} (${name}): ${message}`, err)
    }
  }
}
