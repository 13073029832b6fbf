import { describe, expect, it } from 'vitest'
import { parseInputs, INPUTS, type InputName } from '../../src/inputs/inputs.js'
import { InputError } from '../../src/model/errors.js'
import type { RunContext } from '../../src/model/run-context.js'
import { BAD_INPUTS, VALID } from '../helpers/bad-inputs.js'

const parse = (
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  machine = 'web1',
  run?: RunContext
) => parseInputs((name: InputName) => inputs[name] ?? '', { machine, env, ...(run ? { run } : {}) })

const RUN: RunContext = {
  repository: 'octo/demo',
  runId: 77,
  runAttempt: 1,
  eventName: 'schedule',
  ref: 'refs/heads/main',
  actor: 'octocat',
  workflow: 'ddns',
  job: 'update',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com'
}

describe('parseInputs', () => {
  it('applies defaults', () => {
    const c = parse(VALID, {}, 'web1', RUN)
    expect(c).toMatchObject({
      hostnames: ['home.dyn.example.com'],
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      ipv4: ['198.51.100.7'],
      ipv6: [],
      ttl: 300,
      dryRun: false,
      state: 'present',
      region: 'us-east-1',
      waitForSync: false,
      waitTimeout: 300,
      privateZone: false,
      comment: 'route53-ddns: octo/demo run 77 (schedule)',
      auth: { kind: 'default' }
    })
    expect(c.detection).toBeUndefined()
    expect(c.monitor).toEqual({ failureIssue: false })
    expect(parse(VALID).comment).toBe('route53-ddns')
  })

  it('splits names and addresses on newlines, commas and spaces; normalises and deduplicates', () => {
    const c = parse({
      ...VALID,
      hostname: 'A.example.com.\nb.example.com, a.example.com  c.example.com',
      ip: '2001:DB8:0::1, 198.51.100.7\n198.51.100.8 2001:db8::1'
    })
    expect(c.hostnames).toEqual(['a.example.com', 'b.example.com', 'c.example.com'])
    expect(c.ipv4).toEqual(['198.51.100.7', '198.51.100.8'])
    expect(c.ipv6).toEqual(['2001:db8::1'])
  })

  it('accepts /hostedzone/ ids and derives a valid session name', () => {
    const c = parse(
      {
        ...VALID,
        'hosted-zone-id': '/hostedzone/ZABC',
        'role-to-assume': 'arn:aws:iam::111122223333:role/ddns'
      },
      {},
      'web1',
      { ...RUN, runId: 12345, runAttempt: 3 }
    )
    expect(c.hostedZoneId).toBe('ZABC')
    expect(c.auth).toEqual({
      kind: 'oidc',
      roleArn: 'arn:aws:iam::111122223333:role/ddns',
      audience: 'sts.amazonaws.com',
      sessionName: 'route53-ddns-12345-3',
      durationSeconds: 900
    })
  })

  it('leaves the zone to discovery when no id is given', () => {
    expect(parse({ ...VALID, 'hosted-zone-id': '' }).hostedZoneId).toBeUndefined()
  })

  it('asks for detection only when no ip is given and state is present', () => {
    expect(parse({ ...VALID, ip: '' }).detection).toEqual({
      source: 'public',
      version: '4',
      providers: []
    })
    expect(parse({ ...VALID, ip: '', state: 'absent' }).detection).toBeUndefined()
    expect(
      parse({ ...VALID, ip: '', 'ip-source': 'local', interface: 'eth0', 'ip-version': 'both' })
        .detection
    ).toEqual({ source: 'local', version: 'both', providers: [], interface: 'eth0' })
  })

  it.each(['eth0', 'en0', 'wlp2s0', 'Ethernet 2', 'Wi-Fi', 'vEthernet (WSL)', 'WLAN'])(
    'interface %j is a name Linux, macOS or Windows can give',
    (name) => {
      const cfg = parse({ ...VALID, ip: '', 'ip-source': 'local', interface: name })
      expect(cfg.detection?.interface).toBe(name)
    }
  )

  it.each(['eth0; x', 'a/b', 'Wi-Fi  2', 'a$b', 'x'.repeat(257)])(
    'interface %j is refused',
    (name) => {
      expect(() => parse({ ...VALID, ip: '', 'ip-source': 'local', interface: name })).toThrow(
        /Input 'interface'/
      )
    }
  )

  it('takes names from the host map for this machine', () => {
    const c = parse(
      {
        ...VALID,
        hostname: '',
        'host-map': 'web1 = web1.example.com, www.example.com\nweb2 = web2.example.com'
      },
      {},
      'WEB1.lan'
    )
    expect(c.hostnames).toEqual(['web1.example.com', 'www.example.com'])
  })

  it('accepts the boolean forms GitHub does', () => {
    expect(parse({ ...VALID, 'dry-run': 'True' }).dryRun).toBe(true)
    expect(parse({ ...VALID, 'dry-run': 'FALSE' }).dryRun).toBe(false)
  })

  it('has a default for every input', () => {
    for (const [name, def] of Object.entries(INPUTS))
      expect(typeof def.default, name).toBe('string')
  })

  describe.each(BAD_INPUTS)('rejects %s', (_label, inputs, name) => {
    it(`naming '${name}'`, () => {
      let error: unknown
      try {
        parse({ ...VALID, ...inputs })
      } catch (err) {
        error = err
      }
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe(name)
      expect((error as InputError).message).toMatch(new RegExp(`^Input '${name}': `))
      expect((error as Error).message.length).toBeLessThan(400)
    })
  })

  it.each([
    ['\uff0a.example.com', 'U+FF0A'],
    ['\ufe61.example.com', 'U+FE61']
  ])('writes a wildcard only for an ASCII *: %j is refused naming %s', (hostname, codePoint) => {
    expect(() => parse({ ...VALID, hostname })).toThrow(
      new RegExp(
        `^Input 'hostname': .*${codePoint.replace('+', '\\+')}.* a wildcard needs an ASCII '\\*'`
      )
    )
    expect(parse({ ...VALID, hostname: '*.m\u00fcnchen.example' }).hostnames).toEqual([
      '*.xn--mnchen-3ya.example'
    ])
  })

  it('refuses an IPv4-mapped IPv6 address in ip, saying which IPv4 address it means', () => {
    expect(() => parse({ ...VALID, ip: '::ffff:c633:6407' })).toThrow(
      "Input 'ip': '::ffff:c633:6407' is an IPv4-mapped IPv6 address, never published as an AAAA record: write 198.51.100.7 to publish it as an A record"
    )
    // IPv4-translated (::ffff:0:0/96) is another range: as an explicit address it is the user's call.
    expect(parse({ ...VALID, ip: '::ffff:0:c633:6407' }).ipv6).toEqual(['::ffff:0:c633:6407'])
  })

  it('refuses state absent together with ip, naming both', () => {
    expect(() => parse({ ...VALID, state: 'absent', ip: '198.51.100.7' })).toThrow(
      /^Input 'ip': is not used with state 'absent'.*remove ip, or set state to 'present'/
    )
  })

  it('has a large corpus', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60)
  })
})

describe('set-identifier and health-check-id', () => {
  const get = (over: Record<string, string>) =>
    parseInputs((n) => ({ ...VALID, ...over })[n] ?? '', { machine: 'm', env: {} })

  it('are absent from the config when empty: a simple record, as before', () => {
    const c = get({})
    expect(c.setIdentifier).toBeUndefined()
    expect(c.healthCheckId).toBeUndefined()
  })

  it('take Route 53’s 1 … 128 characters, any printable ones, trimmed', () => {
    expect(get({ 'set-identifier': ' runner-01 ' }).setIdentifier).toBe('runner-01')
    expect(get({ 'set-identifier': 'r'.repeat(128) }).setIdentifier).toHaveLength(128)
    expect(get({ 'set-identifier': 'Büro Gateway #2' }).setIdentifier).toBe('Büro Gateway #2')
  })

  it('take a health check id as a UUID, in lowercase as Route 53 lists it', () => {
    const c = get({
      'set-identifier': 'pi',
      'health-check-id': 'ABCDEF11-2222-3333-4444-555555FEDCBA'
    })
    expect(c.healthCheckId).toBe('abcdef11-2222-3333-4444-555555fedcba')
  })
})
