import { redact } from '../net/redact.js'
import type { Runner } from './runner.js'
import type { UpdateReport } from '../core/update.js'
import type { RecordReport, RecordResult } from '../model/types.js'
import { answerLimitWarning, memberRows, type MemberRow } from '../core/members.js'
import { runUrl, trigger, type RunContext } from '../model/run-context.js'
import { RunStopped } from '../core/lifecycle.js'
import { recordCounts } from '../core/counts.js'

/**
 * The runner drops a step's summary whole above 1 MiB (and the step still passes), so the summary
 * is built to a byte budget below that: counts first, changed rows before unchanged ones, the
 * unchanged folded away, and whatever does not fit cut with a note pointing at the `records` output.
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024
/** Kept free below the limit for a header or a closing line other code may add. */
const RESERVE_BYTES = 16 * 1024
/** One record's Before/After cell shows at most this many values. */
export const VALUES_PER_CELL = 10
/** A failure message longer than this is cut (AccessDenied help is a few KiB). */
const MESSAGE_LIMIT = 32 * 1024
/** The address list shows at most this many entries. */
const ORIGINS_LIMIT = 100
/** The multivalue-members section gets at most this many bytes. */
const MEMBERS_LIMIT = 128 * 1024

/** Redacted, then HTML-escaped (a secret must be masked before escaping could alter it). */
function escapeHtml(text: string): string {
  return redact(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

const CHANGED: ReadonlySet<RecordResult> = new Set([
  'created',
  'updated',
  'deleted',
  'unknown',
  'would-create',
  'would-update',
  'would-delete'
])

function values(v: string[]): string {
  if (v.length === 0) return '—'
  const shown = v.slice(0, VALUES_PER_CELL).map(escapeHtml)
  if (v.length > VALUES_PER_CELL) shown.push(`… ${v.length - VALUES_PER_CELL} more`)
  return shown.join('<br>')
}

const HEAD =
  '<tr><th>Record</th><th>Zone</th><th>Type</th><th>Before</th><th>After</th><th>TTL</th><th>Result</th><th>Change id</th></tr>'

function row(r: RecordReport): string {
  const cells = [
    escapeHtml(r.name),
    escapeHtml(r.zoneId || '—'),
    r.type,
    values(r.before),
    values(r.after),
    String(r.ttl),
    r.result,
    escapeHtml(r.changeId || '—')
  ]
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`
}

/** A table of as many rows as fit in `budget` bytes; the rows left out are counted. */
function table(rows: RecordReport[], budget: number): { html: string; left: number } {
  let html = `<table>${HEAD}`
  let used = bytes(html) + bytes('</table>\n')
  let n = 0
  for (const r of rows) {
    const tr = row(r)
    const size = bytes(tr)
    if (used + size > budget) break
    html += tr
    used += size
    n++
  }
  return { html: n > 0 ? `${html}</table>\n` : '', left: rows.length - n }
}

/** Multi-line text (AccessDenied and trust-policy help) as a block that keeps its lines. */
function block(text: string): string {
  const cut =
    text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT)}\n… (cut; see the log)` : text
  return `<pre><code>${escapeHtml(cut)}</code></pre>\n`
}

const cutNote = (left: number): string =>
  `<p>… ${left} more record${left === 1 ? '' : 's'} not shown: a job summary is limited to 1 MiB. The <code>records</code> output lists every record.</p>\n`

/**
 * Records as tables within `budget` bytes: changed rows in the open, unchanged ones folded in
 * <details>, anything that does not fit counted in a note.
 */
function recordTables(records: RecordReport[], budget: number): string {
  const changed = records.filter((r) => CHANGED.has(r.result))
  const rest = records.filter((r) => !CHANGED.has(r.result))
  const noteRoom = bytes(cutNote(records.length))
  let out = ''
  let left = 0
  const first = table(changed, budget - noteRoom)
  out += first.html
  left += first.left
  if (rest.length > 0) {
    const open = `<details><summary>${rest.length} unchanged record${rest.length === 1 ? '' : 's'}</summary>\n\n`
    const close = '</details>\n'
    const room = budget - bytes(out) - noteRoom - bytes(open) - bytes(close)
    const folded = left > 0 ? { html: '', left: rest.length } : table(rest, room)
    if (folded.html) out += open + folded.html + close
    left += folded.left
  }
  if (left > 0) out += cutNote(left)
  return out
}

/** Identifiers listed per name before the rest is only counted (keeps the summary small). */
export const LISTED_MEMBERS = 20

function listed(ids: string[]): string {
  if (ids.length === 0) return '—'
  const shown = ids.slice(0, LISTED_MEMBERS).map((id) => `<code>${escapeHtml(id)}</code>`)
  const more = ids.length > LISTED_MEMBERS ? ` and ${ids.length - LISTED_MEMBERS} more` : ''
  return `${ids.length}: ${shown.join(', ')}${more}`
}

/** With set-identifier: each name's row for this machine, the other members, and the answer-limit warning. */
export function membersSection(rows: MemberRow[]): string {
  if (rows.length === 0) return ''
  const head = ['Record', 'Type', 'This machine', 'Result', 'Other members']
  const cells = (r: MemberRow): string[] => [
    escapeHtml(r.record.name),
    r.record.type,
    `<code>${escapeHtml(r.record.setIdentifier)}</code>`,
    r.record.result,
    listed(r.others)
  ]
  const warnings = rows.map(answerLimitWarning).filter((w): w is string => w !== undefined)
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

/** membersSection cut to MEMBERS_LIMIT bytes: as many rows as fit, the rest counted. */
function boundedMembersSection(rows: MemberRow[]): string {
  let n = rows.length
  let html = membersSection(rows)
  while (n > 0 && bytes(html) > MEMBERS_LIMIT) {
    n = Math.floor(((n * MEMBERS_LIMIT) / bytes(html)) * 0.9)
    html = membersSection(rows.slice(0, n))
  }
  const left = rows.length - n
  return left > 0 ? html + `<p>… ${left} more multivalue rows not shown.</p>\n` : html
}

/**
 * The job summary: what was and what is now, how addresses were found, and any error; within
 * `limit` bytes whatever the report's size.
 */
export function renderSummary(
  report: UpdateReport | undefined,
  error?: Error,
  run?: RunContext,
  limit = SUMMARY_LIMIT_BYTES - RESERVE_BYTES
): string {
  let head = '<h2>Route 53 DDNS</h2>\n'
  if (run) {
    const attempt = run.runAttempt > 1 ? `, attempt ${run.runAttempt}` : ''
    head +=
      `<p>Triggered by ${escapeHtml(trigger(run))} · ` +
      `<a href="${escapeHtml(runUrl(run))}">run ${run.runId}${attempt}</a>` +
      `${run.workflow ? ` of ${escapeHtml(run.workflow)}` : ''}</p>\n`
  }
  if (report?.dryRun) {
    head +=
      '<p><strong>Dry run:</strong> nothing was written; results show what would change.</p>\n'
  }
  if (report && report.records.length > 0)
    head += `<p>${escapeHtml(recordCounts(report.records))}</p>\n`

  // The failure and the addresses are sized first; the tables get what is left.
  let failure = ''
  if (error) {
    const cancelled = error instanceof RunStopped && error.kind === 'cancelled'
    failure += `<h3>${cancelled ? 'Cancelled' : 'Failed'}</h3>\n${block(error.message)}`
  }
  let origins = ''
  if (report && report.origins.length > 0) {
    const items = report.origins
      .slice(0, ORIGINS_LIMIT)
      .map((o) => `<li>${escapeHtml(o.address)} (IPv${o.family}): ${escapeHtml(o.how)}</li>`)
    const more = report.origins.length - items.length
    origins = `<h3>Addresses</h3>\n<ul>${items.join('')}${more > 0 ? `<li>… ${more} more</li>` : ''}</ul>\n`
  }
  const members = report
    ? boundedMembersSection(memberRows(report.records, report.members ?? []))
    : ''
  let room = limit - bytes(head) - bytes(failure) - bytes(origins) - bytes(members)
  let records = ''
  if (report && report.records.length > 0) {
    // With a failure, keep room for the attempted rows too.
    const share = error && report.attempted.length > 0 ? Math.floor(room / 2) : room
    records = recordTables(report.records, share)
    room -= bytes(records)
  }
  if (error && report && report.attempted.length > 0) {
    const unknown = report.attempted.some((r) => r.result === 'unknown')
      ? '; rows marked <code>unknown</code> were sent and not answered, and may have been applied'
      : ''
    const intro = `<p>Attempted (rows without a change id were not applied${unknown}):</p>\n`
    failure += intro + recordTables(report.attempted, room - bytes(intro))
  }
  return head + records + members + failure + origins
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
