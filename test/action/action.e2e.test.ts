import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { NODES, NODE24, ROOT, runAction } from '../helpers/run-action.js'
import { BAD_INPUTS, VALID } from '../helpers/bad-inputs.js'

const ROLE = 'arn:aws:iam::111122223333:role/ddns'
let standIn: StandIn
let zoneId: string

/** The runner's environment for an OIDC run: endpoints and token variables, no static keys. */
function oidcEnv(): Record<string, string> {
  const { AWS_ACCESS_KEY_ID: _k, AWS_SECRET_ACCESS_KEY: _s, ...env } = standIn.env()
  return env
}

beforeAll(async () => {
  if (!existsSync(`${ROOT}/dist/index.js`))
    throw new Error('dist/index.js is missing: run npm run package')
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
  zoneId = standIn.addZone({ name: 'dyn.example.com' })
  standIn.addRole({ arn: ROLE })
})
afterAll(async () => standIn?.close())

describe.each(NODES)('dist/index.js under %s', (label, node) => {
  it('signs in by OIDC, creates the record, then reports it unchanged without writing', async () => {
    const hostname = `${label}.dyn.example.com`
    const inputs = {
      hostname,
      'hosted-zone-id': zoneId,
      ip: '198.51.100.7',
      'role-to-assume': ROLE
    }
    standIn.resetLog()
    const first = await runAction({ node, inputs, env: oidcEnv() })
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(first.outputs.changed).toBe('true')
    expect(first.outputs.ipv4).toBe('198.51.100.7')
    expect(first.outputs.ipv6).toBe('')
    const records = JSON.parse(first.outputs.records ?? '[]')
    expect(records).toEqual([
      {
        name: hostname,
        type: 'A',
        zoneId,
        setIdentifier: '',
        before: [],
        after: ['198.51.100.7'],
        ttl: 300,
        result: 'created',
        changeId: first.outputs['change-id']
      }
    ])
    expect(first.outputs['change-id']).toMatch(/^C[A-Z0-9]+$/)
    expect(first.summary).toContain('<table>')
    expect(first.summary).toContain(hostname)
    expect(first.summary).toContain('created')
    expect(first.stdout).toContain(`${hostname} A in ${zoneId}`)
    // Route 53 was called with the credentials STS issued, not any static key.
    const issued = standIn.issuedCredentials().map((c) => c.accessKeyId)
    const r53 = standIn.requests.filter((r) => r.service === 'route53')
    expect(r53.length).toBe(2)
    for (const r of r53) expect(issued).toContain(r.accessKeyId)
    expect(standIn.count('AssumeRoleWithWebIdentity')).toBe(1)

    standIn.resetLog()
    const second = await runAction({ node, inputs, env: oidcEnv() })
    expect(second.code).toBe(0)
    expect(second.outputs.changed).toBe('false')
    expect(second.outputs['change-id']).toBe('')
    expect(JSON.parse(second.outputs.records ?? '[]')).toEqual([
      {
        name: hostname,
        type: 'A',
        zoneId,
        setIdentifier: '',
        before: ['198.51.100.7'],
        after: ['198.51.100.7'],
        ttl: 300,
        result: 'unchanged',
        changeId: ''
      }
    ])
    expect(standIn.requests.filter((r) => r.service === 'route53').map((r) => r.operation)).toEqual(
      ['ListResourceRecordSets']
    )
    expect(second.summary).toContain('unchanged')
  })
})

