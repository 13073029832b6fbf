import { describe, expect, it } from 'vitest'
import { schemeProblem } from '../../src/model/url-rule.js'
import { validateProviderUrl } from '../../src/model/provider-url.js'
import { validateSecretUrl } from '../../src/model/secret-url.js'

describe('the URL rule: https, or plain http to loopback only', () => {
  it.each([
    ['https://api.ipify.org', undefined],
    ['https://hc-ping.com/0b1c', undefined],
    ['http://127.0.0.1:8080/ip', undefined],
    ['http://127.9.9.9/', undefined],
    ['http://[::1]:9/', undefined],
    ['http://localhost/', undefined],
    ['HTTP://LOCALHOST/', undefined],
    ['http://api.ipify.org', 'plain-http'],
    ['http://128.0.0.1/', 'plain-http'],
    ['http://[::2]/', 'plain-http'],
    ['http://localhost.example.com/', 'plain-http'],
    ['ftp://example.com/', 'not-https'],
    ['file:///etc/passwd', 'not-https'],
    ['ws://127.0.0.1/', 'not-https']
  ])('%s: %s', (url, problem) => {
    expect(schemeProblem(new URL(url))).toBe(problem)
  })

  it.each([
    ['https://example.com/x', true],
    ['http://127.0.0.1/x', true],
    ['http://example.com/x', false],
    ['gopher://example.com/x', false]
  ])('both inputs apply the same rule to %s (allowed: %s)', (url, allowed) => {
    const provider = (): unknown => validateProviderUrl(url)
    const secret = (): unknown => validateSecretUrl('notify-url', url)
    if (allowed) {
      expect(provider).not.toThrow()
      expect(secret).not.toThrow()
    } else {
      expect(provider).toThrow(/ip-providers/)
      expect(secret).toThrow(/notify-url/)
    }
  })
})
