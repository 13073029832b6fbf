import { describe, expect, it } from 'vitest'
import {
  bigIntToIpv6,
  composeAddress,
  hostIdProblem,
  ipv6ToBigInt,
  parseHostIds,
  prefixOf
} from '../../src/inputs/host-ids.js'
import { InputError } from '../../src/model/errors.js'

describe('ipv6ToBigInt / bigIntToIpv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['2001:db8::1', (0x20010db8n << 96n) | 1n],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n],
    ['::ffff:192.0.2.1', (0xffffn << 32n) | 0xc0000201n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n]
  ])('%s', (text, value) => {
    expect(ipv6ToBigInt(text)).toBe(value)
    expect(ipv6ToBigInt(bigIntToIpv6(value))).toBe(value)
  })

  it('round-trips to the canonical form', () => {
    expect(bigIntToIpv6(ipv6ToBigInt('2001:DB8:0:0:0:0:0:0001'))).toBe('2001:db8::1')
  })

  it.each(['192.0.2.1', 'fe80::1%eth0', 'nope', ''])('refuses %j', (text) => {
    expect(() => ipv6ToBigInt(text)).toThrow()
  })
})

describe('composeAddress', () => {
  it.each([
    // [machine address, prefix length, identifier, result]
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', 64, '::1:2:3:4', '2001:db8:1:2:1:2:3:4'],
    ['2001:db8:1:2::99', 64, '::a', '2001:db8:1:2::a'],
    ['2001:db8:1:2::99', 64, '::211:32ff:fe12:3456', '2001:db8:1:2:211:32ff:fe12:3456'],
    // A /56 keeps only 56 bits of the machine's address: the identifier picks the subnet.
    ['2001:db8:1:2ff::99', 56, '::3:0:0:0:7', '2001:db8:1:203::7'],
    ['2001:db8:1:2ff::99', 48, '::5:0:0:0:7', '2001:db8:1:5::7'],
    ['2001:db8::ffff', 127, '::1', '2001:db8::ffff'],
    ['2001:db8::fffe', 127, '::1', '2001:db8::ffff'],
    ['2001:db8::1', 1, '::1', '::1'],
    ['a001:db8::1', 1, '::1', '8000::1']
  ])('%s/%i + %s = %s', (address, length, id, result) => {
    expect(composeAddress(address, length, id)).toBe(result)
  })

  it('follows the prefix when it changes', () => {
    const id = '::1:2:3:4'
    expect(composeAddress('2001:db8:aaaa:1::5', 64, id)).toBe('2001:db8:aaaa:1:1:2:3:4')
    expect(composeAddress('2001:db8:bbbb:1::5', 64, id)).toBe('2001:db8:bbbb:1:1:2:3:4')
  })

  it.each([
    [0, '::1', /out of range/],
    [128, '::1', /out of range/],
    [64.5, '::1', /out of range/],
    [64, '::1:0:0:0:0', /does not fit in the 64-bit host part/],
    [64, '::', /all-zero/],
    [64, '1.2.3.4', /not an interface identifier/]
  ])('refuses /%s with %s', (length, id, message) => {
    expect(() => composeAddress('2001:db8::1', length, id)).toThrow(message)
  })
})

describe('prefixOf', () => {
  it.each([
    ['2001:db8:1:2:3:4:5:6', 64, '2001:db8:1:2::/64'],
    ['2001:db8:1:2:3:4:5:6', 48, '2001:db8:1::/48'],
    ['2001:db8:1:2:3:4:5:6', 60, '2001:db8:1::/60']
  ])('%s/%i', (address, length, prefix) => {
    expect(prefixOf(address, length)).toBe(prefix)
  })
})

describe('hostIdProblem', () => {
  it.each([
    ['::ffff:ffff:ffff:ffff', 64, undefined],
    ['::1:ffff:ffff:ffff:ffff', 64, /does not fit/],
    ['::1:ffff:ffff:ffff:ffff', 63, undefined],
    ['::ff:ffff:ffff:ffff:ffff', 56, undefined],
    ['::100:0:0:0:0', 56, /does not fit/],
    ['::1', 127, undefined],
    ['::2', 127, /does not fit in the 1-bit host part/],
    ['::1%eth0', 64, /not an interface identifier/]
  ])('%s under /%i', (id, length, problem) => {
    const found = hostIdProblem(id, length)
    if (problem === undefined) expect(found).toBeUndefined()
    else expect(found).toMatch(problem)
  })
})

describe('parseHostIds', () => {
  it('parses lines, ignoring blank lines and comments; names are normalised', () => {
    const text = [
      '# machines on the LAN',
      'NAS.Example.com. = ::1:2:3:4',
      '',
      '  printer.example.com=::0:0:0:00a1   # the printer',
      'camera.example.com = ::211:32FF:FE12:3456'
    ].join('\n')
    expect(parseHostIds(text, 64)).toEqual([
      { name: 'nas.example.com', id: '::1:2:3:4' },
      { name: 'printer.example.com', id: '::a1' },
      { name: 'camera.example.com', id: '::211:32ff:fe12:3456' }
    ])
  })

  it('accepts CRLF line ends and an empty text', () => {
    expect(parseHostIds('a.example.com = ::1\r\nb.example.com = ::2\r\n', 64)).toHaveLength(2)
    expect(parseHostIds('', 64)).toEqual([])
  })

  it.each([
    ['nas.example.com ::1', /line 1: 'nas.example.com ::1' is not 'fqdn = ::host:id'/],
    ['nas.example.com = ::1 = ::2', /line 1: .* is not 'fqdn = ::host:id'/],
    [' = ::1', /line 1: the name is empty/],
    ['nas = ::1', /line 1: the name 'nas' is not a fully qualified domain name/],
    ['bad_-.example.com = ::1', /line 1: the name 'bad_-.example.com' has an invalid label/],
    ['nas.example.com =', /line 1: no identifier is given for 'nas.example.com'/],
    ['nas.example.com = 10.0.0.5', /line 1: '10.0.0.5' is not an interface identifier/],
    ['nas.example.com = 2001:db8::5', /line 1: '2001:db8::5' does not fit in the 64-bit host part/],
    ['nas.example.com = ::', /line 1: '::' is the all-zero identifier/],
    ['nas.example.com = fe80::1%eth0', /is not an interface identifier/],
    [
      '\n\na.example.com = ::1\nA.example.com. = ::2',
      /line 4: 'a.example.com' already has an identifier on line 3/
    ]
  ])('%j', (text, message) => {
    let caught: unknown
    try {
      parseHostIds(text, 64)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).input).toBe('ipv6-host-ids')
    expect((caught as Error).message).toMatch(message)
  })

  it('masks control characters in what it quotes', () => {
    expect(() => parseHostIds('nas.example.com = \u001b[31m::1', 64)).toThrow("'\\x1b[31m::1'")
  })
})
