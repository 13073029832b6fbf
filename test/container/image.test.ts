// The real Dockerfile, built with podman on an offline stand-in of its distroless base
// (build-base.sh), run the way the README recommends: read-only root file system, every capability
// dropped, no new privileges, the host's network (the Route 53 stand-in listens on
// loopback). Run by `npm run test:container` (a step of .ci/run), not by `npm test`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { ROOT } from '../helpers/run-action.js'
import pkg from '../../package.json' with { type: 'json' }
import {
  BASE,
  IMAGE,
  buildImage,
  envFile,
  freeMetrics,
  podman,
  removeContainers,
  runArgs,
  unavailable
} from './podman.js'

const missing = unavailable()
if (missing && process.env.CI === 'true') throw new Error(`container tests cannot run: ${missing}`)
if (missing) console.warn(`test/container/image.test.ts: skipped: ${missing}`)

type Event = Record<string, unknown> & { event: string }
const jsonLines = (text: string): Event[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Event)

describe.skipIf(missing !== undefined)('the container image', () => {
  let base = ''
  let standIn: StandIn
  let zoneId = ''
  let env = ''
  const names: string[] = []
  const container = (label: string): string => {
    const name = `r53-test-${label}-${process.pid}`
    names.push(name)
    return name
  }
  const values = (name: string): string[] | undefined =>
    standIn
      .records(zoneId)
      .find((s) => s.Name === `${name}.` && s.Type === 'A')
      ?.ResourceRecords?.map((r) => r.Value ?? '')

  beforeAll(async () => {
    base = buildImage()
    standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
    zoneId = standIn.addZone({ name: 'example.com' })
    const s = standIn.env()
    env = envFile({
      ROUTE53_DDNS_HOSTED_ZONE_ID: zoneId,
      AWS_ENDPOINT_URL_ROUTE_53: s.AWS_ENDPOINT_URL_ROUTE_53 ?? '',
      AWS_REGION: s.AWS_REGION ?? '',
      AWS_ACCESS_KEY_ID: s.AWS_ACCESS_KEY_ID ?? '',
      AWS_SECRET_ACCESS_KEY: s.AWS_SECRET_ACCESS_KEY ?? ''
    })
  }, 300_000)
  afterAll(async () => {
    await removeContainers(names)
    await standIn?.close()
  })

  it('is the bundle on the base: uid 65532, the CLI as entrypoint, watch by default, OCI labels', async () => {
    const inspect = async (image: string) =>
      JSON.parse((await podman(['image', 'inspect', image])).stdout)[0] as {
        Size: number
        Config: {
          User: string
          Entrypoint: string[]
          Cmd: string[]
          Labels: Record<string, string>
        }
      }
    const [mine, theirs] = await Promise.all([inspect(IMAGE), inspect(base)])
    expect(BASE).toBe('gcr.io/distroless/nodejs24-debian13:nonroot')
    expect(mine.Config.User).toBe('65532:65532')
    expect(mine.Config.Entrypoint).toEqual(['/nodejs/bin/node', '/app/index.js'])
    expect(mine.Config.Cmd).toEqual(['watch'])
    expect(mine.Config.Labels).toMatchObject({
      'org.opencontainers.image.title': 'route53-ddns',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.base.name': BASE
    })
    const bundle = readdirSync(join(ROOT, 'dist/cli')).reduce(
      (sum, f) => sum + statSync(join(ROOT, 'dist/cli', f)).size,
      0
    )
    const added = mine.Size - theirs.Size
    console.log(
      `image size: base stand-in ${theirs.Size} B, image ${mine.Size} B, added ${added} B (dist/cli ${bundle} B)`
    )
    // The image adds the bundle and nothing else (layer metadata: a few kB).
    expect(added).toBeGreaterThanOrEqual(bundle)
    expect(added).toBeLessThan(bundle + 64 * 1024)
  })

  it('runs --version and policy', async () => {
    const version = await podman(['run', '--rm', '--network', 'none', IMAGE, '--version'])
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` })
    const policy = await podman([
      'run',
      '--rm',
      '--network',
      'none',
      IMAGE,
      'policy',
      '--hostname',
      'home.example.com',
      '--hosted-zone-id',
      'Z0123456789ABCDEFGHIJ'
    ])
    expect(policy.code, policy.stderr).toBe(0)
    // A comment line, then the policy document.
    const doc = policy.stdout.slice(policy.stdout.indexOf('{'), policy.stdout.indexOf('\n}\n') + 2)
    expect(JSON.parse(doc)).toMatchObject({
      Version: '2012-10-17',
      Statement: expect.arrayContaining([
        expect.objectContaining({ Action: 'route53:ChangeResourceRecordSets' })
      ])
    })
  })

  it('has no shell and no package manager', async () => {
    const sh = await podman([
      'run',
      '--rm',
      '--network',
      'none',
      '--entrypoint',
      '/bin/sh',
      IMAGE,
      '-c',
      'true'
    ])
    expect(sh.code).not.toBe(0)
    expect(sh.stderr).toMatch(/no such file or directory|not found/i)
    const look = await podman([
      'run',
      '--rm',
      '--network',
      'none',
      '--entrypoint',
      '/nodejs/bin/node',
      IMAGE,
      '-p',
      `['/bin/sh','/usr/bin/sh','/bin/bash','/usr/bin/dash','/usr/bin/apt-get','/usr/bin/dpkg','/busybox'].filter((p) => require('fs').existsSync(p)).join()`
    ])
    expect(look).toMatchObject({ code: 0, stdout: '\n' })
  })

  it('runs as 65532 with no capabilities and nothing writable, not even /tmp', async () => {
    const probe = [
      "const fs = require('fs')",
      "const cap = /CapEff:\\s*(\\w+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]",
      "const tryWrite = (p) => { try { fs.writeFileSync(p, 'x'); return 'written' } catch (e) { return e.code } }",
      "console.log(JSON.stringify({ uid: process.getuid(), gid: process.getgid(), cap, app: tryWrite('/app/x'), home: tryWrite('/home/nonroot/x'), tmp: tryWrite('/tmp/x') }))"
    ].join('\n')
    const ran = await podman([
      ...runArgs(container('probe'), env, ['--rm', '--entrypoint', '/nodejs/bin/node']),
      IMAGE,
      '-e',
      probe
    ])
    expect(ran.code, ran.stderr).toBe(0)
    expect(JSON.parse(ran.stdout)).toEqual({
      uid: 65532,
      gid: 65532,
      cap: '0000000000000000',
      app: 'EROFS',
      home: 'EROFS',
      tmp: 'EROFS'
    })
  })

  it('one-shot: creates the record, then reports it unchanged (read-only, no capabilities)', async () => {
    const name = 'oneshot.example.com'
    const once = () =>
      podman([
        ...runArgs(container(`once${Date.now()}`), env, ['--rm']),
        IMAGE,
        '--hostname',
        name,
        '--ip',
        '198.51.100.7',
        '--json'
      ])
    const first = await once()
    expect(first.code, first.stderr).toBe(0)
    expect(JSON.stringify(JSON.parse(first.stdout))).toContain('"result":"created"')
    expect(values(name)).toEqual(['198.51.100.7'])
    const second = await once()
    expect(second.code, second.stderr).toBe(0)
    expect(JSON.stringify(JSON.parse(second.stdout))).toContain('"result":"unchanged"')
    expect(standIn.count('ChangeResourceRecordSets')).toBe(1)
  }, 60_000)

  it('one-shot: podman stop while Route 53 hangs ends it with 143 (Node as PID 1 handles SIGTERM)', async () => {
    const name = container('hang')
    standIn.inject({ operation: 'ListResourceRecordSets', error: 'Hang', times: 100 })
    // Stop once the program is running (its handlers set): the hanging read is in flight.
    standIn.resetLog()
    try {
      const started = await podman([
        ...runArgs(name, env, ['--detach']),
        IMAGE,
        '--hostname',
        'hang.example.com',
        '--ip',
        '198.51.100.8'
      ])
      expect(started.code, started.stderr).toBe(0)
      const end = Date.now() + 20_000
      while (!standIn.requests.some((r) => r.operation === 'ListResourceRecordSets')) {
        if (Date.now() > end) break
        await new Promise((r) => setTimeout(r, 100))
      }
      const stopping = Date.now()
      const stop = await podman(['stop', '--time', '10', name])
      const took = Date.now() - stopping
      expect(stop.code, stop.stderr).toBe(0)
      const inspected = await podman(['inspect', '--format', '{{.State.ExitCode}}', name])
      const logs = await podman(['logs', name])
      expect(inspected.stdout.trim(), logs.stderr).toBe('143')
      expect(took).toBeLessThan(9_000)
      expect(logs.stderr).toMatch(/SIGTERM/)
    } finally {
      standIn.clearFaults()
    }
  }, 60_000)
})

describe.skipIf(missing !== undefined)('the container in watch mode', () => {
  let standIn: StandIn
  let zoneId = ''
  let env = ''
  const name = `r53-test-watch-${process.pid}`
  beforeAll(async () => {
    buildImage()
    standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
    zoneId = standIn.addZone({ name: 'example.com' })
    const s = standIn.env()
    env = envFile({
      ROUTE53_DDNS_HOSTED_ZONE_ID: zoneId,
      ROUTE53_DDNS_HOSTNAME: 'watch.example.com',
      ROUTE53_DDNS_METRICS: await freeMetrics(),
      AWS_ENDPOINT_URL_ROUTE_53: s.AWS_ENDPOINT_URL_ROUTE_53 ?? '',
      AWS_REGION: s.AWS_REGION ?? '',
      AWS_ACCESS_KEY_ID: s.AWS_ACCESS_KEY_ID ?? '',
      AWS_SECRET_ACCESS_KEY: s.AWS_SECRET_ACCESS_KEY ?? ''
    })
  }, 300_000)
  afterAll(async () => {
    await removeContainers([name])
    await standIn?.close()
  })

  const valuesOf = (host: string): string[] | undefined =>
    standIn
      .records(zoneId)
      .find((s) => s.Name === `${host}.` && s.Type === 'A')
      ?.ResourceRecords?.map((r) => r.Value ?? '')
  const values = (): string[] | undefined => valuesOf('watch.example.com')
  const until = async (test: () => boolean, ms: number): Promise<void> => {
    const end = Date.now() + ms
    while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
  }

  it('follows a change; podman stop deletes the record (--delete-on-stop) and exits 0 well before the kill', async () => {
    // The address comes from a command reading a file the test rewrites (public detection
    // allows no interval under 30 s; the image has no cat: node reads it).
    const data = mkdtempSync(join(tmpdir(), 'r53-address-'))
    chmodSync(data, 0o755)
    writeFileSync(join(data, 'address'), '8.8.8.8\n', { mode: 0o644 })
    const read = "process.stdout.write(require('fs').readFileSync('/data/address', 'utf8'))"
    const started = await podman([
      ...runArgs(name, env, ['--detach', '--volume', `${data}:/data:ro`]),
      IMAGE,
      'watch',
      '--ip-source',
      'command',
      '--ip-command',
      JSON.stringify(['/nodejs/bin/node', '-e', read]),
      '--interval',
      '1',
      '--delete-on-stop',
      '--json'
    ])
    expect(started.code, started.stderr).toBe(0)
    await until(() => values()?.[0] === '8.8.8.8', 20_000)
    expect(values()).toEqual(['8.8.8.8'])
    writeFileSync(join(data, 'address'), '8.8.4.4\n')
    await until(() => values()?.[0] === '8.8.4.4', 20_000)
    expect(values()).toEqual(['8.8.4.4'])

    const stopping = Date.now()
    const stop = await podman(['stop', '--time', '10', name])
    const took = Date.now() - stopping
    expect(stop.code, stop.stderr).toBe(0)
    const state = JSON.parse((await podman(['inspect', name])).stdout)[0] as {
      State: { ExitCode: number }
    }
    const logs = await podman(['logs', name])
    expect(state.State.ExitCode, logs.stderr).toBe(0)
    expect(took).toBeLessThan(9_000)
    expect(values()).toBeUndefined()
    const events = jsonLines(logs.stdout)
    expect(events.at(-1)).toMatchObject({ event: 'stop', signal: 'SIGTERM' })
    expect(events.some((e) => e.event === 'change' && e.result === 'deleted')).toBe(true)
  }, 90_000)

  it('podman stop while Route 53 hangs on the delete: the stop bound ends it, exit 1, before the kill', async () => {
    const hung = `${name}-hang`
    const data = mkdtempSync(join(tmpdir(), 'r53-address-'))
    chmodSync(data, 0o755)
    writeFileSync(join(data, 'address'), '8.8.8.8\n', { mode: 0o644 })
    const read = "process.stdout.write(require('fs').readFileSync('/data/address', 'utf8'))"
    try {
      const started = await podman([
        ...runArgs(hung, env, ['--detach', '--volume', `${data}:/data:ro`]),
        IMAGE,
        'watch',
        '--hostname',
        'watch-hang.example.com',
        '--ip-source',
        'command',
        '--ip-command',
        JSON.stringify(['/nodejs/bin/node', '-e', read]),
        '--interval',
        '1',
        '--delete-on-stop',
        '--json'
      ])
      expect(started.code, started.stderr).toBe(0)
      const created = () => valuesOf('watch-hang.example.com')?.[0] === '8.8.8.8'
      await until(created, 20_000)
      expect(created()).toBe(true)
      standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'Hang', times: 100 })

      const stopping = Date.now()
      const stop = await podman(['stop', '--time', '10', hung])
      const took = Date.now() - stopping
      expect(stop.code, stop.stderr).toBe(0)
      const code = await podman(['inspect', '--format', '{{.State.ExitCode}}', hung])
      const logs = await podman(['logs', hung])
      // Not 137 (killed): the watch gave up on the delete at its stop bound and said so.
      expect(code.stdout.trim(), logs.stderr).toBe('1')
      expect(took).toBeLessThan(10_000)
      expect(valuesOf('watch-hang.example.com')).toEqual(['8.8.8.8'])
      // The delete was sent and never answered: whether it was applied is not known, and the
      // watch says so rather than "not deleted".
      expect(jsonLines(logs.stdout).at(-1), logs.stdout).toMatchObject({
        event: 'stop',
        signal: 'SIGTERM',
        deleted: 'unknown'
      })
    } finally {
      standIn.clearFaults()
      await removeContainers([hung])
    }
  }, 90_000)
})

describe.skipIf(missing !== undefined)('the container health check', () => {
  let standIn: StandIn
  let zoneId = ''
  let env = ''
  const name = `r53-test-health-${process.pid}`
  beforeAll(async () => {
    buildImage()
    standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
    zoneId = standIn.addZone({ name: 'example.com' })
    const s = standIn.env()
    env = envFile({
      ROUTE53_DDNS_HOSTED_ZONE_ID: zoneId,
      ROUTE53_DDNS_HOSTNAME: 'health.example.com',
      ROUTE53_DDNS_IP: '198.51.100.10',
      ROUTE53_DDNS_METRICS: await freeMetrics(),
      AWS_ENDPOINT_URL_ROUTE_53: s.AWS_ENDPOINT_URL_ROUTE_53 ?? '',
      AWS_REGION: s.AWS_REGION ?? '',
      AWS_ACCESS_KEY_ID: s.AWS_ACCESS_KEY_ID ?? '',
      AWS_SECRET_ACCESS_KEY: s.AWS_SECRET_ACCESS_KEY ?? ''
    })
  }, 300_000)
  afterAll(async () => {
    await removeContainers([name])
    await standIn?.close()
  })

  const check = () => podman(['healthcheck', 'run', name])
  const until = async (test: () => Promise<boolean>, ms: number): Promise<boolean> => {
    const end = Date.now() + ms
    while (Date.now() < end) {
      if (await test()) return true
      await new Promise((r) => setTimeout(r, 1000))
    }
    return false
  }

  it('the image declares it (exec form, no shell) and turns the watch’s endpoint on, on loopback only', async () => {
    const image = JSON.parse((await podman(['image', 'inspect', IMAGE])).stdout)[0] as {
      Healthcheck?: { Test: string[]; Timeout: number }
      Config: { Env: string[] }
    }
    expect(image.Healthcheck?.Test).toEqual(['CMD', '/nodejs/bin/node', '/app/index.js', 'health'])
    // Longer than `health` waits (5 s), so the check ends by itself and says why.
    expect(image.Healthcheck?.Timeout).toBe(10e9)
    expect(image.Config.Env).toContain('ROUTE53_DDNS_METRICS=127.0.0.1:9101')
  })

  it('passes while in sync, fails once Route 53 stops answering', async () => {
    const started = await podman([
      ...runArgs(name, env, ['--detach']),
      IMAGE,
      'watch',
      '--interval',
      '1',
      '--refresh',
      '1'
    ])
    expect(started.code, started.stderr).toBe(0)
    expect(await until(async () => (await check()).code === 0, 30_000)).toBe(true)
    const healthy = await podman(['inspect', '--format', '{{.State.Health.Status}}', name])
    expect(healthy.stdout.trim()).toBe('healthy')

    // Every Route 53 request now fails; the watch stays up, and after its window it is unhealthy.
    standIn.inject({ error: 'ServiceUnavailable', times: 100_000 })
    expect(await until(async () => (await check()).code !== 0, 100_000)).toBe(true)
    const unhealthy = await check()
    expect(unhealthy.code).not.toBe(0)
    const logs = await podman(['logs', name])
    expect(logs.stderr).toMatch(/ServiceUnavailable|unavailable|503/i)
  }, 180_000)
})
