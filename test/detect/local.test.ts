import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { checkDetectionAllowed, detectAddresses } from '../../src/detect/index.js'
import {
  IFA_F_DEPRECATED,
  IFA_F_TEMPORARY,
  parseIfInet6,
  selectLocalAddress,
  type Interfaces
} from '../../src/detect/local.js'
import { InputError, UpdateError } from '../../src/model/errors.js'
import type { Logger } from '../../src/model/types.js'

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '02:00:00:00:00:01',
    internal,
    cidr: `${address}/24`
  }
}
function v6(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    netmask: 'ffff:ffff:ffff:ffff::',
    family: 'IPv6',
    mac: '02:00:00:00:00:01',
    internal,
    cidr: `${address}/64`,
    scopeid: 0
  }
}

function recorder(): Logger & { text(level?: string): string } {
  const lines: [string, string][] = []
  return {
    info: (m) => lines.push(['info', m]),
    warning: (m) => lines.push(['warning', m]),
    debug: (m) => lines.push(['debug', m]),
    text: (level) =>
      lines
        .filter(([l]) => !level || l === level)
        .map(([, m]) => m)
        .join('\n')
  }
}

const typicalHost: Interfaces = {
  lo: [v4('127.0.0.1', true), v6('::1', true)],
  docker0: [v4('172.17.0.1'), v6('fe80::42:acff:fe11:1')],
  eth0: [
    v4('192.168.1.20'),
    v6('fe80::1c2d:3eff:fe4f:5061'),
    v6('fd12:3456:789a::20'),
    v6('2a02:1234:5678::20')
  ],
  wg0: [v4('10.8.0.2'), v6('fd00:8::2')]
}

