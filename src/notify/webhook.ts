/**
 * The change/failure webhook body, shaped for what the receiver displays without glue:
 * - Slack incoming webhooks (`hooks.slack.com`): `{ text }` in Slack mrkdwn, `&`, `<`, `>` escaped.
 * - Discord webhooks (`discord.com/api/webhooks/…`): `{ content }` (at most 2000 characters) with
 *   mentions disabled, so a record name or error can never ping anyone.
 * - Anything else: JSON with the same `text` (Mattermost, Google Chat and others show it) plus the
 *   structured fields: outcome, records, error and the run.
 */
import { runLine, runUrl } from '../model/run-context.js'
import { changedRecords, clip, headline, plainText, recordLine, type RunEvent } from './event.js'
import type { HttpRequest } from './http.js'

type WebhookKind = 'slack' | 'discord' | 'generic'

/** Discord's limit on `content`. */
export const DISCORD_MAX = 2000
/** Slack truncates `text` past 40,000 characters; stay far below. */
const SLACK_MAX = 3000

export function webhookKind(url: string): WebhookKind {
  const u = new URL(url)
  const host = u.hostname.toLowerCase()
  if (host === 'hooks.slack.com') return 'slack'
  if (
    /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/.test(host) &&
    u.pathname.startsWith('/api/webhooks/')
  ) {
    return 'discord'
  }
  return 'generic'
}

const slackEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function slackText(event: RunEvent): string {
  const lines = [`*${slackEscape(headline(event))}*`]
  for (const r of changedRecords(event)) lines.push(`• ${slackEscape(recordLine(r))}`)
  if (event.error !== undefined) {
    lines.push(`Error: \`\`\`${slackEscape(clip(event.error, 1500)).replace(/`/g, "'")}\`\`\``)
  }
  if (event.run) {
    lines.push(`<${runUrl(event.run)}|${slackEscape(runLine(event.run))}>`)
  }
  return clip(lines.join('\n'), SLACK_MAX)
}

function discordContent(event: RunEvent): string {
  const md = (s: string): string => s.replace(/[\\*_~`|>[\]()#-]/g, '\\$&')
  const link = event.run ? `\n[${md(runLine(event.run))}](<${runUrl(event.run)}>)` : ''
  const error =
    event.error !== undefined
      ? `\n\`\`\`\n${clip(event.error, 1000).replace(/`/g, "'")}\n\`\`\``
      : ''
  const head = `**${md(headline(event))}**`
  // Records fill what the headline, error and link leave of the 2000 characters.
  const room = DISCORD_MAX - head.length - error.length - link.length - 2
  const records = clip(
    changedRecords(event)
      .map((r) => `• ${md(recordLine(r))}`)
      .join('\n'),
    Math.max(0, room)
  )
  return clip([head, records].filter(Boolean).join('\n') + error + link, DISCORD_MAX)
}

/** The JSON body for a webhook of this kind. */
export function webhookBody(kind: WebhookKind, event: RunEvent): Record<string, unknown> {
  if (kind === 'slack') return { text: slackText(event) }
  if (kind === 'discord') return { content: discordContent(event), allowed_mentions: { parse: [] } }
  return {
    text: plainText(event),
    source: 'route53-ddns',
    outcome: event.outcome,
    dryRun: event.dryRun,
    records: event.records,
    error: event.error ?? null,
    run: event.run
      ? {
          url: runUrl(event.run),
          repository: event.run.repository,
          id: event.run.runId,
          attempt: event.run.runAttempt,
          event: event.run.eventName,
          actor: event.run.actor,
          workflow: event.run.workflow
        }
      : null
  }
}

/** Whether a run's outcome is worth a webhook call: a change, a failure or a recovery, never `unchanged`. */
export function shouldNotify(event: RunEvent): boolean {
  return event.outcome !== 'unchanged' || event.recovered !== undefined
}

export function webhookRequest(url: string, event: RunEvent): HttpRequest {
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(webhookBody(webhookKind(url), event))
  }
}
