// Secrets that AWS quotes back: real error bodies from the stand-in (an 'Answer' fault quoting
// what was sent), deserialised by the SDK, through run() with the real runner port and through
// the CLI. Nothing secret may reach stdout, an output or the summary.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SIGNATURE_MISMATCH_QUOTING, startStandIn, type StandIn } from './stand-in/index.js'
import { run } from '../src/action/main.js'
import { createRunner } from '../src/action/runner.js'
import { clearSecrets } from '../src/net/redact.js'
import { parseOutputFile } from './helpers/run-action.js'
import { standInIdToken, useStandInEnv } from './helpers/stand-in-env.js'
import { NO_WAIT } from './helpers/timing.js'
import { cli } from './cli/helpers.js'

const ROLE = 'arn:aws:iam::111122223333:role/ddns'
const SESSION_TOKEN = 'FwoGZXIvYXdzEJr//////////wEaDEXAMPLEsessionTOKEN+abc/def=='
let standIn: StandIn
let restore: () => void
let zone: string
let zoneId: string

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 20 })
  standIn.addRole({ arn: ROLE, subject: 'repo:octo/demo:ref:refs/heads/main' })
  restore = useStandInEnv(standIn)
})
afterAll(async () => {
  restore()
  await standIn.close()
})
beforeEach(() => {
  zone = `s${Math.random().toString(36).slice(2, 8)}.example.com`
  zoneId = standIn.addZone({ name: zone })
  standIn.clearFaults()
  standIn.resetLog()
  clearSecrets()
})

interface PortRun {
  /** stdout without the ::add-mask:: lines (the runner consumes them, never shows them). */
  stdout: string
  masks: string[]
  outputs: Record<string, string>
  summary: string
  exitCodes: number[]
}

