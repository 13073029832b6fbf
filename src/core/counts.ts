// How many records had each result, in words: the job summary's first line and the CLI's last.
import type { RecordReport } from '../model/types.js'

/** `3 records: 1 created, 2 unchanged` (results in first-seen order). */
export function recordCounts(records: RecordReport[]): string {
  const byResult = new Map<string, number>()
  for (const r of records) byResult.set(r.result, (byResult.get(r.result) ?? 0) + 1)
  const parts = [...byResult].map(([result, n]) => `${n} ${result}`)
  const noun = records.length === 1 ? 'record' : 'records'
  return `${records.length} ${noun}${parts.length ? `: ${parts.join(', ')}` : ''}`
}
