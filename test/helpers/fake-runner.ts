// A typed fake of the runner port (src/runner.ts) for in-process tests of the action: inputs in,
// outputs, log lines, secrets and the summary recorded. Like the real port, it masks every text
// through redact(), so a test sees what the runner would have received.
import type { Runner } from '../../src/action/runner.js'
import { addSecret, redact } from '../../src/net/redact.js'

export type Level = 'info' | 'warning' | 'debug' | 'error'

export interface FakeRunnerOptions {
  inputs?: Record<string, string>
  /** Whether the step has a job summary; default true. */
  summary?: boolean
  /** Answers getIDToken; default: fails as a job without `id-token: write` would. */
  getIDToken?: (audience: string) => Promise<string>
}

export class FakeRunner implements Runner {
  readonly inputs: Record<string, string>
  readonly outputs: Record<string, string> = {}
  readonly lines: Array<{ level: Level; message: string }> = []
  /** Values given to setSecret (raw: the test needs them to look for leaks). */
  readonly secrets: string[] = []
  readonly audiences: string[] = []
  summary = ''
  /** The message of setFailed, if the step failed. */
  failed: string | undefined
  private readonly summaryEnabled: boolean
  private readonly idToken: (audience: string) => Promise<string>

  constructor(options: FakeRunnerOptions = {}) {
    this.inputs = { ...options.inputs }
    this.summaryEnabled = options.summary ?? true
    this.idToken =
      options.getIDToken ??
      (() => Promise.reject(new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')))
  }

  getInput(name: string): string {
    return (this.inputs[name] ?? '').trim()
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = redact(value)
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message: redact(message) })
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message: redact(message) })
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message: redact(message) })
  }
  setFailed(message: string): void {
    this.failed = redact(message)
    this.lines.push({ level: 'error', message: redact(message) })
  }
  setSecret(value: string): void {
    this.secrets.push(value)
    addSecret(value)
  }
  hasSummary(): boolean {
    return this.summaryEnabled
  }
  appendSummary(text: string): void {
    if (this.summaryEnabled) this.summary += redact(text)
  }
  getIDToken(audience: string): Promise<string> {
    this.audiences.push(audience)
    return this.idToken(audience)
  }

  /** Messages at one level. */
  messages(level: Level): string[] {
    return this.lines.filter((l) => l.level === level).map((l) => l.message)
  }
  /** Everything the runner received, as one text (to look for leaks). */
  everything(): string {
    return [
      ...this.lines.map((l) => `${l.level}: ${l.message}`),
      ...Object.entries(this.outputs).map(([k, v]) => `${k}=${v}`),
      this.summary
    ].join('\n')
  }
}
