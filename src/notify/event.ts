import type { RecordReport } from '../model/types.js'
import { runLine, runUrl, type RunContext } from '../model/run-context.js'

/** How a run ended, as monitoring reports it. */
type Outcome = 'changed' | 'unchanged' | 'failed'

/** What a run did, for heartbeats, webhooks and the failure issue (no secrets: error is redacted). */
export interface RunEvent {
  outcome: Outcome
  dryRun: boolean
  /** Every record the run reported. */
  records: RecordReport[]
  /** The error that failed the run, already redacted. */
  error?: string
  run?: RunContext
  /** The names this run manages (for the failure issue's key and title). */
  hostnames: string[]
  /** Watch mode: this check ended a streak of that many failed checks. */
  recovered?: number
}

/** The outcome of a finished run: failed if it has an error, changed if any record is not unchanged. */
export function outcomeOf(records: RecordReport[], error: string | undefined): Outcome {
  if (error !== undefined) return 'failed'
  return records.some((r) => r.result !== 'unchanged') ? 'changed' : 'unchanged'
}

const values = (v: string[]): string => (v.length ? v.join(', ') : '(none)')

/** `home.example.com A: 198.51.100.4 → 198.51.100.7 (updated)`. */
export function recordLine(r: RecordReport): string {
  const change =
    r.result === 'unchanged'
      ? values(r.after.length ? r.after : r.before)
      : `${values(r.before)} → ${values(r.after)}`
  return `${r.name} ${r.type}: ${change} (${r.result})`
}

/** The records worth telling about: the ones that changed (or would, in a dry run). */
export function changedRecords(event: RunEvent): RecordReport[] {
  return event.records.filter((r) => r.result !== 'unchanged')
}

/** One line: what happened. */
export function headline(event: RunEvent): string {
  const where = event.run ? ` in ${event.run.repository}` : ''
  const dry = event.dryRun ? ' (dry run: nothing was written)' : ''
  if (event.outcome === 'failed') return `route53-ddns failed${where}${dry}`
  const n = changedRecords(event).length
  if (event.recovered !== undefined) {
    const checks = `${event.recovered} failed check${event.recovered === 1 ? '' : 's'}`
    return `route53-ddns: recovered after ${checks}${n ? `; ${n} ${n === 1 ? 'record' : 'records'} ${event.dryRun ? 'would change' : 'changed'}` : ''}${where}${dry}`
  }
  if (n === 0) return `route53-ddns: records unchanged${where}${dry}`
  return `route53-ddns: ${n} ${n === 1 ? 'record' : 'records'} ${event.dryRun ? 'would change' : 'changed'}${where}${dry}`
}

/** Cut text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text
}

/**
 * A short plain-text account of the run: headline, changed records, the error, the run link.
 * Used as the heartbeat body and the generic webhook's `text`.
 */
export function plainText(event: RunEvent, max = 4000): string {
  const lines = [headline(event)]
  for (const r of changedRecords(event)) lines.push(recordLine(r))
  if (event.error !== undefined) lines.push(`Error: ${event.error}`)
  if (event.run) lines.push(`${runLine(event.run)}: ${runUrl(event.run)}`)
  return clip(lines.join('\n'), max)
}
