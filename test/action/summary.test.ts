import { afterEach, describe, expect, it } from 'vitest'
import {
  renderSummary,
  SUMMARY_LIMIT_BYTES,
  VALUES_PER_CELL,
  writeSummary
} from '../../src/action/summary.js'
import { addSecret, clearSecrets } from '../../src/net/redact.js'
import type { UpdateReport } from '../../src/core/update.js'
import type { RecordReport, RecordResult } from '../../src/model/types.js'
import { FakeRunner } from '../helpers/fake-runner.js'

afterEach(() => clearSecrets())

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

function rec(name: string, result: RecordResult, over: Partial<RecordReport> = {}): RecordReport {
  return {
    name,
    type: 'A',
    zoneId: 'Z0123456789ABCDEFGHIJ',
    setIdentifier: '',
    before: ['198.51.100.1'],
    after: ['198.51.100.2'],
    ttl: 300,
    result,
    changeId: result === 'unchanged' ? '' : 'C0123456789',
    ...over
  }
}

function report(records: RecordReport[], over: Partial<UpdateReport> = {}): UpdateReport {
  return {
    dryRun: false,
    records,
    ipv4: [],
    ipv6: [],
    origins: [],
    changeIds: [],
    changed: records.some((r) => r.changeId !== ''),
    attempted: [],
    ...over
  }
}

/** The largest input the action accepts: 1000 long names, 50 IPv4 + 50 IPv6 values, both families. */
function largest(result: RecordResult): RecordReport[] {
  const v4 = Array.from({ length: 50 }, (_, i) => `203.0.113.${i + 100}`)
  const v6 = Array.from(
    { length: 50 },
    (_, i) => `2001:db8:ffff:ffff:ffff:ffff:ffff:${(0xff00 + i).toString(16)}`
  )
  const label = 'a'.repeat(60)
  return Array.from({ length: 1000 }, (_, i) => {
    const name = `${label}.${label}.${label}.h${String(i).padStart(4, '0')}.example.com`
    return [
      rec(name, result, { before: v4.slice().reverse(), after: v4 }),
      rec(name, result, { type: 'AAAA', before: v6.slice().reverse(), after: v6 })
    ]
  }).flat()
}

describe('renderSummary size', () => {
  it('stays under 1 MiB for the largest accepted input, failure with every row attempted included', () => {
    const rows = largest('updated')
    const r = report(rows.slice(0, 700), { attempted: rows })
    const html = renderSummary(r, new Error('PriorRequestNotComplete\nsecond line'))
    expect(bytes(html)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    // Without the budget the same report is several MB (the runner would drop it whole).
    expect(bytes(html)).toBeGreaterThan(500_000)
    expect(html).toMatch(/… \d+ more records? not shown: a job summary is limited to 1 MiB/)
    expect(html).toContain('<h3>Failed</h3>')
    expect(html).toContain('Attempted (rows without a change id were not applied)')
  })

  it('keeps a successful run of 2000 records under 1 MiB, counts first', () => {
    const rows = largest('unchanged')
    rows[1500] = { ...(rows[1500] as RecordReport), result: 'updated', changeId: 'C1' }
    const html = renderSummary(report(rows))
    expect(bytes(html)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(html).toContain('<p>2000 records: 1999 unchanged, 1 updated</p>')
    // The one changed row is shown first, in the open, whatever its position.
    const firstTable = html.slice(0, html.indexOf('<details>'))
    expect(firstTable).toContain(rows[1500]?.name)
    expect(firstTable.match(/<tr><td>/g)).toHaveLength(1)
  })

  it('keeps a multivalue (set-identifier) run with many members under 1 MiB too', () => {
    const rows = largest('updated').map((r) => ({
      ...r,
      setIdentifier: 'runner-'.padEnd(128, 'x')
    }))
    const others = Array.from({ length: 300 }, (_, i) => `member-${i}`.padEnd(128, 'y'))
    const members = rows.map((r) => ({ name: r.name, type: r.type, zoneId: r.zoneId, others }))
    const html = renderSummary(report(rows, { members }))
    expect(bytes(html)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(html).toContain('<h3>Multivalue members</h3>')
    expect(html).toMatch(/… \d+ more multivalue rows not shown/)
  })

  it('shows at most VALUES_PER_CELL values per cell and says how many more', () => {
    const values = Array.from({ length: 25 }, (_, i) => `198.51.100.${i + 1}`)
    const html = renderSummary(
      report([rec('a.example.com', 'created', { before: [], after: values })])
    )
    expect(html).toContain(`198.51.100.${VALUES_PER_CELL}<br>… ${25 - VALUES_PER_CELL} more`)
    expect(html).not.toContain(`198.51.100.${VALUES_PER_CELL + 1}<`)
  })
})

describe('renderSummary layout', () => {
  it('changed rows first with their zone; unchanged ones folded in <details>', () => {
    const html = renderSummary(
      report([
        rec('same.example.com', 'unchanged'),
        rec('new.example.com', 'created', { zoneId: 'ZNEWZONE' })
      ])
    )
    expect(html).toContain('<p>2 records: 1 unchanged, 1 created</p>')
    expect(html.indexOf('new.example.com')).toBeLessThan(html.indexOf('same.example.com'))
    expect(html).toContain('<th>Zone</th>')
    expect(html).toContain('<td>ZNEWZONE</td>')
    expect(html).toMatch(
      /<details><summary>1 unchanged record<\/summary>\s*<table>.*same\.example\.com/s
    )
    expect(html).not.toContain('not shown')
  })

  it('renders multi-line failure help as a preformatted block with its lines kept', () => {
    const help = 'Route 53 refused it.\nCheck:\n1. <this> & that\n{\n  "Version": "2012-10-17"\n}'
    const html = renderSummary(undefined, new Error(help))
    expect(html).toContain(
      '<pre><code>Route 53 refused it.\nCheck:\n1. &lt;this&gt; &amp; that\n{\n  &quot;Version&quot;: &quot;2012-10-17&quot;\n}</code></pre>'
    )
  })

  it('a dry run says so', () => {
    const html = renderSummary(report([rec('a.example.com', 'would-create')], { dryRun: true }))
    expect(html).toContain('<strong>Dry run:</strong>')
  })

  it('lists how addresses were found', () => {
    const html = renderSummary(
      report([rec('a.example.com', 'created')], {
        origins: [{ family: 4, address: '198.51.100.2', how: 'input' }]
      })
    )
    expect(html).toContain('<h3>Addresses</h3>\n<ul><li>198.51.100.2 (IPv4): input</li></ul>')
  })

  it('masks registered secrets in every part', () => {
    addSecret('super-secret-session-token')
    const html = renderSummary(
      report([rec('a.example.com', 'created')], {
        origins: [{ family: 4, address: '198.51.100.2', how: 'super-secret-session-token' }]
      }),
      new Error('AWS said: token super-secret-session-token')
    )
    expect(html).not.toContain('super-secret-session-token')
    expect(html).toContain('AWS said: token ***')
  })
})

describe('writeSummary', () => {
  it('appends through the runner, and not at all when the step has no summary', () => {
    const runner = new FakeRunner()
    writeSummary(runner, report([rec('a.example.com', 'created')]))
    expect(runner.summary).toContain('a.example.com')
    const none = new FakeRunner({ summary: false })
    writeSummary(none, report([rec('a.example.com', 'created')]))
    expect(none.summary).toBe('')
  })
})
