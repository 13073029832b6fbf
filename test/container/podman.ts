// podman for the container tests: whether it can run here, building the stand-in base and the real
// Dockerfile on it, and running containers with the settings this machine needs (runc, no default
// ulimits: containers.conf).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../helpers/run-action.js'

export const CONTAINERS_CONF = join(ROOT, 'test/container/containers.conf')
export const IMAGE = 'localhost/route53-ddns-test/route53-ddns:test'
/** The Dockerfile's base, from its one FROM line. */
export const BASE = /^FROM (\S+)$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1] ?? ''
const STANDIN = 'localhost/route53-ddns-test/distroless-standin:nodejs24-debian13-nonroot'
const ENV = { ...process.env, CONTAINERS_CONF }

export interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** Why the container tests cannot run here, or undefined when they can. */
export function unavailable(): string | undefined {
  const version = spawnSync('podman', ['--version'], { env: ENV, encoding: 'utf8' })
  if (version.error || version.status !== 0)
    return 'podman is not installed (.ci/setup installs it)'
  if (spawnSync('runc', ['--version']).status !== 0) return 'runc is not installed'
  if (process.getuid?.() !== 0) return 'the tests run rootful podman: run them as root'
  return undefined
}

/**
 * Builds the stand-in base (test/container/build-base.sh) and the Dockerfile unchanged on it: the
 * stand-in carries the base's name only during the build (--pull=never: nothing is fetched).
 * Returns the stand-in's name.
 */
export function buildImage(): string {
  const standIn = execFileSync(join(ROOT, 'test/container/build-base.sh'), [STANDIN], {
    env: ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit']
  }).trim()
  const run = (args: string[]): void => {
    execFileSync('podman', args, { env: ENV, stdio: ['ignore', 'ignore', 'inherit'] })
  }
  run(['tag', standIn, BASE])
  try {
    run(['build', '--format', 'docker', '--pull=never', '-t', IMAGE, '-q', ROOT])
  } finally {
    run(['untag', BASE, BASE])
  }
  return standIn
}

/** Runs podman to the end. */
export function podman(args: string[], timeoutMs = 60_000): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('podman', args, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** An env file (`--env-file`) with these variables, as a Compose `env_file` holds them. */
export function envFile(vars: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'r53-container-'))
  const file = join(dir, 'route53-ddns.env')
  writeFileSync(
    file,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join('')
  )
  return file
}

/** `podman run` with the locked-down settings the README recommends and the host's network. */
export function runArgs(name: string, env: string, extra: string[] = []): string[] {
  return [
    'run',
    '--name',
    name,
    '--network',
    'host',
    '--read-only',
    // As docker's --read-only: no writable tmpfs on /tmp, /var/tmp and /run (podman adds them).
    '--read-only-tmpfs=false',
    '--cap-drop=ALL',
    '--security-opt',
    'no-new-privileges',
    '--env-file',
    env,
    ...extra
  ]
}

/**
 * A free loopback port for a watch's metrics: on the host's network the image's default
 * (127.0.0.1:9101) would be shared by every container and by the host.
 */
export function freeMetrics(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(`127.0.0.1:${port}`))
    })
  })
}

/** Removes containers left by a test (by the names it gave them). */
export async function removeContainers(names: string[]): Promise<void> {
  if (names.length > 0) await podman(['rm', '--force', '--ignore', ...names])
}
