import { main, type Io } from '../../src/cli/main.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process with captured output and only the environment given. */
export async function cli(
  argv: string[],
  opts: {
    env?: Record<string, string>
    machine?: string
    update?: Io['update']
    notifyTimeoutMs?: number
    /** Where stop signals arrive (default the process). */
    signals?: Io['signals']
  } = {}
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: opts.env ?? {},
    machine: opts.machine ?? 'testbox',
    ...(opts.update ? { update: opts.update } : {}),
    ...(opts.notifyTimeoutMs !== undefined ? { notifyTimeoutMs: opts.notifyTimeoutMs } : {}),
    ...(opts.signals ? { signals: opts.signals } : {})
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}
