import { describe, expect, it } from 'vitest'
import { LINES, cut, excerpt, maskValues, printable } from '../../src/model/text.js'
import { awsFailure, shown } from '../../src/model/errors.js'
import { parseEchoBody } from '../../src/detect/public.js'

describe('printable: the one escaping of outside text', () => {
  it.each([
    ['clear screen', '\u001b[2J', '\\x1b[2J'],
    ['OSC retitle', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['C1 CSI', '\u009b31m', '\\x9b31m'],
    ['DEL and NUL', 'a\u007fb\u0000', 'a\\x7fb\\x00'],
    ['carriage return', 'ok\rfake', 'ok\\x0dfake'],
    ['bidi override', 'txt\u202eexe', 'txt\\u{202e}exe'],
    ['zero width', 'a\u200bb', 'a\\u{200b}b'],
    ['line separator', 'a\u2028b', 'a\\u{2028}b'],
    ['lone surrogate', 'a\ud800b', 'a\\u{d800}b'],
    ['letters of any script stay', 'Zürich 東京 😀', 'Zürich 東京 😀']
  ])('%s', (_what, text, expected) => {
    expect(printable(text)).toBe(expected)
  })

  it('for text its sink splits into lines, keeps line feeds and tabs only', () => {
    expect(printable('a\n\tb\r\n\u001b[0m', LINES)).toBe('a\n\tb\\x0d\n\\x1b[0m')
    expect(printable('a\r\n\u001b', '\r\n')).toBe('a\r\n\\x1b')
  })

  it('shown (inputs, command output) and AWS messages use it', () => {
    expect(shown('x\u001b[31m')).toBe('x\\x1b[31m')
    expect(shown('y'.repeat(100))).toHaveLength(80)
    expect(awsFailure('Denied \u001b]0;t\u0007\nHelp line', {}).message).toBe(
      'Denied \\x1b]0;t\\x07\nHelp line'
    )
    expect(parseEchoBody('no \u009b2J', 4)).toEqual({
      ok: false,
      reason: 'answered "no \\x9b2J", not an address'
    })
  })
})

describe('excerpt: masked first, then one line, escaped, cut', () => {
  const secret = 'SECRET-kq7Zp2Lx9Wm4'
  const mask = (t: string): string => maskValues(t, [secret])

  it('a secret the cut would split is already masked', () => {
    const text = `${'a'.repeat(15)}${secret} tail`
    expect(excerpt(text, 20, mask)).toBe(`${'a'.repeat(15)}*** …`)
    // Cutting first would have left the secret's start behind.
    expect(mask(cut(text, 20))).toContain('SECR')
  })

  it('white space becomes single spaces; controls are escaped', () => {
    expect(excerpt('  one\n\n two\t\u001b[2J  ', 100, (t) => t)).toBe('one two \\x1b[2J')
  })

  it('maskValues masks the longest value whole', () => {
    expect(maskValues('abc abcdef', ['abc', 'abcdef'])).toBe('*** ***')
    expect(maskValues('x', [''])).toBe('x')
  })
})
