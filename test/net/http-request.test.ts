// The run's one bounded request, against a loopback server: what it resolves with and each way it
// rejects. Proxies: request.test.ts.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AnswerTooLarge,
  NotText,
  RequestTimeout,
  httpRequest,
  type HttpAnswer
} from '../../src/net/request.js'

let server: http.Server
let base: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    switch (req.url) {
      case '/teapot':
        res.writeHead(418, { 'x-kind': 'teapot' }).end('short and stout')
        return
      case '/big':
        res.writeHead(302, { location: '/elsewhere' }).end('x'.repeat(1000))
        return
      case '/latin1':
        res.writeHead(200).end(Buffer.from([0x63, 0x61, 0x66, 0xe9])) // "café" in Latin-1
        return
      case '/hang':
        return // never answers
      case '/stall':
        res.writeHead(200).write('a start') // and never ends
        return
      default:
        res.writeHead(200).end(`${req.method} ${req.headers['user-agent']}`)
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
})

async function rejection(p: Promise<HttpAnswer>): Promise<Error> {
  return p.then(
    () => {
      throw new Error('expected a rejection')
    },
    (err: Error) => err
  )
}

describe('httpRequest', () => {
  it('resolves any HTTP status with its headers and body', async () => {
    const answer = await httpRequest(`${base}/teapot`)
    expect(answer).toMatchObject({ status: 418, body: 'short and stout' })
    expect(answer.headers?.['x-kind']).toBe('teapot')
  })

  // Vitest counts an uncaught exception as a failure: these also prove nothing crashes the process.
  it('rejects an answer over maxBytes, keeping its status and headers', async () => {
    const err = await rejection(httpRequest(`${base}/big`, { maxBytes: 100 }))
    expect(err).toBeInstanceOf(AnswerTooLarge)
    expect(err).toMatchObject({ status: 302, maxBytes: 100 })
    expect((err as AnswerTooLarge).headers.location).toBe('/elsewhere')
    expect(err.message).toBe(`${new URL(base).host} answered more than 100 bytes`)
  })

  it('with truncate, keeps the first maxBytes instead', async () => {
    const answer = await httpRequest(`${base}/big`, { maxBytes: 100, truncate: true })
    expect(answer.body).toBe('x'.repeat(100))
  })

  it('replaces bytes that are not UTF-8, or with strictText rejects them', async () => {
    expect((await httpRequest(`${base}/latin1`)).body).toBe('caf\ufffd')
    const err = await rejection(httpRequest(`${base}/latin1`, { strictText: true }))
    expect(err).toBeInstanceOf(NotText)
  })

  it('gives up on a server that does not answer within responseMs', async () => {
    const err = await rejection(
      httpRequest(`${base}/hang`, { timeouts: { connectMs: 1_000, responseMs: 100 } })
    )
    expect(err).toBeInstanceOf(RequestTimeout)
    expect(err.message).toMatch(/^no answer from 127\.0\.0\.1:\d+ within 0\.1 s$/)
  })

  it('is dropped by its signal, before or during the request', async () => {
    const before = await rejection(httpRequest(base, { signal: AbortSignal.abort() }))
    expect(before.name).toBe('AbortError')
    const during = await rejection(httpRequest(`${base}/hang`, { signal: AbortSignal.timeout(50) }))
    expect(during.name).toBe('AbortError')
    // Cut off mid-answer on a kept-alive connection: rejects, and nothing is left to crash the run.
    const midAnswer = await rejection(
      httpRequest(`${base}/stall`, { signal: AbortSignal.timeout(100) })
    )
    expect(midAnswer.name).toBe('AbortError')
  })

  it('with family, connects over that family only', async () => {
    const port = new URL(base).port
    // The server listens on 127.0.0.1 only: 'localhost' over IPv4 reaches it, over IPv6 it must
    // not fall back to IPv4.
    const v4 = await httpRequest(`http://localhost:${port}/`, { family: 4 })
    expect(v4).toMatchObject({ status: 200, body: 'GET route53-ddns' })
    const v6 = await rejection(httpRequest(`http://localhost:${port}/`, { family: 6 }))
    expect(v6).toBeInstanceOf(Error)
    expect(v6).not.toBeInstanceOf(RequestTimeout)
  })
})
