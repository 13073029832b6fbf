// The runner's OIDC token, by its documented protocol: one GET with the request token. Done here
// rather than with core.getIDToken, whose request has a 3-minute socket timeout and retries but no
// overall deadline and no abort; this request gets the same limits, abort and network settings as
// every other request of the run.
import { httpRequest, DEFAULT_TIMEOUTS, type Timeouts } from '../net/request.js'

interface IdTokenOptions {
  env: Record<string, string | undefined>
  /** Masks the token in all later log output before anything else sees it. */
  setSecret: (value: string) => void
  timeouts?: Timeouts
  signal?: AbortSignal
}

/** Fetch a token for `audience`; throws with a short reason (never the request token). */
export async function requestIdToken(audience: string, opts: IdTokenOptions): Promise<string> {
  const base = opts.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''
  const requestToken = opts.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''
  const url = new URL(base)
  url.searchParams.set('audience', audience)
  const answer = await httpRequest(url.href, {
    headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
    timeouts: opts.timeouts ?? DEFAULT_TIMEOUTS,
    ...(opts.signal ? { signal: opts.signal } : {})
  })
  if (answer.status !== 200) {
    const transient = answer.status >= 500 || answer.status === 429
    throw Object.assign(new Error(`the token endpoint answered HTTP ${answer.status}`), {
      transient
    })
  }
  let value: unknown
  try {
    value = (JSON.parse(answer.body) as { value?: unknown }).value
  } catch {
    value = undefined
  }
  if (typeof value !== 'string' || value === '') {
    throw new Error('the token endpoint answered without a token')
  }
  opts.setSecret(value)
  return value
}
