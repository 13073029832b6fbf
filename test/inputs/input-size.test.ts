import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import {
  MAX_HOSTNAMES,
  MAX_INPUT_LENGTH,
  parseInputs,
  type InputName
} from '../../src/inputs/inputs.js'
import { standInClient } from '../helpers/client.js'
import { NO_WAIT } from '../helpers/timing.js'
import { update } from '../../src/core/update.js'

const parse = (inputs: Record<string, string>) =>
  parseInputs((name: InputName) => inputs[name] ?? '', { machine: 'web1', env: {} })
const names = (n: number, zone: string): string[] =>
  Array.from({ length: n }, (_, i) => `host-${i}.${zone}`)
const logger = { info: () => undefined, warning: () => undefined, debug: () => undefined }

describe('input size limits', () => {
  it('accepts the maximum number of hostnames', () => {
    const c = parse({
      hostname: names(MAX_HOSTNAMES, 'example.com').join('\n'),
      ip: '198.51.100.7'
    })
    expect(c.hostnames).toHaveLength(MAX_HOSTNAMES)
  })

  it('rejects one more, and an over-long input, naming the input and the limit', () => {
    expect(() =>
      parse({ hostname: names(MAX_HOSTNAMES + 1, 'example.com').join(','), ip: '198.51.100.7' })
    ).toThrow(`Input 'hostname': has ${MAX_HOSTNAMES + 1} names (at most ${MAX_HOSTNAMES})`)
    expect(() => parse({ hostname: 'a'.repeat(MAX_INPUT_LENGTH + 1), ip: '198.51.100.7' })).toThrow(
      `(at most ${MAX_INPUT_LENGTH})`
    )
    expect(() =>
      parse({ hostname: 'a.example.com', 'host-map': `x = ${'y'.repeat(MAX_INPUT_LENGTH)}` })
    ).toThrow(/^Input 'host-map'/)
  })

  it('keeps error messages short whatever the input', () => {
    let message = ''
    try {
      parse({ hostname: `${'x'.repeat(60_000)}$.example.com`, ip: '198.51.100.7' })
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).toMatch(/^Input 'hostname': /)
    expect(message.length).toBeLessThan(200)
  })

  it.each([
    ['internationalised name', 'bücher.example.com', 'xn--bcher-kva.example.com'],
    ['emoji label', '😀.example.com', 'xn--e28h.example.com'],
    ['full-width dots and letters', 'ｗｗｗ．example.com', 'www.example.com']
  ])('writes an %s as punycode', (_label, written, want) => {
    expect(parse({ hostname: written, ip: '198.51.100.7' }).hostnames).toEqual([want])
  })

  it.each([
    ['a right-to-left override', 'a\u202eb.example.com'],
    ['a zero-width joiner alone', '\u200d.example.com'],
    ['a lone surrogate', 'a\ud800.example.com'],
    ['a control character inside a label', 'a\u0007b.example.com']
  ])('rejects %s with printable text', (_label, written) => {
    let message = ''
    try {
      parse({ hostname: written, ip: '198.51.100.7' })
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).toMatch(/^Input 'hostname': /)
    expect(message).toMatch(/^[\x20-\x7e…–]*$/)
  })
})

describe('hundreds of names against the stand-in', () => {
  let standIn: StandIn
  let zoneId: string
  beforeAll(async () => {
    standIn = await startStandIn({ rateLimit: false })
    zoneId = standIn.addZone({ name: 'big.example.com' })
  })
  afterAll(async () => standIn?.close())

  const client = () => standInClient(standIn)

  it('writes 1000 names in one read and as few batches as the limits allow', async () => {
    const c = parse({
      hostname: names(1000, 'big.example.com').join('\n'),
      ip: '198.51.100.7, 198.51.100.8',
      'hosted-zone-id': zoneId
    })
    const out = await update(c, { logger, client: client(), timing: NO_WAIT })
    expect(out.error).toBeUndefined()
    expect(out.report.records.filter((r) => r.result === 'created')).toHaveLength(1000)
    expect(standIn.count('ListResourceRecordSets')).toBe(1)
    // 2000 values: two batches of at most 1000 ResourceRecord elements.
    expect(standIn.count('ChangeResourceRecordSets')).toBe(2)
    expect(out.report.changeIds).toHaveLength(2)

    standIn.resetLog()
    const again = await update(c, { logger, client: client(), timing: NO_WAIT })
    expect(again.report.changed).toBe(false)
    // 1000 names plus SOA and NS: the reads page through the zone, 300 sets at a time.
    expect(standIn.count('ListResourceRecordSets')).toBe(Math.ceil(1002 / 300))
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })
})
