// STS (AssumeRoleWithWebIdentity, GetCallerIdentity) and the GitHub runner's OIDC token endpoint.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { randomId } from './route53.js'
import { ApiError, STS_NS, tag, wrap } from './xml.js'

export const OIDC_ISSUER = 'https://token.actions.githubusercontent.com'
export const DEFAULT_SUBJECT = 'repo:octo/demo:ref:refs/heads/main'
export const STATIC_ACCESS_KEY_ID = 'AKIAIOSFODNN7STANDIN'
export const STATIC_SECRET_ACCESS_KEY = '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'
export const STATIC_PRINCIPAL_ARN = 'arn:aws:iam::111122223333:user/stand-in-test'

export interface Role {
  arn: string
  audience: string
  subject?: string
  maxSessionSeconds: number
}

export interface IssuedCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiration: number
  principalArn: string
  roleArn: string
}

interface IssuedToken {
  aud: string
  sub: string
  exp: number
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url')

export class Identity {
  readonly roles = new Map<string, Role>()
  readonly tokens = new Map<string, IssuedToken>()
  readonly credentials = new Map<string, IssuedCredentials>()
  readonly requestToken = randomBytes(24).toString('hex')
  private readonly secret = randomBytes(32)
  subject: string
  tokenTtlSeconds: number

  constructor(
    private readonly now: () => number,
    opts: { subject?: string; tokenTtlSeconds?: number }
  ) {
    this.subject = opts.subject ?? DEFAULT_SUBJECT
    this.tokenTtlSeconds = opts.tokenTtlSeconds ?? 300
  }

  addRole(r: {
    arn: string
    audience?: string
    subject?: string
    maxSessionSeconds?: number
  }): void {
    if (!ROLE_ARN.test(r.arn)) throw new Error(`malformed role ARN ${r.arn}`)
    const max = r.maxSessionSeconds ?? 3600
    if (max < 3600 || max > 43200) throw new Error('maxSessionSeconds must be 3600..43200 (as IAM)')
    this.roles.set(r.arn, {
      arn: r.arn,
      audience: r.audience ?? 'sts.amazonaws.com',
      maxSessionSeconds: max,
      ...(r.subject !== undefined ? { subject: r.subject } : {})
    })
  }

