// Point the AWS SDK (which reads its endpoints and default credentials from process.env) at a
// stand-in, away from any real profile or instance metadata; and fetch runner OIDC tokens from it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StandIn } from '../stand-in/index.js'

/** Sets process.env for the stand-in (plus `extra`); returns a function that restores it. */
export function useStandInEnv(standIn: StandIn, extra: Record<string, string> = {}): () => void {
  const saved = { ...process.env }
  const home = mkdtempSync(join(tmpdir(), 'r53-env-'))
  Object.assign(process.env, standIn.env(), {
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    ...extra
  })
  delete process.env.AWS_PROFILE
  return () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
  }
}

/** The runner's token request (as @actions/core makes it), answered by the stand-in. */
export async function standInIdToken(standIn: StandIn, audience: string): Promise<string> {
  const env = standIn.env()
  const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    signal: AbortSignal.timeout(5000)
  })
  if (!res.ok) throw new Error(`token request failed: ${res.status}`)
  return ((await res.json()) as { value: string }).value
}
