// The quorum alone: answers so far in, decision out. The same rules through real sockets (early
// end before a hanging provider, the overall limit): public.test.ts.
import { describe, expect, it } from 'vitest'
import { decideQuorum, type ProviderAnswer } from '../../src/detect/quorum.js'

const [A, B, C, D] = [
  'https://a.example',
  'https://b.example',
  'https://c.example',
  'https://d.example'
]
const X = '198.51.100.7'
const Y = '203.0.113.9'
const Z = '192.0.2.200'

const ok = (url: string, address: string): ProviderAnswer => ({ url, ok: true, address })
const bad = (url: string): ProviderAnswer => ({ url, ok: false, reason: 'answered HTTP 503' })

const accepted = (address: string) => ({ state: 'accepted', address })
const waiting = { state: 'waiting' }
const failed = (reason: string) => ({ state: 'failed', reason })
const DISAGREE = failed('the providers did not agree')

describe('decideQuorum', () => {
  it.each([
    // [case, asked, answers so far, decision]
    ['two agree, the third not yet answered', [A, B, C], [ok(A, X), ok(B, X)], accepted(X)],
    ['two agree before two slow providers', [A, B, C, D], [ok(B, X), ok(D, X)], accepted(X)],
    ['two agree after one failed', [A, B, C], [bad(A), ok(B, X), ok(C, X)], accepted(X)],
    ['one answer is not yet a quorum', [A, B, C], [ok(A, X)], waiting],
    ['nothing answered yet', [A, B], [], waiting],
    ['a disagreement waits for every answer', [A, B, C], [ok(A, X), ok(B, Y)], waiting],
    [
      'a disagreement waits even with two votes',
      [A, B, C, D],
      [ok(A, X), ok(B, X), ok(C, Y)],
      waiting
    ],
    ['after a disagreement, 2 to 1 wins', [A, B, C], [ok(A, X), ok(B, Y), ok(C, X)], accepted(X)],
    ['2 to 1 with a failure', [A, B, C, D], [ok(A, Y), ok(B, X), bad(C), ok(D, Y)], accepted(Y)],
    ['two providers that disagree', [A, B], [ok(A, X), ok(B, Y)], DISAGREE],
    ['a 2 to 2 tie', [A, B, C, D], [ok(A, X), ok(B, Y), ok(C, Y), ok(D, X)], DISAGREE],
    ['every provider a different address', [A, B, C], [ok(A, X), ok(B, Y), ok(C, Z)], DISAGREE],
    [
      'one usable answer of three',
      [A, B, C],
      [ok(A, X), bad(B), bad(C)],
      failed('fewer than two of 3 providers gave a usable answer')
    ],
    [
      'all failing',
      [A, B, C],
      [bad(A), bad(B), bad(C)],
      failed('fewer than two of 3 providers gave a usable answer')
    ],
    ['one provider: its answer', [A], [ok(A, X)], accepted(X)],
    ['one provider: not yet answered', [A], [], waiting],
    [
      'one provider that failed',
      [A],
      [bad(A)],
      failed('the only provider did not give a usable answer')
    ],
    [
      'a provider that is not a URL fails alone',
      ['not a url', A, B],
      [bad('not a url'), ok(A, X), ok(B, X)],
      accepted(X)
    ]
  ] as const)('%s', (_case, asked, answers, decision) => {
    expect(decideQuorum(asked, answers)).toEqual(decision)
  })

  describe('one origin is one vote, however its URL is written', () => {
    const a1 = 'https://a.example/ip'
    const a2 = 'HTTPS://A.example:443/other/'
    const a3 = 'https://a.example./trace'
    it.each([
      ['two URLs of one origin are not two votes', [a1, a2, B], [ok(a1, X), ok(a2, X)], waiting],
      [
        '…and a second origin completes the quorum',
        [a1, a2, B],
        [ok(a1, X), ok(a2, X), ok(B, X)],
        accepted(X)
      ],
      [
        'one origin against a liar is a split',
        [a1, a2, B],
        [ok(a1, X), ok(a2, X), ok(B, Y)],
        DISAGREE
      ],
      [
        'three spellings of one origin are a single provider',
        [a1, a2, a3],
        [ok(a3, X)],
        accepted(X)
      ],
      [
        'one origin twice is one usable answer',
        [a1, a2, B],
        [ok(a1, X), ok(a2, X), bad(B)],
        failed('fewer than two of 2 providers gave a usable answer')
      ]
    ] as const)('%s', (_case, asked, answers, decision) => {
      expect(decideQuorum(asked, answers)).toEqual(decision)
    })
  })

  it('does not depend on the order the answers came in', () => {
    const answers = [ok(A, X), ok(B, Y), ok(C, X), bad(D)]
    for (const order of [
      answers,
      [...answers].reverse(),
      [answers[2]!, answers[0]!, answers[3]!, answers[1]!]
    ]) {
      expect(decideQuorum([A, B, C, D], order)).toEqual(accepted(X))
    }
  })
})
