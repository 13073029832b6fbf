// One end-to-end run of the bundled CLI in watch mode (Node 24, as action.yml declares): command
// detection (a 1 s interval is refused for public detection) whose answer changes mid-run, writes
// to the stand-in, metrics and health served (prom-client loaded from its lazy chunk), asked by
// the bundle's `health`, stopped with SIGTERM, exit 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { missingBundle } from '../../helpers/bundle.js'
import { NODE24, ROOT } from '../../helpers/run-action.js'

const BUNDLE = process.env.CLI_BUNDLE ?? join(ROOT, 'dist/cli/index.js')
const built = !missingBundle(BUNDLE)

type Event = Record<string, unknown> & { event: string }

describe.skipIf(!built)('node dist/cli/index.js watch', () => {
  let standIn: StandIn
  let zoneId: string
  beforeAll(async () => {
    standIn = await startStandIn({ rateLimit: false })
    zoneId = standIn.addZone({ name: 'example.com' })
  })
  afterAll(async () => {
    await standIn?.close()
  })

  it('follows the address when it changes, serves metrics and health, and exits 0 on SIGTERM', async () => {
    const name = 'watch-e2e.example.com'
    const home = mkdtempSync(join(tmpdir(), 'r53-watch-e2e-'))
    const answer = join(home, 'address')
    writeFileSync(answer, '8.8.8.8\n')
    const child = spawn(
      NODE24,
      [
        BUNDLE,
        'watch',
        '--hostname',
        name,
        '--ip-source',
        'command',
        '--ip-command',
        JSON.stringify(['/bin/cat', answer]),
        '--interval',
        '1',
        '--metrics',
        '127.0.0.1:0',
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

      const metrics = String(events[0]?.metrics)
      const scrape = await (await fetch(`${metrics}/metrics`)).text()
      expect(scrape).toMatch(
        /^route53_ddns_published_address_info\{name="watch-e2e\.example\.com",type="A",address="8\.8\.8\.8"\} 1$/m
      )
      const health = spawnSync(NODE24, [BUNDLE, 'health'], {
        env: { PATH: process.env.PATH ?? '', ROUTE53_DDNS_METRICS: new URL(metrics).host },
        encoding: 'utf8',
        timeout: 10_000
      })
      expect(health.status, health.stderr).toBe(0)
      expect(health.stdout).toMatch(/\/healthz: HTTP 200: ok: last successful check \d+ s ago/)

      standIn.resetLog()
      writeFileSync(answer, '8.8.4.4\n')
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

/** The bundle in watch mode with a given address and --json; its events, and how it exited. */
function startWatch(standIn: StandIn, zoneId: string, args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'r53-watch-e2e-'))
  const child = spawn(NODE24, [BUNDLE, 'watch', '--ip', '203.0.113.7', '--json', ...args], {
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
  })
  const out = { stdout: '', stderr: '' }
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()))
  const events = (): Event[] =>
    out.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Event)
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  void exited.then(() => clearTimeout(killer))
  const until = async (test: (e: Event) => boolean): Promise<void> => {
    while (!events().some(test)) {
      if (child.exitCode !== null) throw new Error(`exited early: ${out.stderr}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  return { child, out, events, exited, until }
}

describe.skipIf(!built)('node dist/cli/index.js watch: stopping', () => {
  let standIn: StandIn
  let zoneId: string
  beforeAll(async () => {
    standIn = await startStandIn({ rateLimit: false })
    zoneId = standIn.addZone({ name: 'example.com' })
  })
  afterAll(async () => {
    await standIn?.close()
  })
  const values = (name: string): string[] | undefined =>
    standIn
      .records(zoneId)
      .find((s) => s.Name === `${name}.` && s.Type === 'A')
      ?.ResourceRecords?.map((r) => r.Value ?? '')

  it('SIGHUP (a closed terminal) is a stop: --delete-on-stop runs, exit 0', async () => {
    const name = 'watch-hup.example.com'
    const w = startWatch(standIn, zoneId, ['--hostname', name, '--delete-on-stop'])
    try {
      await w.until((e) => e.event === 'change' && e.reason === 'start')
      expect(values(name)).toEqual(['203.0.113.7'])
      w.child.kill('SIGHUP')
      expect(await w.exited, w.out.stderr).toBe(0)
      expect(w.events().at(-1)).toMatchObject({ event: 'stop', signal: 'SIGHUP', deleted: true })
      expect(values(name)).toBeUndefined()
    } finally {
      w.child.kill('SIGKILL')
    }
  }, 40_000)

  it('SIGTERM with Route 53 hanging at the delete: exit 1 within --stop-timeout, saying so', async () => {
    const name = 'watch-stop-hangs.example.com'
    const w = startWatch(standIn, zoneId, [
      '--hostname',
      name,
      '--delete-on-stop',
      '--stop-timeout',
      '2'
    ])
    try {
      await w.until((e) => e.event === 'change' && e.reason === 'start')
      standIn.inject({ operation: 'ListResourceRecordSets', error: 'Hang', times: 100 })
      const sent = performance.now()
      w.child.kill('SIGTERM')
      expect(await w.exited).toBe(1)
      const took = performance.now() - sent
      expect(took).toBeGreaterThan(1_900)
      expect(took).toBeLessThan(4_000)
      expect(w.out.stdout + w.out.stderr).toMatch(
        /did not answer within the stop bound of 2 s \(--stop-timeout\)/
      )
      expect(w.events().at(-1)).toMatchObject({ event: 'stop', signal: 'SIGTERM', deleted: false })
      expect(values(name)).toEqual(['203.0.113.7'])
    } finally {
      w.child.kill('SIGKILL')
    }
  }, 40_000)
})
