import { describe, expect, it } from 'vitest'
import { healthUrl, parseListen } from '../../src/inputs/listen.js'
import { InputError } from '../../src/model/errors.js'

describe('parseListen', () => {
  it.each([
    ['9101', { host: '127.0.0.1', port: 9101 }],
    [' 9101 ', { host: '127.0.0.1', port: 9101 }],
    ['0', { host: '127.0.0.1', port: 0 }],
    ['0.0.0.0:9101', { host: '0.0.0.0', port: 9101 }],
    ['192.0.2.10:80', { host: '192.0.2.10', port: 80 }],
    ['localhost:9101', { host: 'localhost', port: 9101 }],
    ['[::]:9101', { host: '::', port: 9101 }],
    ['[::1]:65535', { host: '::1', port: 65535 }]
  ])('%j', (text, listen) => {
    expect(parseListen('--metrics', text)).toEqual(listen)
  })

  it.each([
    ['', /is not PORT, HOST:PORT or \[IPv6\]:PORT/],
    ['example.com:9101', /'example\.com' is not an IP address/],
    ['::1:9101', /is not PORT, HOST:PORT/],
    ['[127.0.0.1]:9101', /'127\.0\.0\.1' is not an IP address/],
    ['[::1]', /is not PORT, HOST:PORT/],
    ['127.0.0.1:', /'' is not a whole number/],
    ['127.0.0.1:http', /'http' is not a whole number/],
    ['65536', /65536 is out of range \(0 … 65535\)/]
  ])('refuses %j', (text, problem) => {
    let err: unknown
    try {
      parseListen('ROUTE53_DDNS_METRICS', text)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe('ROUTE53_DDNS_METRICS')
    expect((err as InputError).problem).toMatch(problem)
  })
})

describe('healthUrl', () => {
  it.each([
    [{ host: '127.0.0.1', port: 9101 }, 'http://127.0.0.1:9101/healthz'],
    [{ host: '0.0.0.0', port: 9101 }, 'http://127.0.0.1:9101/healthz'],
    [{ host: '::', port: 9101 }, 'http://[::1]:9101/healthz'],
    [{ host: '::1', port: 80 }, 'http://[::1]:80/healthz'],
    [{ host: '192.0.2.10', port: 9101 }, 'http://192.0.2.10:9101/healthz']
  ])('%j', (listen, url) => {
    expect(healthUrl(listen)).toBe(url)
  })
})
