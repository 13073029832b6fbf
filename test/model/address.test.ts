import { describe, expect, it } from 'vitest'
import { canonicalAddress, classifyAddress } from '../../src/model/address.js'

describe('canonicalAddress', () => {
  it.each([
    ['2001:DB8:0::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // first of two equal runs
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group is not compressed
    ['2001:db8:0:0:0:1:0:0', '2001:db8::1:0:0'], // the longest run wins
    ['0:0:0:0:0:0:0:1', '::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['FE80:0:0:0:0:0:0:ABCD', 'fe80::abcd'],
    ['2001:db8::', '2001:db8::'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['::ffff:0102:0304', '::ffff:1.2.3.4'], // IPv4-mapped in mixed notation
    ['::FFFF:1.2.3.4', '::ffff:1.2.3.4'],
    ['2606:4700:4700:0000:0000:0000:0000:1111', '2606:4700:4700::1111'],
    ['8.8.8.8', '8.8.8.8'],
    ['192.168.0.1', '192.168.0.1']
  ])('%s → %s', (input, expected) => {
    expect(canonicalAddress(input)).toBe(expected)
    expect(canonicalAddress(expected)).toBe(expected) // idempotent
  })

  it.each([
    '',
    ' 8.8.8.8',
    '8.8.8.8 ',
    '010.0.0.1',
    '1.2.3',
    '256.1.1.1',
    '0x08.8.8.8',
    '2001:db8::1::2',
    '2001:db8::g',
    'fe80::1%eth0',
    '[2001:db8::1]',
    'example.com',
    '1.2.3.4/32'
  ])('rejects %j', (input) => {
    expect(() => canonicalAddress(input)).toThrow()
  })
})

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['100.63.255.255'],
    ['100.128.0.0'],
    ['172.15.255.255'],
    ['172.32.0.0'],
    ['192.0.1.255'],
    ['192.0.3.0'],
    ['198.17.255.255'],
    ['198.20.0.0'],
    ['223.255.255.255'],
    ['11.0.0.1']
  ])('IPv4 %s is global', (address) => {
    expect(classifyAddress(address)).toEqual({ family: 4, global: true })
  })

  it.each([
    ['0.0.0.0', '"this network"'],
    ['0.1.2.3', '"this network"'],
    ['10.0.0.1', 'private (RFC 1918)'],
    ['10.255.255.255', 'private (RFC 1918)'],
    ['172.16.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.1.1', 'private (RFC 1918)'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['192.0.2.1', 'documentation (TEST-NET-1)'],
    ['198.51.100.7', 'documentation (TEST-NET-2)'],
    ['203.0.113.9', 'documentation (TEST-NET-3)'],
    ['192.88.99.1', '6to4 relay anycast'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved 240.0.0.0/4'],
    ['255.255.255.254', 'reserved 240.0.0.0/4'],
    ['255.255.255.255', 'limited broadcast']
  ])('IPv4 %s is %s', (address, range) => {
    const c = classifyAddress(address)
    expect(c.family).toBe(4)
    expect(c.global).toBe(false)
    expect(c.range).toContain(range)
  })

  it.each([
    ['2001:4860:4860::8888'],
    ['2606:4700:4700::1111'],
    ['2a00:1450:4001:81a::200e'],
    ['2001:200::1'], // just after the IETF 2001::/23 block
    ['2001:db7:ffff::1'],
    ['2001:db9::1'],
    ['3ffe::1'],
    ['3fff:1000::1'], // just after 3fff::/20
    ['2003::1']
  ])('IPv6 %s is global', (address) => {
    expect(classifyAddress(address)).toEqual({ family: 6, global: true })
  })

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['::ffff:0:8.8.8.8', 'IPv4-translated'],
    ['::8.8.8.8', 'IPv4-compatible'],
    ['64:ff9b::808:808', 'NAT64 well-known prefix'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['100::1', 'discard-only'],
    ['2001::1', 'Teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:2::1', 'benchmarking'],
    ['2001:10::1', 'ORCHID (deprecated)'],
    ['2001:20::1', 'ORCHIDv2'],
    ['2001:1ff::1', 'IETF protocol assignments'],
    ['2001:db8::1', 'documentation'],
    ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'documentation'],
    ['3fff::1', 'documentation'],
    ['3fff:fff:ffff::1', 'documentation'],
    ['2002:808:808::1', '6to4'],
    ['5f00::1', 'SRv6'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['ff0e::101', 'multicast'],
    ['4000::1', 'outside global unicast'],
    ['1::1', 'outside global unicast'],
    ['e000::1', 'outside global unicast']
  ])('IPv6 %s is %s', (address, range) => {
    const c = classifyAddress(address)
    expect(c.family).toBe(6)
    expect(c.global).toBe(false)
    expect(c.range).toContain(range)
  })

  it('accepts any textual form of an address', () => {
    expect(classifyAddress('FD00:0:0::1').range).toContain('unique-local')
    expect(classifyAddress('0:0:0:0:0:FFFF:0A00:0001').range).toBe('IPv4-mapped')
  })

  it('throws on anything that is not an address', () => {
    expect(() => classifyAddress('not-an-ip')).toThrow(/not an IPv4 or IPv6 address/)
    expect(() => classifyAddress('fe80::1%eth0')).toThrow(/zone index/)
  })
})