describe('dist/index.js behaviour (Node 24)', () => {
  it('replaces a changed address with a guarded batch and shows before and after', async () => {
    const hostname = 'moved.dyn.example.com'
    standIn.seed(zoneId, {
      Name: `${hostname}.`,
      Type: 'A',
      TTL: 300,
      ResourceRecords: [{ Value: '198.51.100.1' }]
    })
    const run = await runAction({
      inputs: { hostname, 'hosted-zone-id': zoneId, ip: '198.51.100.2' },
      env: standIn.env()
    })
    expect(run.code, run.stdout).toBe(0)
    expect(JSON.parse(run.outputs.records ?? '[]')[0]).toMatchObject({
      before: ['198.51.100.1'],
      after: ['198.51.100.2'],
      result: 'updated'
    })
    expect(run.summary).toMatch(/198\.51\.100\.1[\s\S]*198\.51\.100\.2/)
  })

  it('shows a dry-run banner and writes nothing', async () => {
    standIn.resetLog()
    const run = await runAction({
      inputs: {
        ...VALID,
        hostname: 'dry.dyn.example.com',
        'hosted-zone-id': zoneId,
        'dry-run': 'true'
      },
      env: standIn.env()
    })
    expect(run.code).toBe(0)
    expect(run.outputs.changed).toBe('true')
    expect(JSON.parse(run.outputs.records ?? '[]')[0].result).toBe('would-create')
    expect(run.summary).toMatch(/Dry run/)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('skips the summary when GITHUB_STEP_SUMMARY is unset', async () => {
    const run = await runAction({
      inputs: { ...VALID, hostname: 'nosummary.dyn.example.com', 'hosted-zone-id': zoneId },
      env: standIn.env(),
      summary: false
    })
    expect(run.code, run.stdout).toBe(0)
  })

  it('hints at the id-token permission when the OIDC variables are missing, before any AWS call', async () => {
    standIn.resetLog()
    const {
      ACTIONS_ID_TOKEN_REQUEST_URL: _u,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t,
      ...env
    } = oidcEnv()
    const run = await runAction({
      inputs: { ...VALID, 'hosted-zone-id': zoneId, 'role-to-assume': ROLE },
      env
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(/permissions: id-token: write/)
    expect(standIn.requests).toEqual([])
  })

  it('explains a refused role assumption in trust-policy terms', async () => {
    const run = await runAction({
      inputs: {
        ...VALID,
        'hosted-zone-id': zoneId,
        'role-to-assume': 'arn:aws:iam::111122223333:role/unknown'
      },
      env: oidcEnv()
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(/sub/)
    expect(run.errors.join('\n')).toMatch(/aud/)
  })

  it('fails clearly on an unknown zone and writes nothing', async () => {
    standIn.resetLog()
    const run = await runAction({
      inputs: { ...VALID, 'hosted-zone-id': 'ZDOESNOTEXIST01' },
      env: standIn.env()
    })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/ZDOESNOTEXIST01 does not exist/)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
    expect(run.summary).toMatch(/Failed/)
  })

  it('refuses to detect the address of a GitHub-hosted runner, but only warns in a dry run', async () => {
    standIn.resetLog()
    const inputs = {
      hostname: 'hosted.dyn.example.com',
      'hosted-zone-id': zoneId,
      'ip-providers': 'http://127.0.0.1:9/ip'
    }
    const refused = await runAction({
      inputs,
      env: { ...standIn.env(), RUNNER_ENVIRONMENT: 'github-hosted' }
    })
    expect(refused.code).toBe(1)
    expect(refused.errors[0]).toMatch(/self-hosted/)
    expect(standIn.requests).toEqual([])
    const dry = await runAction({
      inputs: { ...inputs, 'dry-run': 'true' },
      env: { ...standIn.env(), RUNNER_ENVIRONMENT: 'github-hosted' }
    })
    expect(dry.stdout).toMatch(/::warning::.*self-hosted/)
  })
})

describe('bad input (Node 24): exit 1, one error naming the input, no AWS request', () => {
  // A stand-in of its own: every request it sees would be a failure of this block.
  let corpus: StandIn
  beforeAll(async () => {
    corpus = await startStandIn({ rateLimit: false })
    corpus.addRole({ arn: ROLE })
  })
  afterAll(async () => corpus?.close())

  // The whole corpus runs in-process through run() (test/main.bad-inputs.test.ts); a sample of
  // kinds (missing, oversized, control characters, an OIDC input) runs the bundle.
  const SAMPLE = new Set([
    'no hostname at all',
    'over-long input',
    'control character',
    'role ARN malformed'
  ])
  const sample = BAD_INPUTS.filter(([label]) => SAMPLE.has(label))
  it('samples every listed kind', () => expect(sample).toHaveLength(SAMPLE.size))

  it.concurrent.each(sample)('%s', async (_label, inputs, name) => {
    const run = await runAction({
      node: NODE24,
      inputs: { ...VALID, ...inputs },
      env: corpus.env()
    })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(new RegExp(`^Input '${name}': `))
    expect(corpus.requests).toEqual([])
  })
})
