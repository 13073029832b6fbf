// dist/index.js with set-identifier: machines sharing one name, each owning its member.
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from './stand-in/index.js'
import { ROOT, runAction } from './helpers/run-action.js'

let standIn: StandIn
let zoneId: string
let n = 0
let pool: string

beforeAll(async () => {
  if (!existsSync(`${ROOT}/dist/index.js`))
    throw new Error('dist/index.js is missing: run npm run package')
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
  zoneId = standIn.addZone({ name: 'fleet.example.com' })
})
afterAll(async () => standIn?.close())
beforeEach(() => {
  pool = `pool${++n}.fleet.example.com`
  standIn.resetLog()
})

const machine = (id: string, ip: string, extra: Record<string, string> = {}) =>
  runAction({
    inputs: { hostname: pool, 'hosted-zone-id': zoneId, ip, 'set-identifier': id, ...extra },
    env: standIn.env()
  })

const members = (): string[] =>
  standIn
    .records(zoneId)
    .filter((s) => s.Name === `${pool}.`)
    .map(
      (s) => `${s.SetIdentifier ?? '(simple)'}=${s.ResourceRecords?.map((r) => r.Value).join(',')}`
    )

const writes = (): number => standIn.count('ChangeResourceRecordSets')

describe('dist/index.js with set-identifier (Node 24)', () => {
  it('two machines alternating runs each keep their own member', async () => {
    const a1 = await machine('pi-garage', '198.51.100.1')
    expect(a1.code, a1.stdout + a1.stderr).toBe(0)
    const b1 = await machine('nas', '198.51.100.2')
    expect(b1.code, b1.stdout + b1.stderr).toBe(0)
    expect(JSON.parse(b1.outputs.records ?? '[]')).toMatchObject([
      { name: pool, type: 'A', setIdentifier: 'nas', result: 'created' }
    ])
    expect(b1.summary).toContain('<h3>Multivalue members</h3>')
    expect(b1.summary).toContain(
      '<td><code>nas</code></td><td>created</td><td>1: <code>pi-garage</code></td>'
    )

    const a2 = await machine('pi-garage', '198.51.100.11')
    expect(a2.code).toBe(0)
    expect(JSON.parse(a2.outputs.records ?? '[]')[0]).toMatchObject({
      setIdentifier: 'pi-garage',
      result: 'updated',
      before: ['198.51.100.1'],
      after: ['198.51.100.11']
    })
    standIn.resetLog()
    const b2 = await machine('nas', '198.51.100.2')
    expect(b2.code).toBe(0)
    expect(b2.outputs.changed).toBe('false')
    expect(standIn.requests.filter((r) => r.service === 'route53').map((r) => r.operation)).toEqual(
      ['ListResourceRecordSets']
    )
    expect(members()).toEqual(['nas=198.51.100.2', 'pi-garage=198.51.100.11'])
  })

  it('refuses a name holding a simple record, writing nothing', async () => {
    standIn.seed(zoneId, {
      Name: pool,
      Type: 'A',
      TTL: 300,
      ResourceRecords: [{ Value: '203.0.113.1' }]
    })
    const run = await machine('pi-garage', '198.51.100.1')
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(
      /holds a simple record; refusing to add this machine's multivalue answer record \(set-identifier 'pi-garage'\)/
    )
    expect(writes()).toBe(0)
    expect(members()).toEqual(['(simple)=203.0.113.1'])
  })

  it('without set-identifier, refuses a multivalue name naming its members', async () => {
    await machine('nas', '198.51.100.2')
    standIn.resetLog()
    const run = await runAction({
      inputs: { hostname: pool, 'hosted-zone-id': zoneId, ip: '198.51.100.1' },
      env: standIn.env()
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain("holds multivalue answer records (identifiers 'nas')")
    expect(writes()).toBe(0)
  })

  it('state absent removes only this machine, and nine members draw a warning', async () => {
    for (let i = 0; i < 8; i++) {
      standIn.seed(zoneId, {
        Name: pool,
        Type: 'A',
        SetIdentifier: `m${i}`,
        MultiValueAnswer: true,
        TTL: 300,
        ResourceRecords: [{ Value: `192.0.2.${i + 1}` }]
      })
    }
    const join = await machine('pi-garage', '198.51.100.1')
    expect(join.code).toBe(0)
    expect(join.stdout).toMatch(/::warning::.*has 9 multivalue members.*sees only 8/)
    expect(join.summary).toMatch(/<strong>Warning:<\/strong> .* has 9 multivalue members/)
    const leave = await machine('pi-garage', '', { state: 'absent' })
    expect(leave.code, leave.stdout + leave.stderr).toBe(0)
    expect(JSON.parse(leave.outputs.records ?? '[]')[0]).toMatchObject({
      setIdentifier: 'pi-garage',
      result: 'deleted'
    })
    expect(leave.stdout).not.toMatch(/::warning::/)
    expect(members()).toHaveLength(8)
    expect(members().some((m) => m.startsWith('pi-garage'))).toBe(false)
  })
})
