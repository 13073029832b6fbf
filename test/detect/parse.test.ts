import { describe, expect, it } from 'vitest'
import { parseEchoBody } from '../../src/detect/public.js'

describe('parseEchoBody', () => {
  it.each([
    ['8.8.8.8', 4, '8.8.8.8'],
    ['8.8.8.8\n', 4, '8.8.8.8'],
    ['  8.8.8.8\r\n\r\n', 4, '8.8.8.8'],
    ['\ufeff8.8.8.8\n', 4, '8.8.8.8'],
    ['2001:4860:4860:0:0:0:0:8888\n', 6, '2001:4860:4860::8888'],
    ['2A00:1450::1', 6, '2a00:1450::1'],
    [
      'fl=1f1\nh=www.cloudflare.com\nip=1.1.1.1\nts=1700000000.1\nvisit_scheme=https\nuag=route53-ddns\ncolo=AMS\nsliver=none\nhttp=http/2\nloc=NL\ntls=TLSv1.3\nsni=plaintext\nwarp=off\ngateway=off\nrbi=off\nkex=X25519\n',
      4,
      '1.1.1.1'
    ],
    ['h=x\nip=2606:4700:4700::1111\nts=1\n', 6, '2606:4700:4700::1111'],
    ['ip=8.8.8.8', 4, '8.8.8.8']
  ] as const)('%j as IPv%i → %s', (body, family, address) => {
    expect(parseEchoBody(body, family)).toEqual({ ok: true, address })
  })

  it.each([
    ['', 4, /empty/],
    ['   \n', 4, /empty/],
    ['<!DOCTYPE html><html><body>8.8.8.8</body></html>', 4, /HTML/],
    ['<html>\n<title>Attention Required! | Cloudflare</title>', 4, /HTML/],
    ['Your IP: 8.8.8.8 <br>', 4, /HTML/],
    ['{"ip":"8.8.8.8"}', 4, /JSON/],
    ['["8.8.8.8"]', 4, /JSON/],
    ['8.8.8.8\n1.1.1.1\n', 4, /2 addresses/],
    ['8.8.8.8 1.1.1.1', 4, /2 addresses/],
    ['8.8.8.8, 2001:4860:4860::8888', 4, /2 addresses/],
    ['Your IP is 8.8.8.8', 4, /not an address/],
    ['8.8.8.8.', 4, /not an address/],
    ['8.8.8.8:443', 4, /not an address/],
    ['08.8.8.8', 4, /not an address/],
    ['8.8.8.8/32', 4, /not an address/],
    ['fe80::1%eth0', 6, /not an address/],
    ['h=x\nts=1\n', 4, /without an ip= line/],
    ['ip=8.8.8.8\nip=1.1.1.1\n', 4, /several ip= lines/],
    ['ip=not-an-address\nh=x', 4, /not an address/],
    ['2001:4860:4860::8888', 4, /IPv6 address 2001:4860:4860::8888 when IPv4 was asked/],
    ['8.8.8.8', 6, /IPv4 address 8.8.8.8 when IPv6 was asked/],
    ['::ffff:8.8.8.8', 4, /IPv6 address ::ffff:8.8.8.8 when IPv4/],
    ['::ffff:8.8.8.8', 6, /IPv4-mapped/],
    ['192.168.1.1', 4, /192.168.1.1, which is private \(RFC 1918\), not a public address/],
    ['10.1.2.3', 4, /private/],
    ['100.64.1.1', 4, /CGNAT/],
    ['127.0.0.1', 4, /loopback/],
    ['169.254.169.254', 4, /link-local/],
    ['192.0.2.10', 4, /documentation/],
    ['198.18.0.1', 4, /benchmarking/],
    ['0.0.0.0', 4, /this network/],
    ['255.255.255.255', 4, /broadcast/],
    ['ip=10.0.0.1\nh=x', 4, /private/],
    ['fd00::1', 6, /unique-local/],
    ['fe80::1', 6, /link-local/],
    ['::1', 6, /loopback/],
    ['2001:db8::1', 6, /documentation/],
    ['64:ff9b::808:808', 6, /NAT64/],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 6, /Teredo/],
    ['2002:808:808::1', 6, /6to4/]
  ] as const)('rejects %j as IPv%i', (body, family, reason) => {
    const r = parseEchoBody(body, family)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })

  it('quotes junk shortly, on one line', () => {
    const r = parseEchoBody(`error\n${'x'.repeat(500)}`, 4)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.reason).not.toContain('\n')
      expect(r.reason.length).toBeLessThan(120)
    }
  })
})
