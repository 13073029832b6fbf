// The failure issue's words: pure, so what users read is tested without a server.
import { createHash } from 'node:crypto'
import { runLine, runUrl, type RunContext } from '../model/run-context.js'
import { changedRecords, clip, headline, recordLine, type RunEvent } from './event.js'

/** The label that finds the failure issue again (GitHub creates it with the first issue). */
export const ISSUE_LABEL = 'route53-ddns'

/**
 * Which failure issue a run reports to: one per workflow, job and set of names, so jobs of one
 * workflow (a matrix per machine) each keep their own issue.
 */
export function issueKey(run: RunContext, hostnames: string[]): string {
  const names = [...hostnames].sort().join(',')
  return createHash('sha256')
    .update(`${run.repository}\n${run.workflow}\n${run.job}\n${names}`)
    .digest('hex')
    .slice(0, 16)
}

/** The hidden line in the issue body that identifies it. */
export function issueMarker(key: string): string {
  return `<!-- route53-ddns failure-issue ${key} -->`
}

/** Text in a fenced block: nothing in it can mention anyone or break the markdown. */
function fenced(text: string): string {
  return `\`\`\`text\n${text.replace(/`{3,}/g, "'''")}\n\`\`\``
}

const link = (run: RunContext): string => `[${runLine(run)}](${runUrl(run)})`

function names(hostnames: string[]): string {
  const shown = hostnames.slice(0, 2).join(', ')
  return hostnames.length > 2 ? `${shown} and ${hostnames.length - 2} more` : shown
}

export function issueTitle(run: RunContext, hostnames: string[]): string {
  const what = hostnames.length ? ` for ${names(hostnames)}` : ''
  return clip(`route53-ddns is failing${what} (${run.workflow || 'workflow'})`, 200)
}

function errorBlock(event: RunEvent): string[] {
  const lines = ['**Error:**', '', fenced(clip(event.error ?? '(no message)', 4000))]
  const written = changedRecords(event)
  if (written.length) {
    lines.push(
      '',
      'Records written before the failure:',
      '',
      fenced(written.map(recordLine).join('\n'))
    )
  }
  return lines
}

export function issueBody(event: RunEvent, run: RunContext, key: string): string {
  return [
    issueMarker(key),
    `${headline(event)}.`,
    '',
    ...errorBlock(event),
    '',
    `Run: ${link(run)}`,
    '',
    'Opened by route53-ddns because `failure-issue` is on. Later failures comment here; the next ' +
      'successful run comments and closes this issue.'
  ].join('\n')
}

export function repeatComment(event: RunEvent, run: RunContext): string {
  return [`Failed again: ${link(run)}`, '', ...errorBlock(event)].join('\n')
}

export function recoveryComment(event: RunEvent, run: RunContext): string {
  const changed = changedRecords(event)
  return [
    `Recovered: ${link(run)} succeeded (${headline(event)}).`,
    ...(changed.length ? ['', fenced(changed.map(recordLine).join('\n'))] : []),
    '',
    'Closing this issue.'
  ].join('\n')
}
