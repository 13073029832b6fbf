// A short soak (test/helpers/soak.ts; `npm run bench` runs the long one): days of simulated watch
// with faults mixed in; every change written in time, nothing wrong after recovery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { soak } from '../../helpers/soak.js'
import { useStandInEnv } from '../../helpers/stand-in-env.js'

let standIn: StandIn
let zoneId: string
let restoreEnv = (): void => undefined

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
  zoneId = standIn.addZone({ name: 'example.com' })
  restoreEnv = useStandInEnv(standIn)
})
afterAll(async () => {
  restoreEnv()
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
