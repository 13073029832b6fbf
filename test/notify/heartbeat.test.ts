import { describe, expect, it } from 'vitest'
import {
  MAX_KUMA_MSG,
  MAX_PING_BODY,
  heartbeatRequest,
  heartbeatStyle
} from '../../src/notify/heartbeat.js'
import { event } from './fixtures.js'

const HC = 'https://hc-ping.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'
const KUMA = 'https://kuma.example.com/api/push/AbCdEf123?status=up&msg=OK&ping='

describe('heartbeatStyle', () => {
  it.each([
    [HC, 'healthchecks'],
    ['https://hc-ping.com/PINGKEY/db-backup', 'healthchecks'],
    ['https://checks.example.org/ping/abc', 'healthchecks'],
    [KUMA, 'uptime-kuma'],
    ['https://kuma.example.com/api/push/AbCdEf123', 'uptime-kuma']
  ])('%s → %s', (url, style) => {
    expect(heartbeatStyle(url)).toBe(style)
  })
})

describe('Healthchecks.io style', () => {
  it('start, success and failure go to /start, the bare URL and /fail with a text body', () => {
    const start = heartbeatRequest(HC, 'start')
    expect(start).toMatchObject({ method: 'POST', url: `${HC}/start` })
    const success = heartbeatRequest(HC, 'success', event())
    expect(success?.url).toBe(HC)
    expect(success?.headers?.['content-type']).toMatch(/^text\/plain/)
    expect(success?.body).toContain('home.example.com A: 198.51.100.4 → 198.51.100.7 (updated)')
    const failure = heartbeatRequest(HC, 'failure', event({ outcome: 'failed', error: 'Denied' }))
    expect(failure?.url).toBe(`${HC}/fail`)
    expect(failure?.body).toContain('Error: Denied')
  })
  it('keeps a query (e.g. ?create=1) and a trailing slash does not double', () => {
    expect(heartbeatRequest('https://hc-ping.com/KEY/slug?create=1', 'failure', event())?.url).toBe(
      'https://hc-ping.com/KEY/slug/fail?create=1'
    )
    expect(heartbeatRequest(`${HC}/`, 'start')?.url).toBe(`${HC}/start`)
  })
  it('the body stays short', () => {
    const req = heartbeatRequest(
      HC,
      'failure',
      event({ outcome: 'failed', error: 'x'.repeat(9000) })
    )
    expect(req?.body?.length).toBeLessThanOrEqual(MAX_PING_BODY)
  })
})

describe('Uptime Kuma push style', () => {
  it('has no start signal', () => {
    expect(heartbeatRequest(KUMA, 'start')).toBeUndefined()
  })
  it('success is status=up, failure status=down, each with msg; Kuma’s own defaults replaced', () => {
    const up = new URL(heartbeatRequest(KUMA, 'success', event())!.url)
    expect(up.pathname).toBe('/api/push/AbCdEf123')
    expect(up.searchParams.getAll('status')).toEqual(['up'])
    expect(up.searchParams.get('msg')).toContain('1 record changed')
    expect(up.searchParams.has('ping')).toBe(false)
    const down = new URL(
      heartbeatRequest(KUMA, 'failure', event({ outcome: 'failed', error: 'y'.repeat(900) }))!.url
    )
    expect(down.searchParams.get('status')).toBe('down')
    expect(down.searchParams.get('msg')?.length).toBeLessThanOrEqual(MAX_KUMA_MSG)
    expect(heartbeatRequest(KUMA, 'success', event())?.method).toBe('GET')
  })
})
