// Every run ends: requests that never answer time out and are retried, and the run's bound stops
// it naming what it waited for. In-process against the stand-in, with millisecond limits.
import { EventEmitter } from 'node:events'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { startEchoServers, type EchoServers } from '../helpers/echo-servers.js'
import { testConfig } from '../helpers/config.js'
import { update } from '../../src/core/update.js'
import { createRoute53Client } from '../../src/aws/route53.js'
import { assumeRoleWithOidc } from '../../src/aws/credentials.js'
import { detectAddresses } from '../../src/detect/index.js'
import {
  Lifecycle,
  RunStopped,
  cancelOnSignals,
  onStopSignals,
  runBoundMs,
  stopSignals
} from '../../src/core/lifecycle.js'
import type { Timeouts } from '../../src/net/request.js'
import type { Config, Logger } from '../../src/model/types.js'

let standIn: StandIn
let echo: EchoServers
let zoneId: string
let zname: string
const messages: string[] = []
const logger: Logger = {
  info: (m) => messages.push(`info ${m}`),
  warning: (m) => messages.push(`warning ${m}`),
  debug: () => undefined
}
const FAST: Timeouts = { connectMs: 200, responseMs: 150 }
/** For a retry that must then succeed: room for a slow answer on a busy machine. */
const RETRY: Timeouts = { connectMs: 1_000, responseMs: 500 }
/**
 * A bound that hangs reach, with room before it for what must answer first on a busy machine
 * (zone lookup, the OIDC token).
 */
const BOUND_MS = 1_500
/** Route 53 requests of this test's zone (a late request of an earlier test is not counted). */
const inZone = (operation: string): number =>
  standIn.requests.filter((r) => r.operation === operation && r.zoneId === zoneId).length
const lives: Lifecycle[] = []
const life = (boundMs: number): Lifecycle => {
  const l = new Lifecycle({ boundMs, graceMs: 50 })
  lives.push(l)
  return l
}

const client = (timeouts: Timeouts = FAST) => {
  const env = standIn.env()
  return createRoute53Client({
    region: 'us-east-1',
    endpoint: standIn.url,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID!,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY!
    },
    timeouts,
    timing: { backoff: () => 0 }
  })
}
const config = (over: Partial<Config> = {}): Config =>
  testConfig({ hostedZoneId: zoneId, hostnames: [`home.${zname}`], ...over })

const ROLE = 'arn:aws:iam::111122223333:role/ddns'
const oidc = {
  kind: 'oidc' as const,
  roleArn: ROLE,
  audience: 'sts.amazonaws.com',
  sessionName: 'test',
  durationSeconds: 900
}
const signIn = (stop?: Lifecycle, timeouts: Timeouts = FAST) =>
  assumeRoleWithOidc(oidc, {
    region: 'us-east-1',
    env: standIn.env(),
    setSecret: () => undefined,
    logger,
    timing: { sleep: async () => undefined, backoff: () => 0 },
    timeouts,
    ...(stop ? { stop } : {})
  })

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a failure')
}

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false, changeSyncMs: 50 })
  standIn.addRole({ arn: ROLE })
  echo = await startEchoServers()
  // One sign-in first: the lazily imported STS client and token path are loaded (and, under
  // vitest, transformed) on first use, which on a busy machine can take longer than a bound here.
  vi.stubEnv('AWS_ENDPOINT_URL_STS', standIn.url)
  await signIn(life(30_000), RETRY)
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await standIn.close()
  await echo.close()
})
beforeEach(() => {
  zname = `t${Math.random().toString(36).slice(2, 8)}.example.com`
  zoneId = standIn.addZone({ name: zname })
  standIn.resetLog()
  standIn.clearFaults()
  messages.length = 0
  // The STS client finds the stand-in as the action's does: by the standard endpoint variable.
  vi.stubEnv('AWS_ENDPOINT_URL_STS', standIn.url)
})
afterEach(() => {
  vi.unstubAllEnvs()
  for (const l of lives.splice(0)) l.close()
})

