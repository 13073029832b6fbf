import { BlockList, SocketAddress, isIP } from 'node:net'

/**
 * Address classification: which family an address is, its canonical text, and whether it is a
 * globally routable unicast address that may be published as this machine's public address.
 * Pure; used by inputs.ts (explicit `ip`), plan.ts (comparing values) and detect/ (answers).
 *
 * Parsing is Node's (`net.isIP`, `net.SocketAddress`, `net.BlockList`); only the range tables are
 * written here. Sources: the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and
 * successors), RFC 7526 (6to4 deprecated), RFC 9637 (3fff::/20), RFC 9602 (5f00::/16).
 */

interface AddressClass {
  family: 4 | 6
  /** True for a globally routable unicast address. */
  global: boolean
  /** The special range the address is in, e.g. 'private (RFC 1918)'; absent for a global address. */
  range?: string
}

interface Range {
  label: string
  list: BlockList
}

function table(family: 'ipv4' | 'ipv6', rows: [string, number, string][]): Range[] {
  return rows.map(([network, prefix, label]) => {
    const list = new BlockList()
    list.addSubnet(network, prefix, family)
    return { label, list }
  })
}

/** Non-global IPv4 ranges. First match wins, so the more specific rows come first. */
const IPV4_SPECIAL = table('ipv4', [
  ['255.255.255.255', 32, 'limited broadcast'],
  ['0.0.0.0', 8, '"this network" 0.0.0.0/8'],
  ['10.0.0.0', 8, 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'shared address space / CGNAT (RFC 6598)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private (RFC 1918)'],
  ['192.0.0.0', 24, 'IETF protocol assignments 192.0.0.0/24'],
  ['192.0.2.0', 24, 'documentation (TEST-NET-1)'],
  ['192.88.99.0', 24, '6to4 relay anycast (deprecated, RFC 7526)'],
  ['192.168.0.0', 16, 'private (RFC 1918)'],
  ['198.18.0.0', 15, 'benchmarking (RFC 2544)'],
  ['198.51.100.0', 24, 'documentation (TEST-NET-2)'],
  ['203.0.113.0', 24, 'documentation (TEST-NET-3)'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved 240.0.0.0/4']
])

/** Non-global IPv6 ranges. First match wins, so the more specific rows come first. */
const IPV6_SPECIAL = table('ipv6', [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::ffff:0:0', 96, 'IPv4-mapped'],
  ['::ffff:0:0:0', 96, 'IPv4-translated (SIIT)'],
  ['::', 96, 'IPv4-compatible (deprecated)'],
  ['64:ff9b::', 96, 'NAT64 well-known prefix'],
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  ['100::', 64, 'discard-only (RFC 6666)'],
  ['2001::', 32, 'Teredo'],
  ['2001:2::', 48, 'benchmarking (RFC 5180)'],
  ['2001:10::', 28, 'ORCHID (deprecated)'],
  ['2001:20::', 28, 'ORCHIDv2'],
  ['2001::', 23, 'IETF protocol assignments 2001::/23'],
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4 (deprecated, RFC 7526)'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'SRv6 SIDs (RFC 9602)'],
  ['fc00::', 7, 'unique-local (ULA)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast']
])

/** Only 2000::/3 is allocated for global unicast; everything else is reserved by the IETF. */
const IPV6_GLOBAL_UNICAST = table('ipv6', [['2000::', 3, 'global unicast']])[0] as Range

function familyOf(address: string): 4 | 6 {
  if (address.includes('%')) {
    throw new Error(`'${address}' has a zone index (%…), which a DNS record cannot hold`)
  }
  const family = isIP(address)
  if (family !== 4 && family !== 6) throw new Error(`'${address}' is not an IPv4 or IPv6 address`)
  return family
}

/**
 * The canonical text form of an address: IPv4 dotted decimal as given (Node accepts no other form),
 * IPv6 as RFC 5952 recommends (lowercase, no leading zeros, the longest run of two or more zero
 * groups compressed, the first on a tie; IPv4-mapped and IPv4-compatible addresses in mixed
 * notation). Throws on anything that is not an address, including a zone index.
 */
export function canonicalAddress(addr: string): string {
  const family = familyOf(addr)
  if (family === 4) return addr
  return new SocketAddress({ address: addr, family: 'ipv6' }).address
}

const IPV4_MAPPED = table('ipv6', [['::ffff:0:0', 96, 'IPv4-mapped']])[0] as Range

/**
 * The IPv4 address that an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, in any spelling) stands
 * for; undefined for any other text. Such an address is never a usable AAAA record.
 */
export function mappedIpv4(address: string): string | undefined {
  if (isIP(address) !== 6 || address.includes('%')) return undefined
  if (!IPV4_MAPPED.list.check(address, 'ipv6')) return undefined
  const canonical = canonicalAddress(address)
  return canonical.slice(canonical.lastIndexOf(':') + 1)
}

/** Family, and whether the address is globally routable unicast (and if not, which range it is in). */
export function classifyAddress(address: string): AddressClass {
  const family = familyOf(address)
  if (family === 4) {
    const hit = IPV4_SPECIAL.find((r) => r.list.check(address, 'ipv4'))
    return hit ? { family, global: false, range: hit.label } : { family, global: true }
  }
  const hit = IPV6_SPECIAL.find((r) => r.list.check(address, 'ipv6'))
  if (hit) return { family, global: false, range: hit.label }
  if (!IPV6_GLOBAL_UNICAST.list.check(address, 'ipv6')) {
    return { family, global: false, range: 'reserved (outside global unicast 2000::/3)' }
  }
  return { family, global: true }
}

/** Whether a URL's host is loopback: `localhost`, 127.0.0.0/8 or ::1 (brackets allowed). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (host === 'localhost') return true
  const family = isIP(host)
  if (family === 4) return host.startsWith('127.')
  if (family === 6) return classifyAddress(host).range === 'loopback'
  return false
}

/**
 * The addresses a config gives (`ip`), as detection would report them: the one list both the
 * update and the watch use when nothing is detected.
 */
export function givenAddresses(config: { ipv4: string[]; ipv6: string[] }): {
  ipv4: string[]
  ipv6: string[]
  origins: { family: 4 | 6; address: string; how: string }[]
} {
  return {
    ipv4: [...config.ipv4],
    ipv6: [...config.ipv6],
    origins: [
      ...config.ipv4.map((address) => ({ family: 4 as const, address, how: 'input' })),
      ...config.ipv6.map((address) => ({ family: 6 as const, address, how: 'input' }))
    ]
  }
}
