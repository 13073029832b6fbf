import { existsSync, readFileSync } from 'node:fs'
import type { NetworkInterfaceInfo } from 'node:os'
import { InputError, UpdateError } from '../model/errors.js'
import type { Logger } from '../model/types.js'
import { canonicalAddress, classifyAddress } from '../model/address.js'

/**
 * Local detection: pick one address of a family from this machine's interfaces.
 *
 * What Node tells us (`os.networkInterfaces()`): address, netmask, family, MAC, `internal`
 * (loopback) and the IPv6 scope id. What it does not: whether an IPv6 address is temporary (privacy
 * extensions, RFC 8981), deprecated (preferred lifetime over), tentative or failed duplicate address
 * detection, nor whether an interface is up. On Linux those flags are in /proc/net/if_inet6, which is
 * read when present; elsewhere (macOS, Windows, BSD) such addresses cannot be told apart from stable
 * ones, so set `interface` and prefer stable addressing on those systems.
 */

/** Linux IFA_F_* flags from /proc/net/if_inet6. */
export const IFA_F_TEMPORARY = 0x01
const IFA_F_DADFAILED = 0x08
export const IFA_F_DEPRECATED = 0x20
const IFA_F_TENTATIVE = 0x40

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>

/**
 * Parse /proc/net/if_inet6: `address(32 hex) ifindex prefixlen scope flags ifname` per line.
 * Returns canonical address → flags.
 */
export function parseIfInet6(text: string): Map<string, number> {
  const flags = new Map<string, number>()
  for (const line of text.split('\n')) {
    const [hex, , , , flagHex] = line.trim().split(/\s+/)
    if (!hex || !flagHex || !/^[0-9a-f]{32}$/i.test(hex)) continue
    const groups = hex.match(/.{4}/g) as string[]
    try {
      const address = canonicalAddress(groups.join(':'))
      flags.set(address, (flags.get(address) ?? 0) | parseInt(flagHex, 16))
    } catch {
      // not an address: ignore the line
    }
  }
  return flags
}

/** Read IPv6 address flags on Linux; an empty map where the kernel does not expose them. */
export function readIpv6Flags(): Map<string, number> {
  const file = '/proc/net/if_inet6'
  try {
    return existsSync(file) ? parseIfInet6(readFileSync(file, 'utf8')) : new Map()
  } catch {
    return new Map()
  }
}

/**
 * Interface names of virtual bridges and tunnels (containers, VMs, VPNs). Their addresses are ranked
 * after those of other interfaces, so `docker0` or a VPN tunnel is not chosen over the LAN interface.
 */
const VIRTUAL_INTERFACE =
  /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|cali|weave|kube|podman|tun|tap|wg|tailscale|zt|utun|ppp|ipsec|gif|stf|awdl|llw|anpi|bridge|vnet|nordlynx|proton|bnep)/i

/**
 * Windows names adapters by friendly name: `Ethernet`, `Wi-Fi` (`WLAN` in German) are physical;
 * these are Hyper-V and WSL switches, VM host-only networks, capture loopbacks, VPN and overlay
 * adapters, Bluetooth PAN, Wi-Fi Direct's virtual adapters and IPv6 transition tunnels.
 */
