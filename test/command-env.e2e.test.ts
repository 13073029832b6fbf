// What the address command sees: the bundles (dist/index.js as the runner runs it, dist/cli/index.js
// as a user does) run an ip-command that dumps its environment, with every secret variable set
// (the runner's INPUT_GITHUB-TOKEN as it always sets it, the monitoring URLs, every AWS and runner
// credential). None of them, by name or by value, may reach the command; other variables do.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from './stand-in/index.js'
import { startRecorder, type Recorder } from './helpers/recorder.js'
import { NODE20, NODE24, ROOT, runAction } from './helpers/run-action.js'
import { CREDENTIAL_VARIABLES } from '../src/inputs/env.js'

let standIn: StandIn
let recorder: Recorder
let zoneId: string
let dir: string
let n = 0

beforeAll(async () => {
  for (const entry of ['dist/index.js', 'dist/cli/index.js']) {
    if (!existsSync(join(ROOT, entry))) throw new Error(`${entry} is missing: run npm run package`)
  }
  standIn = await startStandIn({ rateLimit: false })
  zoneId = standIn.addZone({ name: 'env.example.com' })
  recorder = await startRecorder()
  dir = mkdtempSync(join(tmpdir(), 'r53-cmd-env-'))
})
afterAll(async () => {
  await recorder?.close()
  await standIn?.close()
})

/**
 * A command that writes its environment to a file and prints an address. Node, not a shell script:
 * a POSIX shell drops variables whose names are not shell identifiers, such as INPUT_GITHUB-TOKEN.
 */
function dumper(): { command: string; dump: () => Map<string, string> } {
  const out = join(dir, `env-${++n}.json`)
  const script = join(dir, `dump-${n}.cjs`)
  writeFileSync(
    script,
    `require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.env))\nconsole.log('8.8.8.8')\n`
  )
  const dump = (): Map<string, string> =>
    new Map(Object.entries(JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>))
  return { command: JSON.stringify([NODE20, script]), dump }
}

/** Every credential variable with a distinctive value (the stand-in's keys sign the requests). */
function credentials(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of Object.keys(CREDENTIAL_VARIABLES)) env[name] = `value-of-${name}-x7Qm2`
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY } = standIn.env()
  // The stand-in refuses its static keys with a session token: that one is left to the unit tests.
  delete env.AWS_SESSION_TOKEN
  return {
    ...env,
    AWS_ACCESS_KEY_ID: AWS_ACCESS_KEY_ID as string,
    AWS_SECRET_ACCESS_KEY: AWS_SECRET_ACCESS_KEY as string,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:9/v1/credentials',
    AWS_BEARER_TOKEN_ROUTE53: 'bearer-kq7Zp2Lx9Wm4',
    ROUTER_URL: 'http://192.168.1.1/wan'
  }
}

/** Names and values that must not reach the command, found in its environment. */
function leaked(seen: Map<string, string>, secrets: Record<string, string>): string[] {
  const all = [...seen].map(([k, v]) => `${k}=${v}`).join('\n')
  return Object.entries(secrets)
    .filter(([name]) => name !== 'ROUTER_URL')
    .flatMap(([name, value]) => [
      ...(seen.has(name) ? [`name ${name}`] : []),
      ...(all.includes(value) ? [`value of ${name}`] : [])
    ])
}

describe('the address command gets no secret of the run', () => {
  it('action (dist/index.js): inputs as the runner sets them, credentials, runner tokens', async () => {
    const { command, dump } = dumper()
    const secrets = {
      ...credentials(),
      // The runner always sets it from the action.yml default `${{ github.token }}`.
      'INPUT_GITHUB-TOKEN': 'ghs_kq7Zp2Lx9Wm4jobtoken',
      'INPUT_HEARTBEAT-URL': `${recorder.base}/ping/kq7Zp2Lx9Wm4`,
      'INPUT_NOTIFY-URL': `${recorder.base}/hook?key=Zp2Lx9Wm4kq7`
    }
    const run = await runAction({
      node: NODE24,
      inputs: {
        hostname: 'a.env.example.com',
        'hosted-zone-id': zoneId,
        'ip-source': 'command',
        'ip-command': command
      },
      env: { ...standIn.env(), ...secrets }
    })
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const seen = dump()
    expect(seen.get('ROUTER_URL')).toBe('http://192.168.1.1/wan')
    expect(seen.get('INPUT_IP-SOURCE')).toBe('command')
    expect(leaked(seen, secrets)).toEqual([])
  })

  it('CLI (dist/cli/index.js): ROUTE53_DDNS_* secrets and every credential variable', async () => {
    const { command, dump } = dumper()
    const secrets = {
      ...credentials(),
      ROUTE53_DDNS_HEARTBEAT_URL: `${recorder.base}/ping/Lx9Wm4kq7Zp2`,
      ROUTE53_DDNS_NOTIFY_URL: `${recorder.base}/hook/Wm4kq7Zp2Lx9`
    }
    const home = mkdtempSync(join(tmpdir(), 'r53-cmd-env-home-'))
    const result = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(
        NODE24,
        [join(ROOT, 'dist/cli/index.js'), '--hostname', 'c.env.example.com'],
        {
          cwd: home,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: home,
            AWS_CONFIG_FILE: join(home, 'config'),
            AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
            AWS_EC2_METADATA_DISABLED: 'true',
            ...standIn.env(),
            ...secrets,
            ROUTE53_DDNS_HOSTED_ZONE_ID: zoneId,
            ROUTE53_DDNS_IP_SOURCE: 'command',
            ROUTE53_DDNS_IP_COMMAND: command
          }
        }
      )
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (out += d.toString()))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, out }))
    })
    expect(result.code, result.out).toBe(0)
    const seen = dump()
    expect(seen.get('ROUTER_URL')).toBe('http://192.168.1.1/wan')
    expect(seen.get('ROUTE53_DDNS_IP_SOURCE')).toBe('command')
    expect(leaked(seen, secrets)).toEqual([])
  })
})
