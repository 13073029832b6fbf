import type { RunEvent } from '../../src/notify/event.js'
import type { RunContext } from '../../src/model/run-context.js'
import type { RecordReport } from '../../src/model/types.js'

export const RUN: RunContext = {
  repository: 'octo/demo',
  runId: 4242,
  runAttempt: 1,
  eventName: 'schedule',
  ref: 'refs/heads/main',
  actor: 'octocat',
  workflow: 'ddns',
  job: 'update',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com'
}

export function record(over: Partial<RecordReport> = {}): RecordReport {
  return {
    name: 'home.example.com',
    type: 'A',
    zoneId: 'Z0123456789ABCDEFGHIJ',
    setIdentifier: '',
    before: ['198.51.100.4'],
    after: ['198.51.100.7'],
    ttl: 300,
    result: 'updated',
    changeId: 'C123',
    ...over
  }
}

export function event(over: Partial<RunEvent> = {}): RunEvent {
  return {
    outcome: 'changed',
    dryRun: false,
    records: [record()],
    run: RUN,
    hostnames: ['home.example.com'],
    ...over
  }
}

/** Controls other than line feed and tab (C0, DEL, C1). */
export const controls = (text: string): string[] =>
  [...text].filter((ch) => {
    const c = ch.charCodeAt(0)
    return (c < 0x20 && ch !== '\n' && ch !== '\t') || (c >= 0x7f && c <= 0x9f)
  })