  /** GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=… with the bearer token. */
  issueIdToken(authorization: string | undefined, audience: string | null): string {
    const expected = Buffer.from(`Bearer ${this.requestToken}`)
    const got = Buffer.from(authorization ?? '')
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      throw new ApiError(401, 'Unauthorized', 'Bad credentials')
    }
    const iat = Math.floor(this.now() / 1000)
    const aud = audience ?? 'https://github.com/octo'
    const exp = iat + this.tokenTtlSeconds
    const header = { alg: 'HS256', typ: 'JWT', kid: 'stand-in' }
    const [repo, ref] = parseSubject(this.subject)
    const claims = {
      jti: randomBytes(16).toString('hex'),
      sub: this.subject,
      aud,
      ref,
      repository: repo,
      repository_owner: repo.split('/')[0] ?? '',
      event_name: 'push',
      runner_environment: 'github-hosted',
      iss: OIDC_ISSUER,
      nbf: iat - 5,
      iat,
      exp
    }
    const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`
    const sig = createHmac('sha256', this.secret).update(unsigned).digest('base64url')
    const jwt = `${unsigned}.${sig}`
    this.tokens.set(jwt, { aud, sub: this.subject, exp: exp * 1000 })
    return JSON.stringify({ value: jwt })
  }

  /** Resolves the principal of a SigV4-signed request; throws like AWS for bad keys. */
  principal(accessKeyId: string, sessionToken: string | undefined): string {
    if (accessKeyId === STATIC_ACCESS_KEY_ID) {
      if (sessionToken !== undefined) {
        throw new ApiError(
          403,
          'InvalidClientTokenId',
          'The security token included in the request is invalid.'
        )
      }
      return STATIC_PRINCIPAL_ARN
    }
    const c = this.credentials.get(accessKeyId)
    if (!c || c.sessionToken !== sessionToken) {
      throw new ApiError(
        403,
        'InvalidClientTokenId',
        'The security token included in the request is invalid.'
      )
    }
    if (this.now() >= c.expiration) {
      throw new ApiError(
        403,
        'ExpiredToken',
        'The security token included in the request is expired'
      )
    }
    return c.principalArn
  }

  assumeRoleWithWebIdentity(p: URLSearchParams): string {
    const roleArn = p.get('RoleArn')
    const session = p.get('RoleSessionName')
    const token = p.get('WebIdentityToken')
    const durationRaw = p.get('DurationSeconds')
    const problems: string[] = []
    if (roleArn === null)
      problems.push("Value null at 'roleArn' failed to satisfy constraint: Member must not be null")
    else if (roleArn.length < 20 || roleArn.length > 2048) {
      problems.push(
        `Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length between 20 and 2048`
      )
    }
    if (session === null) {
      problems.push(
        "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null"
      )
    } else if (session.length < 2 || session.length > 64) {
      problems.push(
        `Value '${session}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64`
      )
    } else if (!/^[\w+=,.@-]*$/.test(session)) {
      problems.push(
        `Value '${session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`
      )
    }
    if (token === null) {
      problems.push(
        "Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null"
      )
    } else if (token.length < 4 || token.length > 20000) {
      problems.push(
        "Value at 'webIdentityToken' failed to satisfy constraint: Member must have length between 4 and 20000"
      )
    }
    let duration = 3600
    if (durationRaw !== null) {
      if (!/^\d+$/.test(durationRaw)) {
        problems.push(
          `Value '${durationRaw}' at 'durationSeconds' failed to satisfy constraint: Member must be a number`
        )
      } else {
        duration = Number(durationRaw)
        if (duration < 900) {
          problems.push(
            `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`
          )
        } else if (duration > 43200) {
          problems.push(
            `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200`
          )
        }
      }
    }
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'ValidationError',
        `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`
      )
    }
    if (!ROLE_ARN.test(roleArn as string))
      throw new ApiError(400, 'ValidationError', 'Request ARN is invalid')
    const issued = this.tokens.get(token as string)
    if (!issued || !this.verify(token as string)) {
      throw new ApiError(
        400,
        'InvalidIdentityToken',
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"
      )
    }
    if (this.now() >= issued.exp) {
      throw new ApiError(
        400,
        'ExpiredTokenException',
        `Token expired: current date/time ${Math.floor(this.now() / 1000)} must be before the expiration date/time ${Math.floor(issued.exp / 1000)}`
      )
    }
    const role = this.roles.get(roleArn as string)
    if (!role)
      throw new ApiError(
        403,
        'AccessDenied',
        'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      )
    if (issued.aud !== role.audience)
      throw new ApiError(400, 'InvalidIdentityToken', 'Incorrect token audience')
    if (role.subject !== undefined && role.subject !== issued.sub) {
      throw new ApiError(
        403,
        'AccessDenied',
        'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      )
    }
    if (duration > role.maxSessionSeconds) {
      throw new ApiError(
        400,
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
      )
    }
    const account = (roleArn as string).split(':')[4] ?? ''
    const roleName = (roleArn as string).split('/').pop() ?? ''
    const principalArn = `arn:aws:sts::${account}:assumed-role/${roleName}/${session as string}`
    const creds: IssuedCredentials = {
      accessKeyId: randomId('ASIA', 16),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(96).toString('base64')}`,
      expiration: this.now() + duration * 1000,
      principalArn,
      roleArn: roleArn as string
    }
    this.credentials.set(creds.accessKeyId, creds)
    const result =
      wrap(
        'Credentials',
        tag('AccessKeyId', creds.accessKeyId) +
          tag('SecretAccessKey', creds.secretAccessKey) +
          tag('SessionToken', creds.sessionToken) +
          tag('Expiration', new Date(creds.expiration).toISOString())
      ) +
      tag('SubjectFromWebIdentityToken', issued.sub) +
      wrap(
        'AssumedRoleUser',
        tag('AssumedRoleId', `${randomId('AROA', 17)}:${session as string}`) +
          tag('Arn', principalArn)
      ) +
      tag('Provider', `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`) +
      tag('Audience', issued.aud)
    return responseDoc('AssumeRoleWithWebIdentity', result)
  }

  getCallerIdentity(principalArn: string, accessKeyId: string): string {
    const account = principalArn.split(':')[4] ?? ''
    const result = tag('UserId', accessKeyId) + tag('Account', account) + tag('Arn', principalArn)
    return responseDoc('GetCallerIdentity', result)
  }

  private verify(jwt: string): boolean {
    const i = jwt.lastIndexOf('.')
    if (i < 0) return false
    const expected = createHmac('sha256', this.secret).update(jwt.slice(0, i)).digest('base64url')
    return expected === jwt.slice(i + 1)
  }
}

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/

function parseSubject(sub: string): [string, string] {
  const m = /^repo:([^:]+):(?:ref:(.+))?/.exec(sub)
  const repo = (m?.[1] ?? 'octo/demo').replace(/@\d+/g, '')
  return [repo, m?.[2] ?? 'refs/heads/main']
}

function responseDoc(action: string, result: string): string {
  return (
    `<${action}Response xmlns="${STS_NS}">` +
    wrap(`${action}Result`, result) +
    wrap('ResponseMetadata', tag('RequestId', randomId('', 8).toLowerCase() + '-standin')) +
    `</${action}Response>`
  )
}
