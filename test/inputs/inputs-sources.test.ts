// The inputs of the command source and of IPv6 host IDs: parsed into Config, or refused naming the input.
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/model/errors.js'
import { parseInputs, type InputName } from '../../src/inputs/inputs.js'

const parse = (inputs: Partial<Record<InputName, string>>) =>
  parseInputs((name) => inputs[name] ?? '', { machine: 'box', env: {} })

function refusal(inputs: Partial<Record<InputName, string>>): InputError {
  try {
    parse(inputs)
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('parsed without an error')
}

describe('ip-source: command', () => {
  it('parses the command into argv, with the default timeout', () => {
    const c = parse({
      hostname: 'home.example.com',
      'ip-source': 'command',
      'ip-command': `/usr/local/bin/router-ip --wan 'eth 0'`
    })
    expect(c.detection).toEqual({
      source: 'command',
      version: '4',
      providers: [],
      command: ['/usr/local/bin/router-ip', '--wan', 'eth 0'],
      commandTimeoutMs: 10_000
    })
  })

  it('a JSON array and a timeout', () => {
    const c = parse({
      hostname: 'home.example.com',
      'ip-source': 'command',
      'ip-command': '["/opt/get ip", "--v6"]',
      'ip-command-timeout': '30',
      'ip-version': '6'
    })
    expect(c.detection).toMatchObject({
      command: ['/opt/get ip', '--v6'],
      commandTimeoutMs: 30_000
    })
  })

  it.each([
    [{ 'ip-source': 'command' }, 'ip-command', /is required with ip-source 'command'/],
    [{ 'ip-command': '/bin/x' }, 'ip-command', /is only used with ip-source 'command'/],
    [{ 'ip-source': 'command', 'ip-command': 'x | y' }, 'ip-command', /unquoted '\|'/],
    [
      { 'ip-source': 'command', 'ip-command': '/bin/x', 'ip-command-timeout': '0' },
      'ip-command-timeout',
      /out of range \(1 … 600\)/
    ],
    [
      { 'ip-source': 'command', 'ip-command': '/bin/x', 'ip-command-timeout': '2s' },
      'ip-command-timeout',
      /not a whole number/
    ],
    [{ 'ip-source': 'shell' }, 'ip-source', /'public', 'local', 'command'/],
    [
      { 'ip-source': 'command', 'ip-command': '/bin/x', interface: 'eth0' },
      'interface',
      /only used with ip-source 'local'/
    ]
  ])('%j', (inputs, input, problem) => {
    const err = refusal({ hostname: 'home.example.com', ...inputs })
    expect(err.input).toBe(input)
    expect(err.problem).toMatch(problem)
  })
})

describe('ipv6-host-ids', () => {
  const ids = 'nas.example.com = ::1:2:3:4\nprinter.example.com = ::a'

  it('parses the hosts with the default /64', () => {
    const c = parse({ hostname: 'gw.example.com', 'ip-version': 'both', 'ipv6-host-ids': ids })
    expect(c.hostIds).toEqual({
      prefixLength: 64,
      hosts: [
        { name: 'nas.example.com', id: '::1:2:3:4' },
        { name: 'printer.example.com', id: '::a' }
      ]
    })
    expect(c.hostnames).toEqual(['gw.example.com'])
  })

  it('needs no hostname of its own; takes an explicit IPv6 ip', () => {
    const c = parse({ ip: '2001:db8:1:2::99', 'ipv6-host-ids': ids, 'ipv6-prefix-length': '56' })
    expect(c.hostnames).toEqual([])
    expect(c.hostIds?.prefixLength).toBe(56)
    expect(c.ipv6).toEqual(['2001:db8:1:2::99'])
  })

  it('state absent needs no address', () => {
    const c = parse({ state: 'absent', 'ipv6-host-ids': ids })
    expect(c.hostIds?.hosts).toHaveLength(2)
  })

  it('absent without it: no hostIds', () => {
    expect(parse({ hostname: 'a.example.com' }).hostIds).toBeUndefined()
  })

  it.each([
    [{ 'ipv6-host-ids': ids }, /needs this machine's IPv6 address: set ip-version to 6 or both/],
    [
      { 'ipv6-host-ids': ids, ip: '198.51.100.7' },
      /needs this machine's IPv6 address, and ip has none/
    ],
    [{ 'ipv6-host-ids': ids, ip: '2001:db8:1:2::1, 2001:db8:1:3::1' }, /2 different \/64 prefixes/],
    [
      { 'ipv6-host-ids': 'gw.example.com = ::5', hostname: 'gw.example.com', 'ip-version': '6' },
      /'gw.example.com' is also in hostname/
    ],
    [
      { 'ipv6-host-ids': 'nas.example.com = ::1:0:0:0:5', 'ip-version': '6' },
      /line 1: .* does not fit in the 64-bit host part/
    ],
    [
      { 'ipv6-host-ids': 'nas = ::5', 'ip-version': '6' },
      /line 1: the name 'nas' is not a fully qualified domain name/
    ]
  ])('%j', (inputs, problem) => {
    const err = refusal(inputs)
    expect(err.input).toBe('ipv6-host-ids')
    expect(err.problem).toMatch(problem)
  })

  it.each([
    ['0', /out of range \(1 … 127\)/],
    ['128', /out of range \(1 … 127\)/],
    ['/64', /not a whole number/]
  ])('ipv6-prefix-length %s', (value, problem) => {
    const err = refusal({ hostname: 'a.example.com', 'ipv6-prefix-length': value })
    expect(err.input).toBe('ipv6-prefix-length')
    expect(err.problem).toMatch(problem)
  })

  it('a prefix length that leaves the identifier too little room is caught at the identifier', () => {
    const err = refusal({
      'ipv6-host-ids': 'nas.example.com = ::1:0:0:5',
      'ipv6-prefix-length': '96',
      'ip-version': '6'
    })
    expect(err.problem).toMatch(/does not fit in the 32-bit host part of a \/96/)
  })

  it('without hostname, host-map or ipv6-host-ids: hostname is required', () => {
    const err = refusal({})
    expect(err.input).toBe('hostname')
    expect(err.problem).toMatch(/is required .*ipv6-host-ids/)
  })
})