describe('selectLocalAddress', () => {
  it('skips loopback, link-local and virtual interfaces; takes the LAN address', () => {
    const sel = selectLocalAddress(typicalHost, 4)
    expect(sel.chosen).toMatchObject({ interface: 'eth0', address: '192.168.1.20' })
    expect(sel.others.map((c) => c.interface)).toEqual(['docker0', 'wg0'])
    expect(sel.skipped).toContain('lo 127.0.0.1 (internal)')
  })

  it('prefers a global IPv6 address over unique-local and skips link-local', () => {
    const sel = selectLocalAddress(typicalHost, 6)
    expect(sel.chosen).toMatchObject({ interface: 'eth0', address: '2a02:1234:5678::20' })
    expect(sel.others.map((c) => c.address)).toEqual(['fd12:3456:789a::20', 'fd00:8::2'])
    expect(sel.skipped).toEqual(
      expect.arrayContaining([
        'docker0 fe80::42:acff:fe11:1 (link-local)',
        'eth0 fe80::1c2d:3eff:fe4f:5061 (link-local)',
        'lo ::1 (internal)'
      ])
    )
  })

  it('prefers a global IPv4 address over a private one, then interface name in natural order', () => {
    expect(
      selectLocalAddress({ eth10: [v4('8.8.8.8')], eth2: [v4('192.168.0.2')] }, 4).chosen.address
    ).toBe('8.8.8.8')
    expect(
      selectLocalAddress({ eth10: [v4('192.168.0.10')], eth2: [v4('192.168.0.2')] }, 4).chosen
        .interface
    ).toBe('eth2')
  })

  it('ranks private above CGNAT and other special ranges', () => {
    const sel = selectLocalAddress({ a: [v4('100.64.0.5')], b: [v4('10.0.0.5')] }, 4)
    expect(sel.chosen.address).toBe('10.0.0.5')
  })

  it('keeps the interface’s own address order for equal addresses', () => {
    const sel = selectLocalAddress({ eth0: [v4('192.168.0.9'), v4('192.168.0.3')] }, 4)
    expect(sel.chosen.address).toBe('192.168.0.9')
  })

  it('is independent of the order interfaces are listed in', () => {
    const a = selectLocalAddress({ b: [v4('10.0.0.2')], a: [v4('10.0.0.1')] }, 4)
    const b = selectLocalAddress({ a: [v4('10.0.0.1')], b: [v4('10.0.0.2')] }, 4)
    expect(a.chosen).toEqual(b.chosen)
    expect(a.chosen.interface).toBe('a')
  })

  it('canonicalises addresses and drops zone indexes', () => {
    const sel = selectLocalAddress({ eth0: [v6('2A02:1234:0:0::20%eth0')] }, 6)
    expect(sel.chosen.address).toBe('2a02:1234::20')
  })

  it('skips temporary and deprecated IPv6 addresses when the flags are known', () => {
    const flags = new Map([
      ['2a02:1234:5678::20', IFA_F_TEMPORARY],
      ['2a02:1234:5678::21', IFA_F_DEPRECATED]
    ])
    const host: Interfaces = {
      eth0: [v6('2a02:1234:5678::20'), v6('2a02:1234:5678::21'), v6('2a02:1234:5678::22')]
    }
    const sel = selectLocalAddress(host, 6, undefined, flags)
    expect(sel.chosen.address).toBe('2a02:1234:5678::22')
    expect(sel.skipped).toEqual([
      'eth0 2a02:1234:5678::20 (temporary)',
      'eth0 2a02:1234:5678::21 (deprecated)'
    ])
  })

  it('accepts the numeric family of older Node versions', () => {
    const info = { ...v4('192.168.0.7'), family: 4 } as unknown as NetworkInterfaceInfo
    expect(selectLocalAddress({ eth0: [info] }, 4).chosen.address).toBe('192.168.0.7')
  })

  it('with interface, reads only that interface', () => {
    expect(selectLocalAddress(typicalHost, 4, 'wg0').chosen.address).toBe('10.8.0.2')
    expect(selectLocalAddress(typicalHost, 4, 'docker0').chosen.address).toBe('172.17.0.1')
  })

  it('an unknown interface is an InputError listing the interfaces that exist', () => {
    let error: unknown
    try {
      selectLocalAddress(typicalHost, 4, 'eth9')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('interface')
    expect((error as Error).message).toBe(
      "Input 'interface': 'eth9' is not an interface of this machine; it has: docker0, eth0, lo, wg0"
    )
  })

  it('no usable address is an UpdateError saying what was skipped', () => {
    expect(() => selectLocalAddress(typicalHost, 6, 'docker0')).toThrow(UpdateError)
    expect(() => selectLocalAddress(typicalHost, 6, 'docker0')).toThrow(
      /No usable local IPv6 address on interface docker0; skipped: docker0 fe80::42:acff:fe11:1 \(link-local\)/
    )
    expect(() => selectLocalAddress({ lo: [v4('127.0.0.1', true)] }, 4)).toThrow(/on this machine/)
    expect(() => selectLocalAddress({}, 4)).toThrow(UpdateError)
  })
})

describe('parseIfInet6', () => {
  it('reads Linux address flags by canonical address', () => {
    const text = [
      '00000000000000000000000000000001 01 80 10 80       lo',
      '2a021234567800000000000000000020 02 40 00 01     eth0',
      '2a021234567800000000000000000021 02 40 00 20     eth0',
      'fe80000000000000021c2dfffe4f5061 02 40 20 80     eth0',
      'garbage line'
    ].join('\n')
    const flags = parseIfInet6(text)
    expect(flags.get('::1')).toBe(0x80)
    expect(flags.get('2a02:1234:5678::20')).toBe(IFA_F_TEMPORARY)
    expect(flags.get('2a02:1234:5678::21')).toBe(IFA_F_DEPRECATED)
    expect(flags.get('fe80::21c:2dff:fe4f:5061')).toBe(0x80)
    expect(flags.size).toBe(4)
  })
})

describe('detectAddresses with local source', () => {
  it('finds both families and says where they came from', async () => {
    const logger = recorder()
    const r = await detectAddresses(
      { source: 'local', version: 'both', providers: [] },
      { logger, networkInterfaces: () => typicalHost }
    )
    expect(r).toEqual({
      ipv4: ['192.168.1.20'],
      ipv6: ['2a02:1234:5678::20'],
      origins: [
        { family: 4, address: '192.168.1.20', how: 'local: interface eth0' },
        { family: 6, address: '2a02:1234:5678::20', how: 'local: interface eth0' }
      ]
    })
    expect(logger.text('info')).toContain('Local IPv4 address 192.168.1.20 (interface eth0)')
    expect(logger.text('info')).toMatch(/Skipped: .*lo 127\.0\.0\.1 \(internal\)/)
    expect(logger.text('info')).toMatch(/Also available, not chosen: docker0 172\.17\.0\.1/)
    expect(logger.text('warning')).toBe('') // virtual interfaces are no rivals
  })

  it('warns when two equally good interfaces compete', async () => {
    const logger = recorder()
    await detectAddresses(
      { source: 'local', version: '4', providers: [] },
      { logger, networkInterfaces: () => ({ eth0: [v4('10.0.0.1')], eth1: [v4('10.0.1.1')] }) }
    )
    expect(logger.text('warning')).toMatch(/chose eth0 \(10\.0\.0\.1\) over eth1.*Set interface/)
  })

  it("'both' leaves out a family without a usable address, with a warning", async () => {
    const logger = recorder()
    const r = await detectAddresses(
      { source: 'local', version: 'both', providers: [] },
      { logger, networkInterfaces: () => ({ eth0: [v4('192.168.1.2'), v6('fe80::1')] }) }
    )
    expect(r.ipv4).toEqual(['192.168.1.2'])
    expect(r.ipv6).toEqual([])
    expect(logger.text('warning')).toMatch(/No usable local IPv6 address.*as they are/)
  })

  it('an unknown interface throws even with both families', async () => {
    await expect(
      detectAddresses(
        { source: 'local', version: 'both', providers: [], interface: 'eth7' },
        { logger: recorder(), networkInterfaces: () => typicalHost }
      )
    ).rejects.toThrow(InputError)
  })

  it('uses the interface given', async () => {
    const r = await detectAddresses(
      { source: 'local', version: '6', providers: [], interface: 'wg0' },
      { logger: recorder(), networkInterfaces: () => typicalHost }
    )
    expect(r.ipv6).toEqual(['fd00:8::2'])
    expect(r.origins[0]?.how).toBe('local: interface wg0')
  })

  it('runs against the real interface table without throwing an unexpected error', async () => {
    try {
      const r = await detectAddresses(
        { source: 'local', version: 'both', providers: [] },
        {
          logger: recorder()
        }
      )
      expect(r.origins.length).toBeGreaterThan(0)
    } catch (e) {
      expect(e).toBeInstanceOf(UpdateError) // e.g. a sandbox with only loopback
    }
  })
})

describe('checkDetectionAllowed', () => {
  it('refuses on a GitHub-hosted runner', () => {
    let error: unknown
    try {
      checkDetectionAllowed({ RUNNER_ENVIRONMENT: 'github-hosted' }, false, recorder())
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('ip')
    expect((error as Error).message).toBe(
      "Input 'ip': the address of a GitHub-hosted runner is a shared cloud address that changes every job: run on a self-hosted runner, or pass ip"
    )
  })

  it('only warns in a dry run', () => {
    const logger = recorder()
    checkDetectionAllowed({ RUNNER_ENVIRONMENT: 'github-hosted' }, true, logger)
    expect(logger.text('warning')).toMatch(/shared cloud address/)
  })

  it.each([{ RUNNER_ENVIRONMENT: 'self-hosted' }, {}])('allows %j', (env) => {
    const logger = recorder()
    checkDetectionAllowed(env, false, logger)
    expect(logger.text()).toBe('')
  })
})

describe('Windows adapters (friendly names)', () => {
  /** A Windows PC: physical adapters and the virtual ones VM, VPN and capture software adds. */
  const pc = (physical: Interfaces): Interfaces => ({
    'Loopback Pseudo-Interface 1': [v4('127.0.0.1', true), v6('::1', true)],
    'vEthernet (WSL)': [v4('172.29.16.1')],
    'vEthernet (Default Switch)': [v4('172.20.48.1')],
    'VirtualBox Host-Only Network': [v4('192.168.56.1'), v6('fe80::a00:27ff:fe00:1')],
    'VMware Network Adapter VMnet8': [v4('192.168.204.1')],
    'VMware Network Adapter VMnet1': [v4('192.168.80.1')],
    'Npcap Loopback Adapter': [v4('169.254.12.5')],
    'ZeroTier One [8056c2e21c000001]': [v4('10.147.17.5'), v6('fd80:56c2:e21c::5')],
    'OpenVPN TAP-Windows6': [v4('10.8.0.6')],
    'Bluetooth Network Connection': [v4('192.168.44.2')],
    'Local Area Connection* 10': [v4('192.168.137.1')],
    'Teredo Tunneling Pseudo-Interface': [v6('2001:0:2851:782c:1c:3f4f:b2f3:d7b1')],
    ...physical
  })

  it.each([
    ['Wi-Fi', { 'Wi-Fi': [v4('192.168.1.23')] }, 'Wi-Fi', '192.168.1.23'],
    ['Ethernet', { Ethernet: [v4('192.168.1.10')] }, 'Ethernet', '192.168.1.10'],
    ['Ethernet 2', { 'Ethernet 2': [v4('10.0.0.9')] }, 'Ethernet 2', '10.0.0.9'],
    ['WLAN (German)', { WLAN: [v4('192.168.178.20')] }, 'WLAN', '192.168.178.20']
  ])('IPv4 on %s: the physical adapter wins over every virtual one', (_, physical, name, ip) => {
    const sel = selectLocalAddress(pc(physical), 4)
    expect(sel.chosen).toMatchObject({ interface: name, address: ip, virtual: false })
    expect(sel.others.every((c) => c.virtual)).toBe(true)
    expect(sel.others.map((c) => c.interface)).toContain('VirtualBox Host-Only Network')
  })

  it('IPv6: a global address on Wi-Fi wins over Teredo and ZeroTier', () => {
    const sel = selectLocalAddress(pc({ 'Wi-Fi': [v6('2a02:1234:5678::23')] }), 6)
    expect(sel.chosen).toMatchObject({ interface: 'Wi-Fi', address: '2a02:1234:5678::23' })
    expect(sel.others.map((c) => c.interface).sort()).toEqual([
      'Teredo Tunneling Pseudo-Interface',
      'ZeroTier One [8056c2e21c000001]'
    ])
  })

  it('with only virtual adapters, one of them is still chosen', () => {
    const sel = selectLocalAddress(pc({}), 4)
    expect(sel.chosen.virtual).toBe(true)
  })

  it('Wi-Fi and Ethernet are both physical: a tie broken by name, with a warning', async () => {
    const logger = recorder()
    const both = { Ethernet: [v4('192.168.1.10')], 'Wi-Fi': [v4('192.168.1.23')] }
    await detectAddresses(
      { source: 'local', version: '4', providers: [] },
      { logger, networkInterfaces: () => pc(both) }
    )
    expect(logger.text('info')).toMatch(/Local IPv4 address 192\.168\.1\.10 \(interface Ethernet\)/)
    expect(logger.text('warning')).toMatch(/chose Ethernet .* over Wi-Fi/)
  })
})
