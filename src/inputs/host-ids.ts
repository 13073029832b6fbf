import { isIP } from 'node:net'
import { InputError, shown } from '../model/errors.js'
import { canonicalAddress } from '../model/address.js'
import { hostnameProblem, normalizeName } from '../model/names.js'
import type { HostId } from '../model/types.js'
import { KeyLines, entryLines } from './lines.js'

/**
 * `ipv6-host-ids`: AAAA records for machines behind this one, each made of this machine's IPv6
 * prefix and the machine's own interface identifier, so one runner keeps them current after the
 * provider changes the prefix. One line per name, `fqdn = ::host:id`; blank lines and `#` comments
 * are ignored. Pure: no I/O.
 */

/** The 128-bit value of an IPv6 address (validated by Node; zone indexes refused). */
export function ipv6ToBigInt(address: string): bigint {
  if (isIP(address) !== 6) throw new Error(`'${address}' is not an IPv6 address`)
  const text = canonicalAddress(address)
  const groups = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)]
          const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number)
          return [(a << 8) | b, (c << 8) | d]
        })
  const gap = text.indexOf('::')
  const head = groups(gap < 0 ? text : text.slice(0, gap))
  const tail = gap < 0 ? [] : groups(text.slice(gap + 2))
  const all = [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail]
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n)
}

/** The canonical text of a 128-bit value. */
export function bigIntToIpv6(value: bigint): string {
  const groups: string[] = []
  for (let i = 7; i >= 0; i--) groups.push(((value >> BigInt(i * 16)) & 0xffffn).toString(16))
  return canonicalAddress(groups.join(':'))
}

const ALL_ONES = (1n << 128n) - 1n
const hostMask = (prefixLength: number): bigint => (1n << BigInt(128 - prefixLength)) - 1n

/** Why `id` cannot be an interface identifier under a /prefixLength, or undefined if it can. */
export function hostIdProblem(id: string, prefixLength: number): string | undefined {
  if (isIP(id) !== 6 || id.includes('%')) {
    return `'${shown(id)}' is not an interface identifier (write it as an IPv6 address, e.g. ::1:2:3:4)`
  }
  const value = ipv6ToBigInt(id)
  if (value === 0n) return `'${id}' is the all-zero identifier (the subnet-router anycast address)`
  if ((value & ~hostMask(prefixLength) & ALL_ONES) !== 0n) return tooWide(id, prefixLength)
  return undefined
}

const tooWide = (id: string, prefixLength: number): string =>
  `'${id}' does not fit in the ${128 - prefixLength}-bit host part of a /${prefixLength} (ipv6-prefix-length): its leading bits must be zero`

/**
 * Parse the `ipv6-host-ids` lines. Names are validated as hostnames; identifiers must fit in the
 * host part of a /prefixLength. Throws InputError('ipv6-host-ids', …) naming the line.
 */
export function parseHostIds(text: string, prefixLength: number): HostId[] {
  const out: HostId[] = []
  const seen = new KeyLines()
  for (const { n, line, key, value } of entryLines(text)) {
    const fail: (problem: string) => never = (problem) => {
      throw new InputError('ipv6-host-ids', `line ${n}: ${problem}`)
    }
    if (key === undefined || value.includes('=')) {
      fail(`'${shown(line)}' is not 'fqdn = ::host:id' (one name and one identifier per line)`)
    }
    const name = normalizeName(key)
    const problem = hostnameProblem(name)
    if (problem) fail(`the name ${shown(problem)}`)
    const idText = value.trim()
    if (idText === '') fail(`no identifier is given for '${name}'`)
    const idProblem = hostIdProblem(idText, prefixLength)
    if (idProblem) fail(idProblem)
    const earlier = seen.repeated(name, n)
    if (earlier !== undefined) fail(`'${name}' already has an identifier on line ${earlier}`)
    out.push({ name, id: canonicalAddress(idText) })
  }
  return out
}

/** The prefix of `address` as `2001:db8:1:2::/64`. */
export function prefixOf(address: string, prefixLength: number): string {
  const value = ipv6ToBigInt(address) & ~hostMask(prefixLength) & ALL_ONES
  return `${bigIntToIpv6(value)}/${prefixLength}`
}

/**
 * The address made of the first `prefixLength` bits of `address` (this machine's) and the host
 * bits of `id`. Throws if `id` does not fit (parseHostIds has already checked).
 */
export function composeAddress(address: string, prefixLength: number, id: string): string {
  if (!Number.isInteger(prefixLength) || prefixLength < 1 || prefixLength > 127) {
    throw new Error(`prefix length ${prefixLength} is out of range (1 … 127)`)
  }
  const problem = hostIdProblem(id, prefixLength)
  if (problem) throw new Error(problem)
  const mask = hostMask(prefixLength)
  return bigIntToIpv6((ipv6ToBigInt(address) & ~mask & ALL_ONES) | ipv6ToBigInt(id))
}

/**
 * The AAAA value of each host, from this machine's IPv6 addresses (all must share one prefix, or
 * the hosts' addresses would be ambiguous). Throws an Error saying which prefixes differ.
 */
export function hostAddresses(
  hostIds: { prefixLength: number; hosts: readonly HostId[] },
  machineIpv6: readonly string[]
): { name: string; address: string }[] {
  const { prefixLength, hosts } = hostIds
  const first = machineIpv6[0]
  if (first === undefined) throw new Error("this machine's IPv6 address is not known")
  const prefixes = [...new Set(machineIpv6.map((a) => prefixOf(a, prefixLength)))]
  if (prefixes.length > 1) throw new Error(severalPrefixes(prefixes, prefixLength))
  return hosts.map((h) => ({ name: h.name, address: composeAddress(first, prefixLength, h.id) }))
}

const severalPrefixes = (prefixes: string[], prefixLength: number): string =>
  `this machine's IPv6 addresses are in ${prefixes.length} different /${prefixLength} prefixes (${prefixes.join(', ')}), so the hosts' addresses are ambiguous`
