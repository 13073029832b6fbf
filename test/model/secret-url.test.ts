import { describe, expect, it } from 'vitest'
import { secretParts, shownUrl, urlParts, validateSecretUrl } from '../../src/model/secret-url.js'

const UUID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'

describe('validateSecretUrl', () => {
  it.each([
    `https://hc-ping.com/${UUID}`,
    'http://127.0.0.1:8080/ping',
    'http://[::1]:8080/ping',
    'http://localhost/ping'
  ])('accepts %s', (url) => {
    expect(validateSecretUrl('heartbeat-url', url)).toBe(new URL(url).href)
  })
  it.each([
    ['not a url', /heartbeat-url.*is not a URL/],
    [`http://hc-ping.com/${UUID}`, /plain http:\/\/.*use https:\/\//],
    ['ftp://example.com/x', /must be an https:\/\/ URL, not ftp/],
    [`http://10.0.0.1/${UUID}`, /plain http/]
  ])('refuses %s, naming the input and never the secret', (url, message) => {
    let error: Error | undefined
    try {
      validateSecretUrl('heartbeat-url', url)
    } catch (err) {
      error = err as Error
    }
    expect(error?.message).toMatch(message)
    expect(error?.message).toMatch(/^Input 'heartbeat-url'/)
    expect(error?.message).not.toContain(UUID)
  })
})

describe('secret URLs in logs', () => {
  it('shownUrl keeps the scheme and host only', () => {
    expect(shownUrl(`https://hc-ping.com/${UUID}/fail?x=1`)).toBe('https://hc-ping.com/…')
    expect(shownUrl('junk')).toBe('(a URL)')
  })
  it('secretParts covers the URL, its path and its tokens', () => {
    const url = `https://hooks.slack.com/services/T0000/B0000/${'x'.repeat(24)}`
    const parts = secretParts(url)
    expect(parts).toContain(url)
    expect(parts).toContain(`/services/T0000/B0000/${'x'.repeat(24)}`)
    expect(parts).toContain('x'.repeat(24))
    expect(parts).not.toContain('T0000')
    expect(secretParts(`https://kuma.example.com/api/push/${'k'.repeat(20)}?status=up`)).toContain(
      'k'.repeat(20)
    )
  })
})

describe('urlParts', () => {
  it('every path segment and query value after the host, whatever its length, both spellings', () => {
    expect(
      urlParts('https://u:pw@hooks.example.com/api/x/kq7Zp2%2BLx?key=ab%20c&t=Zp2&flag').sort()
    ).toEqual(
      ['Zp2', 'ab c', 'ab%20c', 'api', 'flag', 'kq7Zp2%2BLx', 'kq7Zp2+Lx', 'pw', 'u', 'x'].sort()
    )
  })
  it('not a URL: the whole text', () => {
    expect(urlParts('junk')).toEqual(['junk'])
  })
})