describe('the run bound', () => {
  it('is two minutes, plus wait-timeout when waiting for sync', () => {
    expect(runBoundMs({ waitForSync: false, waitTimeout: 300 })).toBe(120_000)
    expect(runBoundMs({ waitForSync: true, waitTimeout: 300 })).toBe(420_000)
  })

  it('stops a Route 53 read that never answers, naming it, and writes nothing', async () => {
    standIn.inject({ operation: 'ListResourceRecordSets', zoneId, error: 'Hang', times: 1000 })
    const started = Date.now()
    const out = await update(config(), { logger, client: client(), stop: life(BOUND_MS) })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(out.error).toBeInstanceOf(RunStopped)
    expect(out.error?.message).toBe(
      `ListResourceRecordSets on hosted zone ${zoneId} did not answer within the run's time bound of 1.5 s; nothing more was written.`
    )
    // It was asked (and, each time an attempt timed out, asked again) until the bound.
    expect(inZone('ListResourceRecordSets')).toBeGreaterThanOrEqual(1)
    expect(inZone('ChangeResourceRecordSets')).toBe(0)
    expect(out.report.records).toEqual([])
    expect(out.report.changed).toBe(false)
  })

  it('retries a read that timed out and succeeds when it answers', async () => {
    standIn.inject({ operation: 'ListResourceRecordSets', zoneId, error: 'Hang', times: 1 })
    const out = await update(config(), { logger, client: client(RETRY), stop: life(10_000) })
    expect(out.error).toBeUndefined()
    expect(out.report.records[0]?.result).toBe('created')
    expect(inZone('ListResourceRecordSets')).toBe(2)
  })

  it('retries a write that timed out (it was not applied) and succeeds', async () => {
    standIn.inject({ operation: 'ChangeResourceRecordSets', zoneId, error: 'Hang', times: 1 })
    const out = await update(config(), { logger, client: client(RETRY), stop: life(10_000) })
    expect(out.error).toBeUndefined()
    expect(out.report.records[0]?.result).toBe('created')
    expect(inZone('ChangeResourceRecordSets')).toBe(2)
  })

  it('stops a write that never answers and submits nothing after it', async () => {
    const other = standIn.addZone({ name: `o${zname}` })
    standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'Hang', times: 1000 })
    const out = await update(
      config({ hostedZoneId: undefined, hostnames: [`home.${zname}`, `home.o${zname}`] }),
      {
        logger,
        client: client(),
        stop: life(BOUND_MS)
      }
    )
    expect(out.error?.message).toMatch(
      /^ChangeResourceRecordSets on hosted zone Z\w+ did not answer within the run's time bound of 1.5 s/
    )
    // The first zone's batch was tried again and again; the second zone's never.
    const zones = new Set(
      standIn.requests
        .filter((r) => r.operation === 'ChangeResourceRecordSets')
        .map((r) => r.zoneId)
    )
    expect(zones.size).toBe(1)
    expect(standIn.records(zoneId).filter((s) => s.Type === 'A')).toEqual([])
    expect(standIn.records(other).filter((s) => s.Type === 'A')).toEqual([])
  })

  it('stops an STS sign-in that never answers, naming it', async () => {
    standIn.inject({ operation: 'AssumeRoleWithWebIdentity', error: 'Hang', times: 1000 })
    const err = await failure(signIn(life(BOUND_MS)))
    expect(err).toBeInstanceOf(RunStopped)
    expect(err.message).toBe(
      "STS AssumeRoleWithWebIdentity did not answer within the run's time bound of 1.5 s; nothing more was written."
    )
    expect(standIn.count('AssumeRoleWithWebIdentity')).toBeGreaterThanOrEqual(1)
    expect(standIn.requests.filter((r) => r.service === 'route53')).toEqual([])
  })

  it('retries an STS request that timed out', async () => {
    standIn.inject({ operation: 'AssumeRoleWithWebIdentity', error: 'Hang', times: 1 })
    const creds = await signIn(life(10_000), RETRY)
    expect(creds.accessKeyId).toMatch(/^ASIA/)
    expect(standIn.count('AssumeRoleWithWebIdentity')).toBe(2)
  })

  it('stops an OIDC token request that never answers, naming it', async () => {
    standIn.inject({ operation: 'GetIDToken', error: 'Hang', times: 1000 })
    const err = await failure(signIn(life(400)))
    expect(err).toBeInstanceOf(RunStopped)
    expect(err.message).toBe(
      "the GitHub OIDC token endpoint did not answer within the run's time bound of 0.4 s; nothing more was written."
    )
    expect(standIn.count('AssumeRoleWithWebIdentity')).toBe(0)
  })

  it('retries an OIDC token request that timed out', async () => {
    standIn.inject({ operation: 'GetIDToken', error: 'Hang', times: 1 })
    const creds = await signIn(life(10_000), RETRY)
    expect(creds.sessionToken).toBeTruthy()
    expect(standIn.count('GetIDToken')).toBe(2)
    expect(messages.join('\n')).toMatch(/Getting the GitHub OIDC token failed \(no answer from/)
  })

  it('stops detection whose echo provider never answers, and writes nothing', async () => {
    const stop = life(300)
    const out = await update(
      config({
        ipv4: [],
        detection: { source: 'public', version: '4', providers: [echo.v4.hang] }
      }),
      {
        logger,
        client: client(),
        stop,
        detect: (cfg) => detectAddresses(cfg, { logger, signal: stop.dropWrites })
      }
    )
    expect(out.error?.message).toBe(
      "the address-echo providers did not answer within the run's time bound of 0.3 s; nothing more was written."
    )
    expect(standIn.count()).toBe(0)
  })
})

