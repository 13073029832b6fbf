import type { Runner } from './runner.js'
import type { UpdateReport } from './update.js'
import type { RecordReport } from './types.js'
import { crowdWarning, fleetRows, type FleetRow } from './fleet.js'
import { runUrl, trigger, type RunContext } from './run-context.js'

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const values = (v: string[]): string => (v.length ? v.map(escapeHtml).join('<br>') : '—')

function table(rows: RecordReport[]): string {
  const head = ['Record', 'Type', 'Before', 'After', 'TTL', 'Result', 'Change id']
  const cells = (r: RecordReport): string[] => [
    escapeHtml(r.name),
    r.type,
    values(r.before),
    values(r.after),
    String(r.ttl),
    r.result,
    escapeHtml(r.changeId || '—')
  ]
  return (
    '<table>' +
    `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>` +
    rows
      .map(
        (r) =>
          `<tr>${cells(r)
            .map((c) => `<td>${c}</td>`)
            .join('')}</tr>`
      )
      .join('') +
    '</table>\n'
  )
}

/** Identifiers listed per name before the rest is only counted (keeps the summary small). */
export const LISTED_MEMBERS = 20

function listed(ids: string[]): string {
  if (ids.length === 0) return '—'
  const shown = ids.slice(0, LISTED_MEMBERS).map((id) => `<code>${escapeHtml(id)}</code>`)
  const more = ids.length > LISTED_MEMBERS ? ` and ${ids.length - LISTED_MEMBERS} more` : ''
  return `${ids.length}: ${shown.join(', ')}${more}`
}

/** With set-identifier: each name's row for this machine, the other members, and crowd warnings. */
export function fleetSection(rows: FleetRow[]): string {
  if (rows.length === 0) return ''
  const head = ['Record', 'Type', 'This machine', 'Result', 'Other members']
  const cells = (r: FleetRow): string[] => [
    escapeHtml(r.record.name),
    r.record.type,
    `<code>${escapeHtml(r.record.setIdentifier)}</code>`,
    r.record.result,
    listed(r.others)
  ]
  const warnings = rows.map(crowdWarning).filter((w): w is string => w !== undefined)
  return (
    '<h3>Multivalue members</h3>\n<table>' +
    `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>` +
    rows
      .map(
        (r) =>
          `<tr>${cells(r)
            .map((c) => `<td>${c}</td>`)
            .join('')}</tr>`
      )
      .join('') +
    '</table>\n' +
    warnings.map((w) => `<p><strong>Warning:</strong> ${escapeHtml(w)}</p>\n`).join('')
  )
}

/** The job summary as HTML: what was and what is now, how addresses were found, and any error. */
export function renderSummary(
  report: UpdateReport | undefined,
  error?: Error,
  run?: RunContext
): string {
  let out = '<h2>Route 53 DDNS</h2>\n'
  if (run) {
    const attempt = run.runAttempt > 1 ? `, attempt ${run.runAttempt}` : ''
    out +=
      `<p>Triggered by ${escapeHtml(trigger(run))} · ` +
      `<a href="${escapeHtml(runUrl(run))}">run ${run.runId}${attempt}</a>` +
      `${run.workflow ? ` of ${escapeHtml(run.workflow)}` : ''}</p>\n`
  }
  if (report?.dryRun) {
    out += '<p><strong>Dry run:</strong> nothing was written; results show what would change.</p>\n'
  }
  if (report && report.records.length > 0) out += table(report.records)
  if (report) out += fleetSection(fleetRows(report.records, report.members ?? []))
  if (error) {
    out += '<h3>Failed</h3>\n'
    out += `<p>${escapeHtml(error.message)}</p>\n`
    if (report && report.attempted.length > 0) {
      out += '<p>Attempted (rows without a change id were not applied):</p>\n'
      out += table(report.attempted)
    }
  }
  if (report && report.origins.length > 0) {
    out += '<h3>Addresses</h3>\n<ul>'
    out += report.origins
      .map((o) => `<li>${escapeHtml(o.address)} (IPv${o.family}): ${escapeHtml(o.how)}</li>`)
      .join('')
    out += '</ul>\n'
  }
  return out
}

/** Write the job summary through the runner (which redacts it), if the step has one. */
export function writeSummary(
  runner: Runner,
  report: UpdateReport | undefined,
  error?: Error,
  run?: RunContext
): void {
  if (!runner.hasSummary()) return
  runner.appendSummary(renderSummary(report, error, run))
}
