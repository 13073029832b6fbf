import { describe, expect, it } from 'vitest'
import { answerLimitWarning, memberRows } from '../../src/core/members.js'
import { membersSection, LISTED_MEMBERS } from '../../src/action/summary.js'
import type { RecordReport } from '../../src/model/types.js'

const rec = (over: Partial<RecordReport> = {}): RecordReport => ({
  name: 'pool.example.com',
  type: 'A',
  zoneId: 'Z1',
  setIdentifier: 'pi',
  before: [],
  after: ['198.51.100.7'],
  ttl: 300,
  result: 'created',
  changeId: 'C1',
  ...over
})
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `m${i}`)

describe('member rows and summary', () => {
  it('joins each member row with the others found at its name and type', () => {
    const rows = memberRows(
      [rec(), rec({ type: 'AAAA', after: ['2001:db8::1'] }), rec({ setIdentifier: '', name: 'x' })],
      [
        { name: 'pool.example.com', type: 'A', zoneId: 'Z1', others: ['nas', 'office'] },
        { name: 'pool.example.com', type: 'AAAA', zoneId: 'Z1', others: [] }
      ]
    )
    expect(rows.map((r) => [r.record.type, r.others, r.total])).toEqual([
      ['A', ['nas', 'office'], 3],
      ['AAAA', [], 1]
    ])
  })

  it('warns above eight members, counting this machine only while it is a member', () => {
    const [eight] = memberRows([rec()], [{ ...rec(), others: ids(7) }])
    expect(answerLimitWarning(eight!)).toBeUndefined()
    const [nine] = memberRows([rec()], [{ ...rec(), others: ids(8) }])
    expect(answerLimitWarning(nine!)).toMatch(/has 9 multivalue members.*sees only 8/)
    const [leaving] = memberRows(
      [rec({ after: [], result: 'deleted' })],
      [{ ...rec(), others: ids(8) }]
    )
    expect(answerLimitWarning(leaving!)).toBeUndefined()
  })

  it('renders this machine and the others, escaped, listing at most a few identifiers', () => {
    const html = membersSection(
      memberRows([rec({ setIdentifier: '<pi>' })], [{ ...rec(), others: ids(LISTED_MEMBERS + 5) }])
    )
    expect(html).toContain('<h3>Multivalue members</h3>')
    expect(html).toContain('<code>&lt;pi&gt;</code>')
    expect(html).toContain(`${LISTED_MEMBERS + 5}: <code>m0</code>`)
    expect(html).toContain(' and 5 more')
    expect(html).not.toContain(`<code>m${LISTED_MEMBERS}</code>`)
    expect(html).toMatch(
      /<strong>Warning:<\/strong> pool\.example\.com A has 26 multivalue members/
    )
    expect(membersSection([])).toBe('')
  })
})
