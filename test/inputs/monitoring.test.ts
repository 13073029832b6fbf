import { describe, expect, it } from 'vitest'
import { parseMonitoring, type MonitorInput } from '../../src/inputs/monitoring.js'

const defaults: Record<MonitorInput, string> = {
  'heartbeat-url': '',
  'notify-url': '',
  'failure-issue': 'false',
  'github-token': '${{ github.token }}'
}
const bool = (name: string, v: string): boolean => {
  if (v === 'true' || v === 'false') return v === 'true'
  throw new Error(`${name}: not a boolean`)
}
const parse = (given: Partial<Record<MonitorInput, string>>) =>
  parseMonitoring((name) => given[name] || defaults[name], bool)

const HC = 'https://hc-ping.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'

describe('parseMonitoring', () => {
  it('is all off by default', () => {
    expect(parse({})).toEqual({ failureIssue: false })
  })
  it('takes the URLs and the token', () => {
    expect(
      parse({
        'heartbeat-url': HC,
        'notify-url': 'https://hooks.slack.com/services/T/B/x',
        'failure-issue': 'true',
        'github-token': 'ghs_abc'
      })
    ).toEqual({
      heartbeatUrl: HC,
      notifyUrl: 'https://hooks.slack.com/services/T/B/x',
      failureIssue: true,
      githubToken: 'ghs_abc'
    })
  })
  it('ignores the token when the failure issue is off', () => {
    expect(parse({ 'github-token': 'ghs_abc' })).toEqual({ failureIssue: false })
  })
  it.each([
    [{ 'heartbeat-url': HC.replace('https', 'http') }, /^Input 'heartbeat-url': .*plain http/],
    [{ 'notify-url': 'hooks.slack.com/x' }, /^Input 'notify-url': is not a URL/],
    [{ 'failure-issue': 'true' }, /^Input 'github-token': is empty: .*issues: write/],
    [{ 'failure-issue': 'true', 'github-token': 'a b' }, /^Input 'github-token': must not contain/]
  ])('refuses %j', (given, message) => {
    expect(() => parse(given)).toThrow(message)
  })
  it('an error never shows the secret part of a URL', () => {
    expect(() => parse({ 'heartbeat-url': HC.replace('https', 'http') })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('0f1e2d3c') })
    )
  })
})
