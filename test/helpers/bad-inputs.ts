/**
 * Bad inputs, each with the input the error must name. Shared by the unit tests of input
 * parsing and the end-to-end tests that run the bundle (exit 1, zero AWS requests).
 */
export const VALID: Record<string, string> = {
  hostname: 'home.dyn.example.com',
  'hosted-zone-id': 'Z0123456789ABCDEFGHIJ',
  ip: '198.51.100.7'
}

export const BAD_INPUTS: Array<[label: string, inputs: Record<string, string>, names: string]> = [
  // hostname
  ['no hostname at all', { hostname: '' }, 'hostname'],
  ['single-label hostname', { hostname: 'localhost' }, 'hostname'],
  ['empty label', { hostname: 'a..example.com' }, 'hostname'],
  ['label over 63', { hostname: `${'a'.repeat(64)}.example.com` }, 'hostname'],
  ['name over 253', { hostname: `${'abcdefghi.'.repeat(26)}com` }, 'hostname'],
  ['illegal character', { hostname: 'home$.example.com' }, 'hostname'],
  ['leading hyphen', { hostname: '-home.example.com' }, 'hostname'],
  ['trailing hyphen', { hostname: 'home-.example.com' }, 'hostname'],
  ['wildcard not leftmost', { hostname: 'a.*.example.com' }, 'hostname'],
  ['partial wildcard label', { hostname: 'a*.example.com' }, 'hostname'],
  ['numeric TLD', { hostname: '10.0.0.1' }, 'hostname'],
  ['URL instead of name', { hostname: 'https://home.example.com' }, 'hostname'],
  ['slash in name', { hostname: 'home/x.example.com' }, 'hostname'],
  ['one bad among good', { hostname: 'a.example.com, b..example.com' }, 'hostname'],
  ['control character', { hostname: 'a\u0007b.example.com' }, 'hostname'],
  ['bidi override in a label', { hostname: 'a\u202eb.example.com' }, 'hostname'],
  ['fullwidth asterisk as a wildcard', { hostname: '\uff0a.example.com' }, 'hostname'],
  ['small asterisk as a wildcard', { hostname: '\ufe61.example.com' }, 'hostname'],
  ['look-alike asterisk beside Unicode', { hostname: '\uff0a.m\u00fcnchen.example' }, 'hostname'],
  [
    'too many hostnames',
    { hostname: Array.from({ length: 1001 }, (_, i) => `h${i}.example.com`).join(',') },
    'hostname'
  ],
  ['over-long input', { hostname: 'a'.repeat(70_000) }, 'hostname'],
  // hosted-zone-id
  ['zone id lowercase', { 'hosted-zone-id': 'z0123456789abc' }, 'hosted-zone-id'],
  ['zone id without Z', { 'hosted-zone-id': '0123456789ABC' }, 'hosted-zone-id'],
  ['zone id with spaces', { 'hosted-zone-id': 'Z0123 456789' }, 'hosted-zone-id'],
  ['zone id wrong prefix', { 'hosted-zone-id': '/zone/Z0123456789' }, 'hosted-zone-id'],
  ['zone id too long', { 'hosted-zone-id': `Z${'A'.repeat(40)}` }, 'hosted-zone-id'],
  ['zone id ARN', { 'hosted-zone-id': 'arn:aws:route53:::hostedzone/Z0123' }, 'hosted-zone-id'],
  // ip
  ['ip garbage', { ip: 'not-an-ip' }, 'ip'],
  ['ip octet over 255', { ip: '256.1.1.1' }, 'ip'],
  ['ip three octets', { ip: '1.2.3' }, 'ip'],
  ['ip leading zero', { ip: '01.2.3.4' }, 'ip'],
  ['ip with port', { ip: '198.51.100.7:80' }, 'ip'],
  ['ip CIDR', { ip: '198.51.100.0/24' }, 'ip'],
  ['ipv6 bad', { ip: '2001:db8:::1' }, 'ip'],
  ['ipv6 with zone index', { ip: 'fe80::1%eth0' }, 'ip'],
  ['ipv6 in brackets', { ip: '[2001:db8::1]' }, 'ip'],
  ['one bad among good ips', { ip: '198.51.100.7 nope' }, 'ip'],
  ['IPv4-mapped IPv6', { ip: '::ffff:198.51.100.7' }, 'ip'],
  ['IPv4-mapped IPv6, hex and capitals', { ip: '0:0:0:0:0:FFFF:C633:6407' }, 'ip'],
  ['IPv4-mapped beside a real IPv6', { ip: '2001:db8::7, ::FFFF:0:1' }, 'ip'],
  [
    'too many ips',
    {
      ip: Array.from({ length: 101 }, (_, i) => `10.0.${Math.floor(i / 250)}.${i % 250}`).join(',')
    },
    'ip'
  ],
  // ttl
  ['ttl negative', { ttl: '-1' }, 'ttl'],
  ['ttl fraction', { ttl: '1.5' }, 'ttl'],
  ['ttl words', { ttl: 'five minutes' }, 'ttl'],
  ['ttl too big', { ttl: '2147483648' }, 'ttl'],
  ['ttl hex', { ttl: '0x10' }, 'ttl'],
  ['ttl exponent', { ttl: '3e2' }, 'ttl'],
  // booleans
  ['dry-run yes', { 'dry-run': 'yes' }, 'dry-run'],
  ['dry-run 1', { 'dry-run': '1' }, 'dry-run'],
  ['wait-for-sync on', { 'wait-for-sync': 'on' }, 'wait-for-sync'],
  ['private-zone tru', { 'private-zone': 'tru' }, 'private-zone'],
  // wait-timeout
  ['wait-timeout zero', { 'wait-timeout': '0' }, 'wait-timeout'],
  ['wait-timeout huge', { 'wait-timeout': '99999' }, 'wait-timeout'],
  // state
  ['state unknown', { state: 'deleted' }, 'state'],
  ['state uppercase', { state: 'PRESENT' }, 'state'],
  ['state absent with ip', { state: 'absent', ip: '198.51.100.7' }, 'ip'],
  // detection inputs
  ['ip-source unknown', { ip: '', 'ip-source': 'dns' }, 'ip-source'],
  ['ip-version unknown', { ip: '', 'ip-version': '5' }, 'ip-version'],
  [
    'provider plain http to a remote host',
    { ip: '', 'ip-providers': 'http://checkip.example.net' },
    'ip-providers'
  ],
  ['provider not a URL', { ip: '', 'ip-providers': 'checkip' }, 'ip-providers'],
  ['provider ftp', { ip: '', 'ip-providers': 'ftp://127.0.0.1/ip' }, 'ip-providers'],
  [
    'provider with credentials',
    { ip: '', 'ip-providers': 'https://user:pw@checkip.example.net' },
    'ip-providers'
  ],
  ['interface with public source', { ip: '', interface: 'eth0' }, 'interface'],
  [
    'interface with odd name',
    { ip: '', 'ip-source': 'local', interface: 'eth0; rm -rf' },
    'interface'
  ],
  // host map
  ['host map line without =', { hostname: '', 'host-map': 'web1 home.example.com' }, 'host-map'],
  ['host map without machine', { hostname: '', 'host-map': '= home.example.com' }, 'host-map'],
  ['host map without names', { hostname: '', 'host-map': 'this-machine-is-unknown =' }, 'host-map'],
  [
    'host map unknown machine',
    { hostname: '', 'host-map': 'no-such-machine-xyz = home.example.com' },
    'host-map'
  ],
  // credentials
  ['role ARN malformed', { 'role-to-assume': 'arn:aws:iam::123:role/x' }, 'role-to-assume'],
  [
    'role ARN user not role',
    { 'role-to-assume': 'arn:aws:iam::111122223333:user/x' },
    'role-to-assume'
  ],
  ['role ARN plain name', { 'role-to-assume': 'ddns' }, 'role-to-assume'],
  ['duration too short', { 'role-duration-seconds': '899' }, 'role-duration-seconds'],
  ['duration too long', { 'role-duration-seconds': '43201' }, 'role-duration-seconds'],
  ['duration not a number', { 'role-duration-seconds': '1h' }, 'role-duration-seconds'],
  ['session name too short', { 'role-session-name': 'a' }, 'role-session-name'],
  ['session name with space', { 'role-session-name': 'my session' }, 'role-session-name'],
  ['session name too long', { 'role-session-name': 'a'.repeat(65) }, 'role-session-name'],
  ['audience with space', { audience: 'sts amazonaws' }, 'audience'],
  ['region malformed', { 'aws-region': 'Europe' }, 'aws-region'],
  ['comment too long', { comment: 'c'.repeat(257) }, 'comment'],
  // set-identifier, health-check-id
  ['set identifier over 128 characters', { 'set-identifier': 'r'.repeat(129) }, 'set-identifier'],
  ['set identifier with a control character', { 'set-identifier': 'a\u0007b' }, 'set-identifier'],
  [
    'health check id not a UUID',
    { 'set-identifier': 'pi', 'health-check-id': 'hc-123' },
    'health-check-id'
  ],
  [
    'health check id in braces',
    { 'set-identifier': 'pi', 'health-check-id': '{abcdef11-2222-3333-4444-555555fedcba}' },
    'health-check-id'
  ],
  [
    'health check id without set identifier',
    { 'health-check-id': 'abcdef11-2222-3333-4444-555555fedcba' },
    'health-check-id'
  ],
  // monitoring
  [
    'heartbeat over plain http',
    { 'heartbeat-url': 'http://hc-ping.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' },
    'heartbeat-url'
  ],
  ['notify-url not a URL', { 'notify-url': 'hooks.slack.com/services/x' }, 'notify-url'],
  ['failure-issue not a boolean', { 'failure-issue': 'yes' }, 'failure-issue'],
  ['failure-issue without a token', { 'failure-issue': 'true' }, 'github-token']
]
