// The watch's metrics as Prometheus reads them: names, labels and values from a sequence of events,
// and `promtool check metrics` on the real exposition (CI installs promtool: .ci/setup/30-promtool.sh).
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { createWatchMetrics } from '../../src/metrics/prometheus.js'
import type { RecordReport } from '../../src/model/types.js'

const S = 1000
const T0 = Date.parse('2026-11-27T12:00:00Z')

const record = (over: Partial<RecordReport>): RecordReport => ({
  name: 'home.example.com',
  type: 'A',
  zoneId: 'Z1',
  setIdentifier: '',
  before: [],
  after: ['203.0.113.5'],
  ttl: 300,
  result: 'created',
  changeId: 'C1',
  ...over
})

/** Metrics after a start, a change, a failure and a recovery. */
async function sample(): Promise<string> {
  const m = createWatchMetrics({ version: '9.9.9', windowMs: 60 * S })
  m.detected(12)
  m.request('ListResourceRecordSets', 'success')
  m.request('ChangeResourceRecordSets', 'throttled')
  m.request('ChangeResourceRecordSets', 'success')
  const created = record({})
  const aaaa = record({
    type: 'AAAA',
    after: ['2001:db8::5'],
    result: 'unchanged',
    before: ['2001:db8::5']
  })
  m.changed(T0, created)
  m.checked(T0, [created, aaaa])
  m.detected(3000)
  m.failed('detection')
  m.failed('route53')
  const updated = record({ before: ['203.0.113.5'], after: ['203.0.113.9'], result: 'updated' })
  m.changed(T0 + 90 * S, updated)
  m.checked(T0 + 90 * S, [updated, aaaa])
  m.checked(T0 + 95 * S)
  return (await m.exposition()).text
}

const value = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('watch metrics', () => {
  it('name every series with one prefix, and count what happened', async () => {
    const text = await sample()
    const names = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`)
    expect(names).toEqual([
      'route53_ddns_build_info gauge',
      'route53_ddns_last_success_timestamp_seconds gauge',
      'route53_ddns_last_change_timestamp_seconds gauge',
      'route53_ddns_checks_total counter',
      'route53_ddns_failures_total counter',
      'route53_ddns_consecutive_failures gauge',
      'route53_ddns_record_changes_total counter',
      'route53_ddns_published_address_info gauge',
      'route53_ddns_route53_requests_total counter',
      'route53_ddns_detection_duration_seconds histogram'
    ])
    expect(value(text, 'route53_ddns_build_info{version="9.9.9"}')).toBe(1)
    expect(value(text, 'route53_ddns_last_success_timestamp_seconds')).toBe(T0 / S + 95)
    expect(value(text, 'route53_ddns_last_change_timestamp_seconds')).toBe(T0 / S + 90)
    expect(value(text, 'route53_ddns_checks_total{result="success"}')).toBe(3)
    expect(value(text, 'route53_ddns_checks_total{result="failure"}')).toBe(2)
    expect(value(text, 'route53_ddns_failures_total{kind="detection"}')).toBe(1)
    expect(value(text, 'route53_ddns_failures_total{kind="route53"}')).toBe(1)
    expect(value(text, 'route53_ddns_failures_total{kind="timeout"}')).toBe(0)
    expect(value(text, 'route53_ddns_consecutive_failures')).toBe(0)
    expect(value(text, 'route53_ddns_record_changes_total')).toBe(2)
    // The address as last read: the old one is gone.
    expect(text).not.toContain('address="203.0.113.5"')
    expect(
      value(
        text,
        'route53_ddns_published_address_info{name="home.example.com",type="A",address="203.0.113.9"}'
      )
    ).toBe(1)
    expect(
      value(
        text,
        'route53_ddns_published_address_info{name="home.example.com",type="AAAA",address="2001:db8::5"}'
      )
    ).toBe(1)
    expect(
      value(
        text,
        'route53_ddns_route53_requests_total{operation="ChangeResourceRecordSets",outcome="throttled"}'
      )
    ).toBe(1)
    expect(value(text, 'route53_ddns_detection_duration_seconds_count')).toBe(2)
    expect(value(text, 'route53_ddns_detection_duration_seconds_sum')).toBeCloseTo(3.012)
  })

  it('a dry run publishes nothing: the address held is the one read', async () => {
    const m = createWatchMetrics({ version: '1', windowMs: 60 * S })
    const would = record({
      before: ['198.51.100.1'],
      after: ['203.0.113.5'],
      result: 'would-update'
    })
    m.changed(T0, would)
    m.checked(T0, [would])
    const text = (await m.exposition()).text
    expect(text).toContain('address="198.51.100.1"')
    expect(text).not.toContain('address="203.0.113.5"')
    expect(value(text, 'route53_ddns_record_changes_total')).toBe(0)
  })

  it('health follows the checks', () => {
    const m = createWatchMetrics({ version: '1', windowMs: 60 * S })
    expect(m.health(T0).ok).toBe(false)
    m.checked(T0)
    expect(m.health(T0 + 60 * S)).toEqual({
      ok: true,
      line: 'ok: last successful check 60 s ago (window 60 s)'
    })
    m.failed('route53')
    expect(m.health(T0 + 61 * S)).toEqual({
      ok: false,
      line: 'unhealthy: last successful check 61 s ago (window 60 s); 1 failed check in a row (last: route53)'
    })
  })

  const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' })
  const missing = promtool.error !== undefined
  if (missing && process.env.CI !== 'true') {
    console.warn(
      'test/metrics/prometheus.test.ts: promtool check skipped: promtool is not on PATH (.ci/setup/30-promtool.sh installs it)'
    )
  }
  // Under CI a missing promtool fails the test instead of skipping it.
  it.skipIf(missing && process.env.CI !== 'true')(
    'promtool check metrics accepts the exposition',
    async () => {
      const text = await sample()
      const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' })
      expect(r.error, 'promtool must be installed in CI').toBeUndefined()
      expect(r.stdout + r.stderr).toBe('')
      expect(r.status).toBe(0)
    }
  )

  it.skipIf(missing)('promtool refuses a counter without _total (the check can fail)', async () => {
    const broken = (await sample()).replaceAll(
      'route53_ddns_record_changes_total',
      'route53_ddns_record_changes'
    )
    const r = spawnSync('promtool', ['check', 'metrics'], { input: broken, encoding: 'utf8' })
    expect(r.status).not.toBe(0)
  })
})
