// A short soak (test/helpers/soak.ts; `npm run bench` runs the long one): days of simulated watch
// with faults mixed in; every change written in time, nothing wrong after recovery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { soak } from '../../helpers/soak.js'

let standIn: StandIn
let zoneId: string
const saved = { ...process.env }

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
  zoneId = standIn.addZone({ name: 'example.com' })
  const home = mkdtempSync(join(tmpdir(), 'r53-soak-'))
  Object.assign(process.env, standIn.env(), {
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials')
  })
  delete process.env.AWS_PROFILE
})
afterAll(async () => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
  Object.assign(process.env, saved)
  await standIn?.close()
})

describe('watch soak (short)', () => {
  it('5,000 ticks of 30 s with faults: every change in time, no wrong record after an update', async () => {
    const r = await soak(standIn, zoneId, { ticks: 5000, intervalS: 30, seed: 7 })
    expect(r.ticks).toBe(5000)
    expect(r.simulatedMs).toBeGreaterThan(40 * 3600 * 1000)
    // The run had something to survive.
    expect(r.changes).toBeGreaterThan(5)
    expect(r.edits).toBeGreaterThan(3)
    expect(r.failures).toBeGreaterThan(0)
    expect(r.publishViolations).toEqual([])
    expect(r.wrongAfterUpdate).toBe(0)
    expect(r.foreignWrites).toBe(0)
    expect(r.finalCorrect).toBe(true)
    // An edit is corrected at the next hourly read, or sooner.
    expect(r.correctionViolations).toEqual([])
  }, 30_000)
})
