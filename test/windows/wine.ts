// Runs programs under Wine with the official Windows build of Node (process.platform win32), as
// .ci/setup/40-wine.sh installs them. Wine quirks handled here: node.exe dies with `open EBADF`
// when its stdout/stderr are pipes, so they are files; Linux paths are reachable as Z:\….
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../helpers/run-action.js'

export const WINE = process.env.ROUTE53_DDNS_WINE ?? '/usr/lib/wine/wine64'
export const WINE_DIR =
  process.env.ROUTE53_DDNS_WINE_DIR ?? join(homedir(), '.cache/route53-ddns-wine')
export const NODE_EXE = join(WINE_DIR, 'node/node.exe')
const PREFIX = join(WINE_DIR, 'prefix')
/** The bundles to run: dist/ (ROUTE53_DDNS_BUNDLE_DIR runs others, e.g. an older build). */
export const BUNDLE_DIR = process.env.ROUTE53_DDNS_BUNDLE_DIR ?? join(ROOT, 'dist')

/** Why the Wine suite cannot run here, or undefined when it can. */
export function wineMissing(): string | undefined {
  if (!existsSync(WINE)) return `${WINE} is missing (Debian package wine64; .ci/setup/40-wine.sh)`
  if (!existsSync(NODE_EXE)) return `${NODE_EXE} is missing (.ci/setup/40-wine.sh fetches it)`
  if (!existsSync(join(PREFIX, '.route53-ddns-ready')))
    return `the Wine prefix ${PREFIX} is not set up (.ci/setup/40-wine.sh creates it)`
  return undefined
}

/** A Linux path as Windows programs under Wine see it. */
export const winPath = (path: string): string => `Z:${path.replaceAll('/', '\\')}`

/** The version of the Windows Node that setup installed. */
export const nodeVersion = (): string => readFileSync(join(WINE_DIR, 'node/VERSION'), 'utf8').trim()

export interface WinRun {
  code: number | null
  stdout: string
  stderr: string
  /** Wall time of the whole run, Wine's start-up included. */
  ms: number
  /** When the process ended (Date.now()). */
  endedAt: number
}

export interface WinRunOptions {
  env?: Record<string, string>
  cwd?: string
  timeoutMs?: number
  /** Called once started, with the Unix process of node.exe (SIGINT to it is a Ctrl-C event). */
  onStart?: (child: ChildProcess, files: { stdout: string; stderr: string }) => void
}

/** The environment every Windows run gets: Wine's own, and nothing of this machine's AWS setup. */
function baseEnv(dir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    WINEPREFIX: PREFIX,
    WINEDEBUG: '-all',
    AWS_CONFIG_FILE: winPath(join(dir, 'aws-config')),
    AWS_SHARED_CREDENTIALS_FILE: winPath(join(dir, 'aws-credentials')),
    AWS_EC2_METADATA_DISABLED: 'true'
  }
}

/** Run `node.exe args…` under Wine; stdout and stderr go through files (pipes kill node.exe). */
export function runWindows(args: string[], opts: WinRunOptions = {}): Promise<WinRun> {
  const dir = mkdtempSync(join(tmpdir(), 'r53-wine-'))
  const outPath = join(dir, 'stdout')
  const errPath = join(dir, 'stderr')
  const out = openSync(outPath, 'w')
  const err = openSync(errPath, 'w')
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(WINE, [NODE_EXE, ...args], {
      cwd: opts.cwd ?? dir,
      env: { ...baseEnv(dir), ...opts.env },
      stdio: ['ignore', out, err]
    })
    closeSync(out)
    closeSync(err)
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 90_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      const endedAt = Date.now()
      clearTimeout(timer)
      resolve({
        code,
        stdout: readFileSync(outPath, 'utf8'),
        stderr: readFileSync(errPath, 'utf8'),
        ms: endedAt - started,
        endedAt
      })
    })
    opts.onStart?.(child, { stdout: outPath, stderr: errPath })
  })
}

/**
 * Unix processes whose command line matches `pattern` (Wine shows a Windows process's command
 * line there, e.g. `C:\\windows\\system32\\ping.exe -n 5 127.0.0.1`).
 */
export function winProcesses(pattern: RegExp): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ')
      if (pattern.test(cmdline)) found.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return found
}

/** Resolves with the time `file` first contains `text` (polled every 50 ms), or undefined. */
export async function printedAt(
  file: string,
  text: string,
  ms: number
): Promise<number | undefined> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (readFileSync(file, 'utf8').includes(text)) return Date.now()
    await new Promise((r) => setTimeout(r, 50))
  }
  return undefined
}

/** When a process matching `pattern` was first seen (polled every 50 ms), or undefined. */
export async function firstSeen(pattern: RegExp, ms: number): Promise<number | undefined> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (winProcesses(pattern).length > 0) return Date.now()
    await new Promise((r) => setTimeout(r, 50))
  }
  return undefined
}

/** Whether this Wine's taskkill knows /T (Wine 8's does not: `taskkill [/?] [/f] [/im | /pid]`). */
export function taskkillHasTree(): boolean {
  const r = spawnSync(WINE, ['taskkill', '/?'], {
    env: { ...process.env, WINEPREFIX: PREFIX, WINEDEBUG: '-all' },
    encoding: 'utf8',
    timeout: 30_000
  })
  return /\/t\b/i.test(`${r.stdout}${r.stderr}`)
}