const WINDOWS_VIRTUAL_INTERFACE =
  /^(vEthernet \(|Hyper-V|VirtualBox|VMware|Parallels|Npcap|ZeroTier|OpenVPN|TAP-Windows|WireGuard|Wintun|Mullvad|Hamachi|Radmin VPN|Cisco AnyConnect|Fortinet|Bluetooth|Local Area Connection\*|Teredo|isatap|6to4|Loopback Pseudo-Interface)/i

/** Whether an interface name is a virtual bridge, tunnel, VPN or VM adapter (Linux, macOS, Windows). */
function isVirtualInterface(name: string): boolean {
  return VIRTUAL_INTERFACE.test(name) || WINDOWS_VIRTUAL_INTERFACE.test(name)
}

interface LocalCandidate {
  interface: string
  address: string
  /** Lower is better: 0 global, 1 unique-local/private, 2 other. */
  rank: number
  virtual: boolean
  /** Position in the interface's own list, for a stable order. */
  index: number
}

interface LocalSelection {
  chosen: LocalCandidate
  /** Other usable addresses, in preference order. */
  others: LocalCandidate[]
  /** Addresses not considered at all, with the reason. */
  skipped: string[]
}

const collator = new Intl.Collator('en', { numeric: true })

function familyOf(info: NetworkInterfaceInfo): 4 | 6 | undefined {
  const f = info.family as string | number
  if (f === 'IPv4' || f === 4) return 4
  if (f === 'IPv6' || f === 6) return 6
  return undefined
}

function rankOf(address: string): { rank: number; skip?: string } {
  const cls = classifyAddress(address)
  if (cls.global) return { rank: 0 }
  switch (cls.range) {
    case 'loopback':
    case 'link-local':
    case 'multicast':
    case 'unspecified':
    case 'limited broadcast':
    case '"this network" 0.0.0.0/8':
      return { rank: 9, skip: cls.range }
    case 'private (RFC 1918)':
    case 'unique-local (ULA)':
      return { rank: 1 }
    default:
      return { rank: 2 }
  }
}

/**
 * Choose one address of `family` from an interface table, deterministically: addresses on
 * non-virtual interfaces first, then global before unique-local/private before other ranges, then by
 * interface name (natural order), then by the interface's own address order. Skips internal
 * (loopback) interfaces, link-local addresses, and IPv6 addresses that `ipv6Flags` marks temporary,
 * deprecated, tentative or failed. With `interfaceName`, only that interface is read.
 */
export function selectLocalAddress(
  interfaces: Interfaces,
  family: 4 | 6,
  interfaceName?: string,
  ipv6Flags: Map<string, number> = new Map()
): LocalSelection {
  const names = Object.keys(interfaces).filter((n) => (interfaces[n]?.length ?? 0) > 0)
  if (interfaceName !== undefined && !names.includes(interfaceName)) {
    throw new InputError('interface', notAnInterface(interfaceName, names))
  }
  const candidates: LocalCandidate[] = []
  const skipped: string[] = []
  for (const name of interfaceName !== undefined ? [interfaceName] : names) {
    ;(interfaces[name] ?? []).forEach((info, index) => {
      if (familyOf(info) !== family) return
      const judged = judge(name, info, ipv6Flags)
      if (typeof judged === 'string') skipped.push(judged)
      else candidates.push({ ...judged, index })
    })
  }
  const [chosen, ...others] = candidates.sort(preferred)
  if (!chosen) {
    const where = interfaceName !== undefined ? `interface ${interfaceName}` : 'this machine'
    throw new UpdateError(
      `No usable local IPv${family} address on ${where}${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}.`
    )
  }
  return { chosen, others, skipped }
}

const notAnInterface = (name: string, names: string[]): string =>
  `'${name}' is not an interface of this machine; it has: ${names.length ? [...names].sort(collator.compare).join(', ') : '(none)'}`

/** One interface address: a candidate (without its index), or why it is skipped. */
function judge(
  name: string,
  info: NetworkInterfaceInfo,
  ipv6Flags: Map<string, number>
): Omit<LocalCandidate, 'index'> | string {
  let address: string
  try {
    address = canonicalAddress(info.address.split('%')[0] as string)
  } catch {
    return `${name} ${info.address} (not an address)`
  }
  if (info.internal) return `${name} ${address} (internal)`
  const { rank, skip } = rankOf(address)
  if (skip) return `${name} ${address} (${skip})`
  const unusable = familyOf(info) === 6 ? ipv6Unusable(ipv6Flags.get(address) ?? 0) : []
  if (unusable.length > 0) return `${name} ${address} (${unusable.join(', ')})`
  return { interface: name, address, rank, virtual: isVirtualInterface(name) }
}

/** Why the kernel's flags make an IPv6 address unfit to publish (none: usable). */
function ipv6Unusable(flags: number): string[] {
  return [
    flags & IFA_F_TEMPORARY ? 'temporary' : '',
    flags & IFA_F_DEPRECATED ? 'deprecated' : '',
    flags & IFA_F_TENTATIVE ? 'tentative' : '',
    flags & IFA_F_DADFAILED ? 'duplicate address detection failed' : ''
  ].filter((w) => w !== '')
}

/** Physical before virtual, then by rank, interface name (natural, then exact) and order. */
function preferred(a: LocalCandidate, b: LocalCandidate): number {
  return (
    Number(a.virtual) - Number(b.virtual) ||
    a.rank - b.rank ||
    collator.compare(a.interface, b.interface) ||
    (a.interface < b.interface ? -1 : a.interface > b.interface ? 1 : 0) ||
    a.index - b.index
  )
}

interface LocalDetectionOptions {
  logger: Logger
  interface?: string
  networkInterfaces: () => Interfaces
  /** IPv6 flags by address (Linux /proc/net/if_inet6); empty where unknown. */
  ipv6Flags?: () => Map<string, number>
}

/** Detect one local address and log what was chosen and what was passed over. */
export function detectLocal(
  family: 4 | 6,
  opts: LocalDetectionOptions
): { address: string; how: string } {
  const flags = family === 6 && opts.ipv6Flags ? opts.ipv6Flags() : new Map<string, number>()
  const sel = selectLocalAddress(opts.networkInterfaces(), family, opts.interface, flags)
  const { chosen, others, skipped } = sel
  opts.logger.info(`Local IPv${family} address ${chosen.address} (interface ${chosen.interface})`)
  if (skipped.length) opts.logger.info(`Skipped: ${skipped.join(', ')}`)
  if (others.length) {
    opts.logger.info(
      `Also available, not chosen: ${others.map((c) => `${c.interface} ${c.address}`).join(', ')}`
    )
    // Ambiguous only when another interface ranks the same (a virtual or lower-ranked one does not).
    const rival = others.find(
      (c) =>
        c.interface !== chosen.interface && c.virtual === chosen.virtual && c.rank === chosen.rank
    )
    if (opts.interface === undefined && rival) {
      opts.logger.warning(
        `Several interfaces have a usable IPv${family} address; chose ${chosen.interface} (${chosen.address}) over ${rival.interface} (${rival.address}). Set interface to choose explicitly.`
      )
    }
  }
  return { address: chosen.address, how: `local: interface ${chosen.interface}` }
}