/** run() with the real runner port: workflow commands captured, outputs and summary in files. */
async function portRun(
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<PortRun> {
  const dir = mkdtempSync(join(tmpdir(), 'r53-secrets-'))
  const output = join(dir, 'output')
  const summary = join(dir, 'summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  const stepEnv: Record<string, string | undefined> = {
    ...standIn.env(),
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_ENVIRONMENT: 'self-hosted',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    ...env
  }
  for (const [k, v] of Object.entries(inputs)) stepEnv[`INPUT_${k.toUpperCase()}`] = v
  let stdout = ''
  const exitCodes: number[] = []
  const runner = createRunner({
    env: stepEnv,
    write: (t) => void (stdout += t),
    getIDToken: (aud) => standInIdToken(standIn, aud),
    setExitCode: (c) => void exitCodes.push(c)
  })
  await run(runner, { env: stepEnv, machine: 'testbox', timing: NO_WAIT })
  const lines = stdout.split('\n')
  return {
    stdout: lines.filter((l) => !l.startsWith('::add-mask::')).join('\n'),
    masks: lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice(12)),
    outputs: parseOutputFile(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    exitCodes
  }
}

/** Where any of `secrets` appears (by place, never the value). */
function leaks(r: PortRun, secrets: string[]): string[] {
  const places = { stdout: r.stdout, outputs: JSON.stringify(r.outputs), summary: r.summary }
  return Object.entries(places).flatMap(([where, text]) =>
    secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s.slice(0, 6)}…`)
  )
}

const issuedSecrets = (): string[] => [
  ...standIn.issuedTokens(),
  ...standIn.issuedCredentials().flatMap((c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken])
]

describe('secrets quoted back by AWS are masked everywhere (action, real runner port)', () => {
  it('STS ValidationError quoting the web-identity token', async () => {
    standIn.inject({
      operation: 'AssumeRoleWithWebIdentity',
      error: 'Answer',
      code: 'ValidationError',
      message:
        "1 validation error detected: Value '{param:WebIdentityToken}' at 'webIdentityToken' failed to satisfy constraint: Member must have length less than or equal to 2048"
    })
    const r = await portRun({
      hostname: `v.${zone}`,
      'hosted-zone-id': zoneId,
      ip: '198.51.100.4',
      'role-to-assume': ROLE
    })
    expect(r.exitCodes).toEqual([1])
    const token = standIn.issuedTokens().at(-1) as string
    expect(r.masks).toContain(token)
    // AWS's message reached the annotation and the summary, with the token masked.
    expect(r.stdout).toContain('::error::Could not assume role')
    expect(r.stdout).toContain("Value '***' at 'webIdentityToken'")
    expect(r.summary).toContain("Value '***' at 'webIdentityToken'")
    expect(leaks(r, [token])).toEqual([])
  })

  it('STS InvalidIdentityToken quoting the token, explained in trust-policy terms', async () => {
    standIn.inject({
      operation: 'AssumeRoleWithWebIdentity',
      error: 'Answer',
      code: 'InvalidIdentityToken',
      message: "The web identity token '{param:WebIdentityToken}' could not be validated by AWS."
    })
    const r = await portRun({
      hostname: `i.${zone}`,
      'hosted-zone-id': zoneId,
      ip: '198.51.100.4',
      'role-to-assume': ROLE
    })
    expect(r.exitCodes).toEqual([1])
    expect(r.stdout).toContain('::error::STS refused to let this run assume')
    expect(r.summary).toContain('The IAM OIDC provider')
    expect(leaks(r, issuedSecrets())).toEqual([])
  })

  it('Route 53 SignatureDoesNotMatch quoting the canonical request with the role session token', async () => {
    standIn.inject({
      operation: 'ListResourceRecordSets',
      error: 'Answer',
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: SIGNATURE_MISMATCH_QUOTING
    })
    const r = await portRun({
      hostname: `sig.${zone}`,
      'hosted-zone-id': zoneId,
      ip: '198.51.100.4',
      'role-to-assume': ROLE
    })
    expect(r.exitCodes).toEqual([1])
    const session = standIn.issuedCredentials().at(-1)
    expect(session).toBeDefined()
    // The quote arrived (so the test can fail), masked.
    expect(r.summary).toContain('x-amz-security-token:***')
    expect(r.stdout).toContain('x-amz-security-token:***')
    expect(leaks(r, issuedSecrets())).toEqual([])
    expect(r.outputs.records).toBeDefined()
  })

  it('SignatureDoesNotMatch with keys given to the step (no OIDC): the session token from the environment', async () => {
    standIn.inject({
      operation: 'ListResourceRecordSets',
      error: 'Answer',
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: SIGNATURE_MISMATCH_QUOTING
    })
    const before = process.env.AWS_SESSION_TOKEN
    process.env.AWS_SESSION_TOKEN = SESSION_TOKEN
    try {
      const r = await portRun(
        { hostname: `env.${zone}`, 'hosted-zone-id': zoneId, ip: '198.51.100.4' },
        { AWS_SESSION_TOKEN: SESSION_TOKEN }
      )
      expect(r.exitCodes).toEqual([1])
      expect(r.stdout).toContain('x-amz-security-token:***')
      expect(leaks(r, [SESSION_TOKEN])).toEqual([])
    } finally {
      if (before === undefined) delete process.env.AWS_SESSION_TOKEN
      else process.env.AWS_SESSION_TOKEN = before
    }
  })
})

describe('secrets quoted back by AWS are masked (CLI)', () => {
  it('SignatureDoesNotMatch quoting the session token the CLI signed with', async () => {
    standIn.inject({
      operation: 'ListResourceRecordSets',
      error: 'Answer',
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: SIGNATURE_MISMATCH_QUOTING
    })
    const before = process.env.AWS_SESSION_TOKEN
    process.env.AWS_SESSION_TOKEN = SESSION_TOKEN
    try {
      const r = await cli(
        ['--hostname', `cli.${zone}`, '--hosted-zone-id', zoneId, '--ip', '198.51.100.4'],
        { env: { ...standIn.env(), AWS_SESSION_TOKEN: SESSION_TOKEN } }
      )
      expect(r.code).toBe(1)
      expect(r.stderr).toContain('x-amz-security-token:***')
      expect(r.stdout + r.stderr).not.toContain(SESSION_TOKEN)
      expect(r.stdout + r.stderr).not.toContain(standIn.env().AWS_SECRET_ACCESS_KEY)
    } finally {
      if (before === undefined) delete process.env.AWS_SESSION_TOKEN
      else process.env.AWS_SESSION_TOKEN = before
    }
  })
})
