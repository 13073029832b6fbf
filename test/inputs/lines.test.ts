import { describe, expect, it } from 'vitest'
import { KeyLines, entryLines } from '../../src/inputs/lines.js'

describe('entryLines', () => {
  it.each([
    ['LF', 'a = 1\nb = 2'],
    ['CRLF', 'a = 1\r\nb = 2'],
    ['CR', 'a = 1\rb = 2'],
    ['a trailing line end', 'a = 1\nb = 2\n']
  ])('reads %s line ends', (_case, text) => {
    expect(entryLines(text).map((l) => [l.key, l.value.trim()])).toEqual([
      ['a', '1'],
      ['b', '2']
    ])
  })

  it('skips blank lines and comments, keeping the user’s line numbers', () => {
    const text =
      '# machines\r\n\r\n  web1 = a.example.com  # the first\r\n\t\r\nweb2=b.example.com\r\n#'
    expect(entryLines(text)).toEqual([
      { n: 3, line: 'web1 = a.example.com', key: 'web1', value: ' a.example.com' },
      { n: 5, line: 'web2=b.example.com', key: 'web2', value: 'b.example.com' }
    ])
  })

  it.each([
    ['no equals sign', { key: undefined, value: '' }],
    ['= value only', { key: '', value: ' value only' }],
    ['key =', { key: 'key', value: '' }],
    ['a = b = c', { key: 'a', value: ' b = c' }]
  ])('splits %j at its first =', (line, parts) => {
    expect(entryLines(line)).toEqual([{ n: 1, line, ...parts }])
  })

  it('reads nothing from an empty or comment-only text', () => {
    expect(entryLines('')).toEqual([])
    expect(entryLines('\n# only a comment\n   \n')).toEqual([])
  })
})

describe('KeyLines', () => {
  it('says on which line a key was first given', () => {
    const seen = new KeyLines()
    expect(seen.repeated('web1', 2)).toBeUndefined()
    expect(seen.repeated('web2', 3)).toBeUndefined()
    expect(seen.repeated('web1', 7)).toBe(2)
    expect(seen.repeated('web1', 9)).toBe(2)
  })
})
