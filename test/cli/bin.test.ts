// Runs the committed bundle `dist/cli/index.js` as a user would (`node dist/cli/index.js …`),
// against the Route 53 stand-in, with only the environment given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pkg from '../../package.json' with { type: 'json' }
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { missingBundle } from '../helpers/bundle.js'
import { NODES, ROOT } from '../helpers/run-action.js'

/** CLI_BUNDLE lets a developer point the test at a bundle built elsewhere (scripts/package.mjs DIR). */
const BUNDLE = process.env.CLI_BUNDLE ?? join(ROOT, 'dist/cli/index.js')
const built = !missingBundle(BUNDLE)

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(node: string, argv: string[], env: Record<string, string>): Promise<Run> {
  const home = mkdtempSync(join(tmpdir(), 'r53-bin-'))
  return new Promise((resolve, reject) => {
    const child = spawn(node, [BUNDLE, ...argv], {
      // A directory with no package.json: the bundle must not need one at run time.
      cwd: home,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env
      }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

describe.skipIf(!built)('node dist/cli/index.js', () => {
  let standIn: StandIn
  let zoneId: string
  beforeAll(async () => {
    standIn = await startStandIn({ rateLimit: false })
    zoneId = standIn.addZone({ name: 'example.com' })
  })
  afterAll(async () => {
    await standIn?.close()
  })

  for (const [label, node] of NODES) {
    describe(label, () => {
      it('--version needs no package.json at run time', async () => {
        const r = await run(node, ['--version'], {})
        expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` })
      })

      it('creates, then is unchanged; --json is the records array', async () => {
        const name = `bin-${label}.example.com`
        const env = { ...standIn.env(), ROUTE53_DDNS_HOSTED_ZONE_ID: zoneId }
        const first = await run(node, ['--hostname', name, '--ip', '198.51.100.7'], env)
        expect(first.code, first.stderr).toBe(0)
        expect(first.stdout).toContain(`${name} A in ${zoneId}`)
        expect(first.stdout.trim().split('\n').at(-1)).toBe('1 record: 1 created')
        expect(first.stdout + first.stderr).not.toMatch(/^::/m)

        const second = await run(node, ['--hostname', name, '--ip', '198.51.100.7', '--json'], env)
        expect(second.code, second.stderr).toBe(0)
        const records = JSON.parse(second.stdout) as Array<{ result: string }>
        expect(records.map((r) => r.result)).toEqual(['unchanged'])
      })

      it('signs with a profile from the shared credentials file (a lazily loaded provider)', async () => {
        const home = mkdtempSync(join(tmpdir(), 'r53-bin-profile-'))
        const credentials = join(home, 'credentials')
        const keys = standIn.env()
        writeFileSync(
          credentials,
          `[ddns]\naws_access_key_id = ${keys.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${keys.AWS_SECRET_ACCESS_KEY}\n`
        )
        const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...noKeys } = keys
        standIn.resetLog()
        const name = `profile-${label}.example.com`
        const r = await run(node, ['--hostname', name, '--ip', '198.51.100.8'], {
          ...noKeys,
          AWS_PROFILE: 'ddns',
          AWS_SHARED_CREDENTIALS_FILE: credentials,
          ROUTE53_DDNS_HOSTED_ZONE_ID: zoneId
        })
        expect(r.code, r.stderr).toBe(0)
        expect(r.stdout.trim().split('\n').at(-1)).toBe('1 record: 1 created')
        expect(standIn.requests.map((q) => q.accessKeyId)).toContain(keys.AWS_ACCESS_KEY_ID)
      })

      it('usage error: exit 2 and no request', async () => {
        standIn.resetLog()
        const r = await run(node, ['--hostname', 'x.example.com', '--bogus'], standIn.env())
        expect(r.code).toBe(2)
        expect(r.stderr).toMatch(/^error: unknown option '--bogus'/)
        expect(r.stdout).toBe('')
        expect(standIn.count()).toBe(0)
      })

      it('AWS failure: exit 1', async () => {
        const r = await run(
          node,
          [
            '--hostname',
            'x.example.com',
            '--ip',
            '198.51.100.7',
            '--hosted-zone-id',
            'Z00000NOSUCH'
          ],
          standIn.env()
        )
        expect(r.code).toBe(1)
        expect(r.stderr).toMatch(/^error: /m)
      })

      it('policy --json', async () => {
        const r = await run(node, ['policy', '--hostname', 'a.example.com', '--json'], {})
        expect(r.code, r.stderr).toBe(0)
        expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(['permissionsPolicy'])
      })
    })
  }
})