describe('cancellation', () => {
  /** A client that calls `after` once each answered command returns. */
  const watched = (after: (command: string) => void) => {
    const c = client()
    c.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args)
        after(context.commandName ?? '')
        return out
      },
      { step: 'initialize' }
    )
    return c
  }
  const twoZones = () => {
    const other = standIn.addZone({ name: `o${zname}` })
    return {
      other,
      cfg: config({ hostedZoneId: undefined, hostnames: [`home.${zname}`, `home.o${zname}`] })
    }
  }
  const aRecords = (zone: string) => standIn.records(zone).filter((s) => s.Type === 'A')

  it('submits no batch after a cancel and reports what was applied', async () => {
    const { other, cfg } = twoZones()
    const stop = life(10_000)
    const c = watched((command) => {
      if (command === 'ChangeResourceRecordSetsCommand') stop.cancel('SIGINT')
    })
    const out = await update(cfg, { logger, client: c, stop })
    expect(out.error?.message).toBe(
      'The run was cancelled (SIGINT); no further change was submitted.'
    )
    expect(out.report.cancelled).toBe(true)
    expect(inZone('ChangeResourceRecordSets')).toBe(1)
    expect(out.report.records).toMatchObject([
      { name: `home.${zname}`, zoneId, result: 'created', after: ['198.51.100.7'] }
    ])
    expect(out.report.changed).toBe(true)
    expect(out.report.changeIds).toHaveLength(1)
    expect(aRecords(zoneId)).toHaveLength(1)
    expect(aRecords(other)).toEqual([])
  })

  it('lets a write in flight answer within the grace, then stops', async () => {
    const { other, cfg } = twoZones()
    standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'Delay', delayMs: 100 })
    const stop = new Lifecycle({ boundMs: 10_000, graceMs: 5_000 })
    lives.push(stop)
    const c = client({ connectMs: 1_000, responseMs: 5_000 })
    c.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ChangeResourceRecordSetsCommand') stop.cancel('SIGTERM')
        return next(args)
      },
      { step: 'initialize' }
    )
    const out = await update(cfg, { logger, client: c, stop })
    expect(out.report.cancelled).toBe(true)
    expect(out.error?.message).toBe(
      'The run was cancelled (SIGTERM); no further change was submitted.'
    )
    expect(out.report.records.map((r) => [r.zoneId, r.result])).toEqual([[zoneId, 'created']])
    expect(aRecords(other)).toEqual([])
  })

  it('drops a write that does not answer within the grace, naming it', async () => {
    standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'Hang', times: 1000 })
    const stop = life(10_000)
    const c = client({ connectMs: 1_000, responseMs: 5_000 })
    c.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ChangeResourceRecordSetsCommand') stop.cancel('SIGINT')
        return next(args)
      },
      { step: 'initialize' }
    )
    const out = await update(config(), { logger, client: c, stop })
    const name = `home.${zname}.`
    expect(out.error?.message).toBe(
      `The run was cancelled (SIGINT) while waiting for ChangeResourceRecordSets on hosted zone ${zoneId}; the change to ${name} was sent and not answered, so it may have been applied (result unknown); no further change was submitted. Check with: aws route53 list-resource-record-sets --hosted-zone-id ${zoneId} --start-record-name ${name} --max-items 2; or run again (it reads the records and finishes the job).`
    )
    expect(out.report.cancelled).toBe(true)
    // Never "nothing changed": the write's outcome is unknown.
    expect(out.report.records).toMatchObject([{ name: `home.${zname}`, result: 'unknown' }])
    expect(out.report.changed).toBe('unknown')
    expect(inZone('ChangeResourceRecordSets')).toBe(1)
  })

  it('calls a dropped write unknown, rightly: Route 53 applies it after the run gave up', async () => {
    // The stand-in holds the write, then applies it: the client has long stopped waiting.
    standIn.inject({ operation: 'ChangeResourceRecordSets', zoneId, error: 'Delay', delayMs: 400 })
    const stop = life(10_000)
    const c = client({ connectMs: 1_000, responseMs: 5_000 })
    c.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ChangeResourceRecordSetsCommand') stop.cancel('SIGTERM')
        return next(args)
      },
      { step: 'initialize' }
    )
    const out = await update(config(), { logger, client: c, stop })
    expect(out.report.records.map((r) => r.result)).toEqual(['unknown'])
    expect(out.report.changed).toBe('unknown')
    expect(out.error?.message).toMatch(/was sent and not answered, so it may have been applied/)
    expect(standIn.records(zoneId).filter((s) => s.Type === 'A')).toEqual([])
    await vi.waitFor(
      () => expect(standIn.records(zoneId).filter((s) => s.Type === 'A')).toHaveLength(1),
      { timeout: 5_000 }
    )
  })

  it('drops a hung read at once on the first signal (the grace is for writes)', async () => {
    standIn.inject({ operation: 'ListResourceRecordSets', zoneId, error: 'Hang', times: 1000 })
    const stop = new Lifecycle({ boundMs: 60_000, graceMs: 60_000 })
    lives.push(stop)
    const c = client({ connectMs: 1_000, responseMs: 30_000 })
    c.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ListResourceRecordSetsCommand')
          setTimeout(() => stop.cancel('SIGINT'), 20)
        return next(args)
      },
      { step: 'initialize' }
    )
    const started = Date.now()
    const out = await update(config(), { logger, client: c, stop })
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(out.error?.message).toBe(
      `The run was cancelled (SIGINT) while waiting for ListResourceRecordSets on hosted zone ${zoneId}; no further change was submitted.`
    )
    expect(out.report.changed).toBe(false)
    expect(inZone('ChangeResourceRecordSets')).toBe(0)
  })

  it('drops requests at once on a second signal', async () => {
    standIn.inject({ operation: 'ListResourceRecordSets', zoneId, error: 'Hang', times: 1000 })
    const stop = new Lifecycle({ boundMs: 60_000, graceMs: 60_000 })
    lives.push(stop)
    const c = client({ connectMs: 1_000, responseMs: 30_000 })
    c.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ListResourceRecordSetsCommand') {
          stop.cancel('SIGINT')
          setTimeout(() => stop.cancel('SIGTERM'), 20)
        }
        return next(args)
      },
      { step: 'initialize' }
    )
    const out = await update(config(), { logger, client: c, stop })
    expect(out.error?.message).toBe(
      `The run was cancelled (SIGINT) while waiting for ListResourceRecordSets on hosted zone ${zoneId}; no further change was submitted.`
    )
    expect(inZone('ChangeResourceRecordSets')).toBe(0)
  })

  it.each([
    ['linux', ['SIGINT', 'SIGTERM', 'SIGHUP']],
    ['darwin', ['SIGINT', 'SIGTERM', 'SIGHUP']],
    ['win32', ['SIGINT', 'SIGBREAK', 'SIGHUP']]
  ] as const)('on %s, stops on %j and listens to nothing else', (platform, signals) => {
    expect(stopSignals(platform)).toEqual(signals)
    const source = Object.assign(new EventEmitter(), { platform })
    const seen: string[] = []
    const unhook = onStopSignals((sig, nth) => seen.push(`${nth} ${sig}`), source)
    expect(source.eventNames().sort()).toEqual([...signals].sort())
    for (const sig of signals) source.emit(sig)
    expect(seen).toEqual(signals.map((sig, i) => `${i + 1} ${sig}`))
    unhook()
    expect(source.eventNames()).toEqual([])
  })

  it("treats the Windows runner's Ctrl-C then Ctrl+Break as SIGINT then SIGTERM", () => {
    const source = Object.assign(new EventEmitter(), { platform: 'win32' as const })
    const stop = life(10_000)
    const unhook = cancelOnSignals(stop, source)
    source.emit('SIGINT')
    expect(stop.signal.aborted).toBe(true)
    expect(stop.dropWrites.aborted).toBe(false)
    source.emit('SIGBREAK')
    expect(stop.dropWrites.aborted).toBe(true)
    expect(stop.cancelledBy).toBe('SIGINT')
    unhook()
  })

  it('is what SIGINT and SIGTERM do while the hooks are installed', () => {
    const emitter = Object.assign(new EventEmitter(), { platform: 'linux' as const })
    const stop = life(10_000)
    const unhook = cancelOnSignals(stop, emitter)
    emitter.emit('SIGTERM')
    expect(stop.signal.aborted).toBe(true)
    expect(stop.dropWrites.aborted).toBe(false)
    expect(stop.cancelledBy).toBe('SIGTERM')
    unhook()
    expect(emitter.listenerCount('SIGINT') + emitter.listenerCount('SIGTERM')).toBe(0)
  })
})
