import * as core from './runner.js'
import type { UpdateReport } from './update.js'
import type { RecordReport } from './types.js'

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const values = (v: string[]): string => (v.length ? v.map(escape).join('<br>') : '—')

function table(rows: RecordReport[]): ReturnType<typeof core.summary.addTable> {
  return core.summary.addTable([
    ['Record', 'Type', 'Before', 'After', 'TTL', 'Result', 'Change id'].map((data) => ({
      data,
      header: true
    })),
    ...rows.map((r) => [
      escape(r.name),
      r.type,
      values(r.before),
      values(r.after),
      String(r.ttl),
      r.result,
      escape(r.changeId || '—')
    ])
  ])
}

/** Write the job summary: what was and what is now, how addresses were found, and any error. */
export async function writeSummary(report: UpdateReport | undefined, error?: Error): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  core.summary.addHeading('Route 53 DDNS', 2)
  if (report?.dryRun) {
    core.summary.addRaw(
      '<p><strong>Dry run:</strong> nothing was written; results show what would change.</p>',
      true
    )
  }
  if (report && report.records.length > 0) table(report.records)
  if (error) {
    core.summary.addHeading('Failed', 3)
    core.summary.addRaw(`<p>${escape(error.message)}</p>`, true)
    if (report && report.attempted.length > 0) {
      core.summary.addRaw('<p>Attempted (rows without a change id were not applied):</p>', true)
      table(report.attempted)
    }
  }
  if (report && report.origins.length > 0) {
    core.summary.addHeading('Addresses', 3)
    core.summary.addList(
      report.origins.map((o) => `${escape(o.address)} (IPv${o.family}): ${escape(o.how)}`)
    )
  }
  await core.summary.write()
}
