import { describe, expect, it } from 'vitest'
import {
  bareZoneId,
  parseZoneId,
  compareNames,
  displayName,
  hostnameProblem,
  listedName,
  normalizeName,
  suffixes
} from '../../src/model/names.js'

describe('normalizeName', () => {
  it.each([
    ['Home.Dyn.Example.COM.', 'home.dyn.example.com'],
    ['  a.example.com  ', 'a.example.com'],
    ['*.Example.com', '*.example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['*.bücher.example', '*.xn--bcher-kva.example']
  ])('%s → %s', (raw, want) => expect(normalizeName(raw)).toBe(want))
})

describe('hostnameProblem', () => {
  it.each([
    'a.example.com',
    '*.example.com',
    '_acme.example.com',
    'x-1.example.com',
    `${'a'.repeat(63)}.com`
  ])('accepts %s', (name) => expect(hostnameProblem(name)).toBeUndefined())
  it.each([
    ['', /empty/],
    ['localhost', /not a fully qualified/],
    ['a..example.com', /empty label/],
    [`${'a'.repeat(64)}.com`, /longer than 63/],
    [`${'abcdefghi.'.repeat(26)}com`, /at most 253/],
    ['a.*.example.com', /leftmost/],
    ['-a.example.com', /invalid label/],
    ['a b.example.com', /invalid label/],
    ['a$.example.com', /invalid label/],
    ['1.2.3.4', /numeric/]
  ])('rejects %j', (name, why) => expect(hostnameProblem(name)).toMatch(why))
})

describe('listedName and displayName', () => {
  it('escapes as Route 53 lists names', () => {
    expect(listedName('*.example.com')).toBe('\\052.example.com.')
    expect(listedName('A.Example.com.')).toBe('a.example.com.')
    expect(listedName('\\052.example.com.')).toBe('\\052.example.com.')
  })
  it('round-trips for display', () => {
    expect(displayName('\\052.example.com.')).toBe('*.example.com')
    expect(displayName('WWW.example.com.')).toBe('www.example.com')
  })
})

describe('compareNames', () => {
  it('orders by reversed labels', () => {
    const names = [
      'b.example.com',
      'example.com',
      'a.b.example.com',
      'a.example.com',
      'example.net',
      'z.example.com'
    ]
    expect([...names].sort(compareNames)).toEqual([
      'example.com',
      'a.example.com',
      'b.example.com',
      'a.b.example.com',
      'z.example.com',
      'example.net'
    ])
  })
  it('treats trailing dot and case as equal', () => {
    expect(compareNames('A.example.com.', 'a.example.com')).toBe(0)
  })
})

describe('zones', () => {
  it('lists suffixes longest first', () => {
    expect(suffixes('a.b.example.com')).toEqual([
      'a.b.example.com',
      'b.example.com',
      'example.com',
      'com'
    ])
    expect(suffixes('*.example.com')).toEqual(['example.com', 'com'])
  })
})

describe('zone ids', () => {
  it.each([
    ['Z123ABC', 'Z123ABC'],
    ['/hostedzone/Z123ABC', 'Z123ABC'],
    ['  Z123ABC\n', 'Z123ABC']
  ])('parseZoneId(%j) is %j', (text, id) => {
    expect(parseZoneId(text)).toBe(id)
  })

  it.each([
    'z123abc',
    'hostedzone/Z1',
    '/hostedzone/',
    'Z',
    'arn:aws:route53:::hostedzone/Z1',
    'Z1\u0007'
  ])('parseZoneId refuses %j naming hosted-zone-id', (text) => {
    expect(() => parseZoneId(text)).toThrow(/^Input 'hosted-zone-id': '.*' is not a hosted zone id/)
    expect(() => parseZoneId(text)).not.toThrow('\u0007')
  })

  it('bareZoneId strips what Route 53 returns and never throws', () => {
    expect(bareZoneId('/hostedzone/Z1')).toBe('Z1')
    expect(bareZoneId('hostedzone/Z1')).toBe('Z1')
    expect(bareZoneId('Z1')).toBe('Z1')
    expect(bareZoneId('')).toBe('')
  })
})
