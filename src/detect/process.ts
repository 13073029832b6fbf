import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { UpdateError } from '../model/errors.js'

/**
 * How `ip-command` is started and stopped on each platform. POSIX: the program itself, in its own
 * process group, killed as a group. Windows: no process groups, so the tree is ended with
 * `taskkill /T /F`; batch files (which Node refuses to start without a shell, since the fix for
 * CVE-2024-27980) go through `cmd.exe /d /s /c` with every argument quoted by cmd's rules.
 */

interface SpawnPlan {
  file: string
  args: string[]
  options: SpawnOptions
}

/** Whether Windows would run `program` as a batch file (trailing dots and spaces are ignored). */
export function isBatchFile(program: string): boolean {
  return /\.(bat|cmd)$/i.test(program.replace(/[. ]+$/, ''))
}

/**
 * One word of a batch file's command line for cmd.exe: always in double quotes (so `& | < > ^ ( )`
 * are literal), and refused when it holds what no quoting protects from cmd: `"` (ends the quote)
 * and `%` (expands variables even inside quotes), or a line break.
 */
export function cmdQuote(word: string, what: string): string {
  const bad = /["%\r\n\0]/.exec(word)
  if (bad) {
    const shownChar = bad[0] === '"' ? '"' : bad[0] === '%' ? '%' : 'a line break'
    throw new UpdateError(
      `${what} holds ${shownChar}, which cannot be passed to a batch file safely (cmd.exe would interpret it). Remove it from ip-command, or run a program (.exe, or powershell.exe -File script.ps1) instead of a batch file`
    )
  }
  return `"${word}"`
}

/**
 * How to start argv on `platform`, pure. A batch file on Windows becomes
 * `cmd.exe /d /v:off /s /c ""prog" "arg" …"` (no AutoRun, no delayed expansion, arguments
 * verbatim); throws UpdateError naming ip-command when an argument cannot be passed safely.
 */
export function spawnPlan(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  comspec = 'cmd.exe'
): SpawnPlan {
  const [program = '', ...args] = argv
  const options: SpawnOptions = {
    shell: false,
    // POSIX: a process group of its own, so the whole group can be killed. Windows: no new console.
    detached: platform !== 'win32',
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env
  }
  if (platform !== 'win32' || !isBatchFile(program))
    return { file: program, args: [...args], options }
  const line = [
    cmdQuote(program, `The batch file's name (ip-command)`),
    ...args.map((a, i) => cmdQuote(a, `Argument ${i + 1} of ip-command`))
  ].join(' ')
  return {
    file: comspec,
    args: ['/d', '/v:off', '/s', '/c', `"${line}"`],
    options: { ...options, windowsVerbatimArguments: true }
  }
}

/** How long taskkill may take before the child alone is terminated (the run must end soon). */
const TASKKILL_GRACE_MS = 500

/**
 * End the child and everything it started. POSIX: SIGKILL to its process group. Windows:
 * `taskkill /T /F /PID` (from the system directory); the child alone when taskkill fails or has
 * not ended it within TASKKILL_GRACE_MS, so the run goes on either way.
 */
export function killTree(child: ChildProcess, platform: NodeJS.Platform): void {
  const pid = child.pid
  if (pid === undefined) return
  if (platform !== 'win32') {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
    return
  }
  // Windows keeps no group: once the child is gone its tree cannot be found from it.
  if (child.exitCode !== null || child.signalCode !== null) return
  const fallback = (): void => {
    clearTimeout(timer)
    if (child.exitCode === null && child.signalCode === null) child.kill()
  }
  const timer = setTimeout(fallback, TASKKILL_GRACE_MS)
  try {
    const root = process.env.SystemRoot ?? 'C:\\Windows'
    const taskkill = spawn(`${root}\\System32\\taskkill.exe`, ['/T', '/F', '/PID', String(pid)], {
      stdio: 'ignore',
      windowsHide: true
    })
    // The run need not wait for taskkill: it goes on by itself.
    taskkill.unref()
    taskkill.on('error', fallback)
    taskkill.on('close', (code) => (code === 0 ? clearTimeout(timer) : fallback()))
  } catch {
    fallback()
  }
}
