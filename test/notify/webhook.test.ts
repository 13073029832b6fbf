import { describe, expect, it } from 'vitest'
import {
  DISCORD_MAX,
  shouldNotify,
  webhookBody,
  webhookKind,
  webhookRequest
} from '../../src/notify/webhook.js'
import { event, record } from './fixtures.js'

describe('webhookKind', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/xyz', 'slack'],
    ['https://discord.com/api/webhooks/123/abc', 'discord'],
    ['https://discordapp.com/api/webhooks/123/abc', 'discord'],
    ['https://canary.discord.com/api/webhooks/123/abc', 'discord'],
    ['https://discord.com/other/123', 'generic'],
    ['https://chat.example.com/hooks/abc', 'generic'],
    ['https://hooks.slack.com.evil.example/x', 'generic']
  ])('%s → %s', (url, kind) => {
    expect(webhookKind(url)).toBe(kind)
  })
})

describe('shouldNotify', () => {
  it('only when something changed or failed', () => {
    expect(shouldNotify(event())).toBe(true)
    expect(shouldNotify(event({ outcome: 'failed', error: 'x' }))).toBe(true)
    expect(shouldNotify(event({ outcome: 'unchanged' }))).toBe(false)
  })
})

describe('Slack', () => {
  it('is { text } with mrkdwn escaped and the run as a link', () => {
    const body = webhookBody('slack', event({ outcome: 'failed', error: 'zone <Z1> & "x" `y`' }))
    expect(Object.keys(body)).toEqual(['text'])
    const text = body.text as string
    expect(text).toContain('*route53-ddns failed in octo/demo*')
    expect(text).toContain('zone &lt;Z1&gt; &amp; "x" \'y\'')
    expect(text).toContain(
      '<https://github.com/octo/demo/actions/runs/4242|octo/demo · workflow ddns · run 4242 · triggered by the schedule>'
    )
  })
})

describe('Discord', () => {
  it('is { content } within 2000 characters, mentions off', () => {
    const many = Array.from({ length: 200 }, (_, i) => record({ name: `host${i}.example.com` }))
    const body = webhookBody(
      'discord',
      event({ records: many, outcome: 'failed', error: '@everyone look' })
    )
    expect(body.allowed_mentions).toEqual({ parse: [] })
    const content = body.content as string
    expect(content.length).toBeLessThanOrEqual(DISCORD_MAX)
    expect(content).toContain('@everyone look')
    // The error and the run link survive however many records there are.
    expect(content).toContain('(<https://github.com/octo/demo/actions/runs/4242>)')
    expect(content).toMatch(/```\n@everyone look\n```/)
  })
  it('escapes markdown in names', () => {
    const content = webhookBody(
      'discord',
      event({ records: [record({ name: '_acme.home-lab.example.com' })] })
    ).content as string
    expect(content).toContain('\\_acme.home\\-lab.example.com')
  })
})

describe('generic', () => {
  it('has text and the structured run', () => {
    const req = webhookRequest('https://chat.example.com/hooks/abc', event())
    expect(req.method).toBe('POST')
    expect(req.headers?.['content-type']).toBe('application/json')
    const body = JSON.parse(req.body!) as Record<string, unknown>
    expect(body).toMatchObject({
      source: 'route53-ddns',
      outcome: 'changed',
      dryRun: false,
      error: null,
      records: [record()],
      run: {
        url: 'https://github.com/octo/demo/actions/runs/4242',
        repository: 'octo/demo',
        id: 4242,
        attempt: 1,
        event: 'schedule',
        actor: 'octocat',
        workflow: 'ddns'
      }
    })
    expect(body.text).toContain('1 record changed')
  })
  it('run is null outside a workflow run', () => {
    const { run: _run, ...noRun } = event()
    expect(webhookBody('generic', noRun).run).toBeNull()
  })
})
