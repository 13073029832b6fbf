import { describe, expect, it } from 'vitest'
import { headline, outcomeOf, plainText, recordLine } from '../../src/notify/event.js'
import { event, record } from './fixtures.js'

describe('outcomeOf', () => {
  it.each([
    [[record()], undefined, 'changed'],
    [[record({ result: 'unchanged' })], undefined, 'unchanged'],
    [[], undefined, 'unchanged'],
    [[record({ result: 'would-create' })], undefined, 'changed'],
    [[record()], 'boom', 'failed'],
    [[], '', 'failed']
  ] as const)('%j %j → %s', (records, error, outcome) => {
    expect(outcomeOf([...records], error)).toBe(outcome)
  })
})

describe('words', () => {
  it('recordLine', () => {
    expect(recordLine(record())).toBe('home.example.com A: 198.51.100.4 → 198.51.100.7 (updated)')
    expect(recordLine(record({ before: [], result: 'created' }))).toBe(
      'home.example.com A: (none) → 198.51.100.7 (created)'
    )
    expect(recordLine(record({ result: 'unchanged', before: ['198.51.100.7'] }))).toBe(
      'home.example.com A: 198.51.100.7 (unchanged)'
    )
  })
  it.each([
    [{}, 'route53-ddns: 1 record changed in octo/demo'],
    [
      { dryRun: true },
      'route53-ddns: 1 record would change in octo/demo (dry run: nothing was written)'
    ],
    [{ outcome: 'failed' as const, error: 'x' }, 'route53-ddns failed in octo/demo'],
    [{ outcome: 'unchanged' as const, records: [] }, 'route53-ddns: records unchanged in octo/demo']
  ])('headline %j', (over, text) => {
    expect(headline(event(over))).toBe(text)
  })
  it('plainText has the changes, the error and the run link, within the limit', () => {
    const text = plainText(event({ outcome: 'failed', error: 'Access denied' }))
    expect(text.split('\n')).toEqual([
      'route53-ddns failed in octo/demo',
      'home.example.com A: 198.51.100.4 → 198.51.100.7 (updated)',
      'Error: Access denied',
      'octo/demo · workflow ddns · run 4242 · triggered by the schedule: https://github.com/octo/demo/actions/runs/4242'
    ])
    const long = plainText(event({ outcome: 'failed', error: 'e'.repeat(5000) }), 300)
    expect(long.length).toBe(300)
    expect(long.endsWith('…')).toBe(true)
  })
})
