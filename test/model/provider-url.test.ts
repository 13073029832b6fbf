import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/model/errors.js'
import { DEFAULT_PROVIDERS } from '../../src/detect/public.js'
import {
  distinctProviders,
  providerOrigin,
  validateProviderUrl
} from '../../src/model/provider-url.js'

describe('validateProviderUrl', () => {
  it.each([
    'https://checkip.amazonaws.com',
    'https://example.net/ip?format=text',
    'https://[2001:db8::1]/',
    'http://127.0.0.1:8080/ip',
    'http://127.3.4.5/',
    'http://localhost:1234/ip',
    'http://LOCALHOST/',
    'http://[::1]:8080/ip'
  ])('accepts %s', (url) => {
    expect(validateProviderUrl(url)).toBe(url)
  })

  it('trims', () => {
    expect(validateProviderUrl('  https://a.example/ \n')).toBe('https://a.example/')
  })

  it.each([
    ['http://checkip.amazonaws.com', /plain http/],
    ['http://10.0.0.1/ip', /plain http/],
    ['http://[::2]/', /plain http/],
    ['http://localhost.example.com/', /plain http/],
    ['http://128.0.0.1/', /plain http/],
    ['ftp://example.com/ip', /https:\/\//],
    ['file:///etc/hostname', /https:\/\//],
    ['checkip.amazonaws.com', /not a URL/],
    ['https://user:secret@example.com/', /user name or password/],
    ['', /not a URL/]
  ])('rejects %j', (url, message) => {
    let error: unknown
    try {
      validateProviderUrl(url)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('ip-providers')
    expect((error as InputError).message).toMatch(/^Input 'ip-providers': /)
    expect((error as InputError).message).toMatch(message)
    if (url.includes('secret')) expect((error as InputError).message).not.toContain('secret')
  })

  it('built-in providers are HTTPS, valid, and per family', () => {
    for (const family of [4, 6] as const) {
      expect(DEFAULT_PROVIDERS[family].length).toBeGreaterThanOrEqual(3)
      for (const url of DEFAULT_PROVIDERS[family]) {
        expect(url.startsWith('https://')).toBe(true)
        expect(validateProviderUrl(url)).toBe(url)
      }
    }
    expect(DEFAULT_PROVIDERS[4]).toContain('https://checkip.amazonaws.com')
    expect(DEFAULT_PROVIDERS[6]).toContain('https://api6.ipify.org')
  })
})

describe('providerOrigin and distinctProviders', () => {
  it.each([
    'https://checkip.example.net',
    'https://checkip.example.net/',
    'HTTPS://CheckIP.Example.NET',
    'https://checkip.example.net:443/',
    'https://checkip.example.net./ip?format=text',
    ' https://checkip.example.net/other\n'
  ])('%j is the origin https://checkip.example.net', (url) => {
    expect(providerOrigin(url)).toBe('https://checkip.example.net')
  })

  it.each([
    ['http://127.0.0.1:80/ip', 'http://127.0.0.1'],
    ['http://127.1:8080/', 'http://127.0.0.1:8080'],
    ['http://[0:0:0:0:0:0:0:1]:8080/', 'http://[::1]:8080'],
    ['https://xn--mnchen-3ya.example/', 'https://xn--mnchen-3ya.example'],
    ['https://münchen.example/', 'https://xn--mnchen-3ya.example']
  ])('%j is the origin %j', (url, origin) => {
    expect(providerOrigin(url)).toBe(origin)
  })

  it('keeps different schemes, hosts and ports apart', () => {
    const urls = [
      'https://a.example',
      'http://127.0.0.1:8080',
      'https://a.example:8443',
      'https://b.example',
      'http://127.0.0.1:8081'
    ]
    expect(distinctProviders(urls)).toEqual({ urls, merged: [] })
  })

  it('keeps the first spelling of each origin and reports the ones listed more than once', () => {
    expect(
      distinctProviders([
        'https://a.example/ip',
        'https://b.example',
        'HTTPS://A.EXAMPLE:443',
        'https://a.example/ip'
      ])
    ).toEqual({
      urls: ['https://a.example/ip', 'https://b.example'],
      merged: [
        {
          origin: 'https://a.example',
          urls: ['https://a.example/ip', 'HTTPS://A.EXAMPLE:443', 'https://a.example/ip']
        }
      ]
    })
  })
})
