// One end-to-end run of the bundled CLI in watch mode (Node 24, as action.yml declares): public
// detection against loopback echo servers whose answer changes mid-run, writes to the stand-in,
// stopped with SIGTERM, exit 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { startEchoServers, type EchoServers } from '../../helpers/echo-servers.js'
import { NODE24, ROOT } from '../../helpers/run-action.js'

const BUNDLE = process.env.CLI_BUNDLE ?? join(ROOT, 'dist/cli/index.js')
const built = existsSync(BUNDLE)
if (!built) console.warn(`test/cli/watch.e2e.test.ts: skipped: ${BUNDLE} is missing`)

type Event = Record<string, unknown> & { event: string }

describe.skipIf(!built)('node dist/cli/index.js watch', () => {
  let standIn: StandIn
  let echo: EchoServers
  let zoneId: string
  beforeAll(async () => {
    standIn = await startStandIn({ rateLimit: false })
    zoneId = standIn.addZone({ name: 'example.com' })
    echo = await startEchoServers({ ipv4: '8.8.8.8' })
  })
  afterAll(async () => {
    await echo?.close()
    await standIn?.close()
  })

  it('follows the echo answer when it changes, and exits 0 on SIGTERM', async () => {
    const name = 'watch-e2e.example.com'
    const home = mkdtempSync(join(tmpdir(), 'r53-watch-e2e-'))
    const child = spawn(
      NODE24,
      [
        BUNDLE,
        'watch',
        '--hostname',
        name,
        '--ip-providers',
        `${echo.v4.ip},${echo.v4.ip2}`,
        '--interval',
        '1',
        '--json'
      ],
      {
        cwd: home,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: home,
          AWS_CONFIG_FILE: join(home, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
          AWS_EC2_METADATA_DISABLED: 'true',
          ROUTE53_DDNS_HOSTED_ZONE_ID: zoneId,
          ...standIn.env()
        }
      }
    )
    const events: Event[] = []
    let stderr = ''
    let buffered = ''
    const waiters: { test: (e: Event) => boolean; resolve: (e: Event) => void }[] = []
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines.filter(Boolean)) {
        const e = JSON.parse(line) as Event
        events.push(e)
        for (const w of waiters.filter((w) => w.test(e))) w.resolve(e)
      }
    })
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal }))
    )
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    const next = (test: (e: Event) => boolean): Promise<Event> =>
      new Promise((resolve) => {
        const seen = events.find(test)
        if (seen) resolve(seen)
        else waiters.push({ test, resolve })
      })
    const changedTo = (address: string) => (e: Event) =>
      e.event === 'change' && JSON.stringify(e.after) === JSON.stringify([address])

    try {
      const first = await next(changedTo('8.8.8.8'))
      expect(first).toMatchObject({ reason: 'start', name, type: 'A', result: 'created' })

      standIn.resetLog()
      echo.setAddress(4, '8.8.4.4')
      const second = await next(changedTo('8.8.4.4'))
      expect(second).toMatchObject({ reason: 'address', before: ['8.8.8.8'], result: 'updated' })
      expect(standIn.count('ListResourceRecordSets')).toBe(1)
      expect(standIn.count('ChangeResourceRecordSets')).toBe(1)

      child.kill('SIGTERM')
      const { code } = await exited
      expect(code, stderr).toBe(0)
      expect(events.at(-1)).toMatchObject({ event: 'stop', signal: 'SIGTERM' })
      expect(events[0]).toMatchObject({ event: 'start', intervalSeconds: 1 })
      expect(
        standIn
          .records(zoneId)
          .find((s) => s.Name === `${name}.` && s.Type === 'A')
          ?.ResourceRecords?.map((r) => r.Value)
      ).toEqual(['8.8.4.4'])
      expect(stderr).not.toMatch(/^error:/m)
    } finally {
      clearTimeout(killer)
      child.kill('SIGKILL')
    }
  }, 40_000)
})
