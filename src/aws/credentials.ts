import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { UpdateError, awsFailure } from '../model/errors.js'
import { explainStsDenied } from './iam/access-denied.js'
import { fullJitter, retrySleep, standardRetryStrategy, type RetryTiming } from './retry.js'
import { stoppedWhile, type Stop } from '../core/lifecycle.js'
import { sdkRequestHandler, type Timeouts } from '../net/request.js'
import { requestIdToken } from '../action/oidc-token.js'
import type { AuthConfig, Logger } from '../model/types.js'
import type { RunContext } from '../model/run-context.js'

interface OidcDeps {
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
  /** The run's bound and cancellation: requests are dropped when `stop.signal` aborts. */
  stop?: Stop
  /** The workflow run: its repository, ref and event shape the help when STS refuses. */
  run?: RunContext
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
function tokenSubject(token: string): string | undefined {
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

/** Attempts at the token and at STS, each on top of the SDK's own retries. */
const ATTEMPTS = 4
/** The sign-in's own backoff: full jitter from 1 s, doubling, capped at 8 s. */
const BACKOFF_BASE_MS = 500
const BACKOFF_CAP_MS = 8000

const NO_TOKEN_PERMISSION =
  'role-to-assume is set, but this job cannot request a GitHub OIDC token: add `permissions: id-token: write` to the workflow or job.'

/** The answer of one attempt that failed in a way worth another. */
const RETRY = Symbol('retry')

/** One sign-in: its inputs, and what every attempt shares. */
interface SignIn {
  auth: Extract<AuthConfig, { kind: 'oidc' }>
  deps: OidcDeps
  sts: STSClient
  getIdToken: (audience: string) => Promise<string>
  signal: AbortSignal | undefined
}

/** The runner's token request, unless one is injected; dropped with the run's requests. */
function tokenRequest(deps: OidcDeps, signal: AbortSignal | undefined): SignIn['getIdToken'] {
  if (deps.getIdToken) return deps.getIdToken
  return (audience) =>
    requestIdToken(audience, {
      env: deps.env,
      setSecret: deps.setSecret,
      ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
      ...(signal ? { signal } : {})
    })
}

/** Attempt `attempt` at the token; RETRY after a transient failure with attempts left. */
async function fetchToken(signIn: SignIn, attempt: number): Promise<string | typeof RETRY> {
  try {
    // Fetched right before each STS call: tokens live about five minutes.
    return await signIn.getIdToken(signIn.auth.audience)
  } catch (err) {
    const stopped = stoppedWhile(err, 'the GitHub OIDC token endpoint', signIn.signal)
    if (stopped) throw stopped
    if (isTransient(err) && attempt < ATTEMPTS) {
      signIn.deps.logger.warning(
        `Getting the GitHub OIDC token failed (${(err as Error).message}); retrying (attempt ${attempt + 1} of ${ATTEMPTS}).`
      )
      return RETRY
    }
    throw new UpdateError(
      `Could not get a GitHub OIDC token for audience '${signIn.auth.audience}': ${(err as Error).message}`,
      { cause: err }
    )
  }
}

/** Exchange the token at STS; the credentials, masked, or RETRY after a transient failure. */
async function exchangeToken(
  signIn: SignIn,
  token: string,
  attempt: number
): Promise<AwsCredentialIdentity | typeof RETRY> {
  const { auth, deps } = signIn
  try {
    const out = await signIn.sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: auth.roleArn,
        RoleSessionName: auth.sessionName,
        WebIdentityToken: token,
        DurationSeconds: auth.durationSeconds
      }),
      signIn.signal ? { abortSignal: signIn.signal } : undefined
    )
    const c = out.Credentials
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw awsFailure('STS returned no credentials for role-to-assume.', {
        $metadata: out.$metadata
      })
    }
    for (const secret of [c.AccessKeyId, c.SecretAccessKey, c.SessionToken]) deps.setSecret(secret)
    deps.logger.info(`Assumed role ${auth.roleArn} as session ${auth.sessionName}.`)
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {})
    }
  } catch (err) {
    return stsFailure(signIn, err, token, attempt)
  }
}

/** What a failed STS call becomes: RETRY when transient with attempts left, else the error. */
function stsFailure(signIn: SignIn, err: unknown, token: string, attempt: number): typeof RETRY {
  if (err instanceof UpdateError) throw err
  const stopped = stoppedWhile(err, 'STS AssumeRoleWithWebIdentity', signIn.signal)
  if (stopped) throw stopped
  const name = (err as { name?: string }).name ?? 'Error'
  const code = stsErrorCode(err)
  if (TRANSIENT.has(code) && attempt < ATTEMPTS) {
    signIn.deps.logger.warning(
      `STS AssumeRoleWithWebIdentity failed (${name}); retrying (attempt ${attempt + 1} of ${ATTEMPTS}).`
    )
    return RETRY
  }
  const message = (err as Error).message ?? String(err)
  if (!REFUSED.has(code))
    throw awsFailure(`Could not assume role ${signIn.auth.roleArn} (${name}): ${message}`, err)
  const run = signIn.deps.run
  const subject = tokenSubject(token)
  throw awsFailure(
    explainStsDenied({
      roleArn: signIn.auth.roleArn,
      audience: signIn.auth.audience,
      code,
      awsMessage: message,
      ...(run?.repository ? { repository: run.repository } : {}),
      ...(run?.ref ? { ref: run.ref } : {}),
      ...(run?.eventName ? { eventName: run.eventName } : {}),
      ...(subject ? { subject } : {})
    }),
    err
  )
}

/**
 * Sign in with GitHub OIDC: fetch a token for the audience, exchange it at STS for temporary
 * credentials, mask them, and hand them back for the Route 53 client only (never exported).
 */
export async function assumeRoleWithOidc(
  auth: Extract<AuthConfig, { kind: 'oidc' }>,
  deps: OidcDeps
): Promise<AwsCredentialIdentity> {
  if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    throw new UpdateError(NO_TOKEN_PERMISSION)
  // Sign-in only reads: it is dropped at once when the run stops.
  const signal = deps.stop?.signal
  const sleep = retrySleep(deps.timing, signal)
  const sts = new STSClient({
    region: deps.region,
    ...(deps.endpoint ? { endpoint: deps.endpoint } : {}),
    retryStrategy: standardRetryStrategy(3, deps.timing),
    requestHandler: sdkRequestHandler(deps.timeouts)
  })
  const signIn: SignIn = { auth, deps, sts, getIdToken: tokenRequest(deps, signal), signal }
  for (let attempt = 1; ; attempt++) {
    // Full jitter, as the SDK does, on top of its own retries of 5xx and throttling.
    const backoff = (): Promise<void> => sleep(fullJitter(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS))
    const token = await fetchToken(signIn, attempt)
    if (token === RETRY) {
      await backoff()
      continue
    }
    deps.setSecret(token)
    const credentials = await exchangeToken(signIn, token, attempt)
    if (credentials !== RETRY) return credentials
    await backoff()
    const stoppedNow = stoppedWhile(undefined, 'STS AssumeRoleWithWebIdentity', signal)
    if (stoppedNow) throw stoppedNow
  }
}
