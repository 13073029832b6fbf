import { EventEmitter } from 'node:events'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { networkInterfaces } from 'node:os'
import pkg from '../../package.json' with { type: 'json' }
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { INPUTS, type InputName } from '../../src/inputs/inputs.js'
import {
  CLI_ONLY_FLAGS,
  FLAG_INPUTS,
  LIST_INPUTS,
  ACTION_ONLY_INPUTS,
  OIDC_ONLY_INPUTS,
  envName,
  isBooleanInput,
  mainSpecs
} from '../../src/cli/args.js'
import { summaryLine } from '../../src/cli/main.js'
import type { UpdateOutcome } from '../../src/core/update.js'
import type { Config, RecordReport } from '../../src/model/types.js'
import { cli } from './helpers.js'
import { useStandInEnv } from '../helpers/stand-in-env.js'

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

beforeEach(() => standIn.resetLog())

const values = (name: string, type = 'A'): string[] =>
  standIn
    .records(zoneId)
    .filter((s) => s.Name === `${name}.` && s.Type === type)
    .flatMap((s) => (s.ResourceRecords ?? []).map((r) => r.Value ?? ''))

const ttlOf = (name: string, type = 'A'): number | undefined =>
  standIn.records(zoneId).find((s) => s.Name === `${name}.` && s.Type === type)?.TTL

/** Runs the CLI with a stub update that records the config it was given. */
async function configFor(
  argv: string[],
  env: Record<string, string> = {}
): Promise<{ config: Config | undefined; code: number; stderr: string }> {
  let config: Config | undefined
  const stub = async (c: Config): Promise<UpdateOutcome> => {
    config = c
    return {
      report: {
        dryRun: c.dryRun,
        records: [],
        ipv4: c.ipv4,
        ipv6: c.ipv6,
        origins: [],
        changeIds: [],
        changed: false,
        attempted: []
      }
    }
  }
  const r = await cli(argv, { env, update: stub })
  return { config, code: r.code, stderr: r.stderr }
}

describe('flags are the action inputs', () => {
  it('every input is a flag, except exactly the GitHub-OIDC and failure-issue inputs, which are refused', () => {
    const inputs = Object.keys(INPUTS)
    const flags = Object.keys(mainSpecs()).filter((f) => !(f in CLI_ONLY_FLAGS))
    // The documented exception: the CLI signs in with the AWS SDK default chain, not GitHub OIDC.
    expect([...OIDC_ONLY_INPUTS].sort()).toEqual([
      'audience',
      'role-duration-seconds',
      'role-session-name',
      'role-to-assume'
    ])
    expect([...ACTION_ONLY_INPUTS].sort()).toEqual(['failure-issue', 'github-token'])
    expect([...flags, ...OIDC_ONLY_INPUTS, ...ACTION_ONLY_INPUTS].sort()).toEqual(
      [...inputs].sort()
    )
    expect(FLAG_INPUTS).toEqual(flags)
    for (const l of LIST_INPUTS) expect(inputs).toContain(l)
    // CLI-only flags never shadow an input.
    for (const f of Object.keys(CLI_ONLY_FLAGS)) expect(inputs).not.toContain(f)
  })

  it('boolean inputs are boolean flags, the rest take values', () => {
    const specs = mainSpecs()
    expect(specs['dry-run']?.type).toBe('boolean')
    expect(specs['wait-for-sync']?.type).toBe('boolean')
    expect(specs['private-zone']?.type).toBe('boolean')
    expect(specs.ttl?.type).toBe('string')
    for (const name of FLAG_INPUTS) {
      expect(specs[name]?.type).toBe(isBooleanInput(name) ? 'boolean' : 'string')
    }
  })

  it('environment variable names follow the inputs', () => {
    expect(envName('hosted-zone-id')).toBe('ROUTE53_DDNS_HOSTED_ZONE_ID')
    expect(envName('dry-run')).toBe('ROUTE53_DDNS_DRY_RUN')
  })

  it('--help lists every flag input with its default, description and variable', async () => {
    const r = await cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    for (const name of FLAG_INPUTS) {
      const input = INPUTS[name as InputName]
      expect(r.stdout).toContain(`--${name}`)
      expect(r.stdout).toContain(envName(name))
      if (input.default !== '') expect(r.stdout).toContain(`Default: ${input.default}.`)
      // The first words of the description, backticks removed, in the help.
      const start = input.description.replace(/`/g, '').split(/\s+/).slice(0, 3).join(' ')
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(start)
    }
    for (const name of OIDC_ONLY_INPUTS) expect(r.stdout).toContain(`--${name}`)
    for (const f of Object.keys(CLI_ONLY_FLAGS)) expect(r.stdout).toContain(`--${f}`)
    expect(r.stdout).toMatch(/Exit status/)
    expect(r.stdout).toMatch(/Examples:/)
    // No workflow command (a line starting with ::); IPv6 examples contain :: mid-line.
    expect(r.stdout).not.toMatch(/^\s*::/m)
    expect((await cli(['-h'])).stdout).toBe(r.stdout)
    expect(standIn.count()).toBe(0)
  })

  it('--version prints the package version', async () => {
    const r = await cli(['--version'])
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
    expect((await cli(['-V'])).stdout).toBe(`${pkg.version}\n`)
  })
})

describe('flags and environment', () => {
  it('repeating a list flag appends', async () => {
    const { config, code } = await configFor([
      '--hostname',
      'a.example.com',
      '--hostname=b.example.com,c.example.com',
      '--ip',
      '198.51.100.7',
      '--ip',
      '2001:db8::1'
    ])
    expect(code).toBe(0)
    expect(config?.hostnames).toEqual(['a.example.com', 'b.example.com', 'c.example.com'])
    expect(config?.ipv4).toEqual(['198.51.100.7'])
    expect(config?.ipv6).toEqual(['2001:db8::1'])
  })

  it('booleans work bare and as =true|false', async () => {
    const base = ['--hostname', 'a.example.com', '--ip', '198.51.100.7']
    expect((await configFor(base)).config?.dryRun).toBe(false)
    expect((await configFor([...base, '--dry-run'])).config?.dryRun).toBe(true)
    expect((await configFor([...base, '--dry-run=true'])).config?.dryRun).toBe(true)
    expect((await configFor([...base, '--dry-run=false'])).config?.dryRun).toBe(false)
    expect((await configFor([...base, '--dry-run=FALSE'])).config?.dryRun).toBe(false)
    expect((await configFor([...base, '--wait-for-sync'])).config?.waitForSync).toBe(true)
    expect((await configFor([...base, '--private-zone=True'])).config?.privateZone).toBe(true)
  })

  it('values come from ROUTE53_DDNS_* variables; flags win', async () => {
    const env = {
      ROUTE53_DDNS_HOSTNAME: 'env.example.com',
      ROUTE53_DDNS_HOSTED_ZONE_ID: 'ZENV0123456789',
      ROUTE53_DDNS_TTL: '600',
      ROUTE53_DDNS_IP: '198.51.100.9',
      ROUTE53_DDNS_DRY_RUN: 'true'
    }
    const fromEnv = await configFor([], env)
    expect(fromEnv.code).toBe(0)
    expect(fromEnv.config).toMatchObject({
      hostnames: ['env.example.com'],
      hostedZoneId: 'ZENV0123456789',
      ttl: 600,
      ipv4: ['198.51.100.9'],
      dryRun: true
    })
    const flagsWin = await configFor(
      [
        '--hostname',
        'flag.example.com',
        '--hosted-zone-id',
        'ZFLAG0123456789',
        '--ttl',
        '60',
        '--dry-run=false'
      ],
      env
    )
    expect(flagsWin.config).toMatchObject({
      hostnames: ['flag.example.com'],
      hostedZoneId: 'ZFLAG0123456789',
      ttl: 60,
      ipv4: ['198.51.100.9'],
      dryRun: false
    })
  })

  it('host-map picks this machine’s names', async () => {
    const map = 'testbox = a.example.com, b.example.com\nother = c.example.com'
    const { config } = await configFor(['--host-map', map, '--ip', '198.51.100.7'])
    expect(config?.hostnames).toEqual(['a.example.com', 'b.example.com'])
  })

  it('without an address, detection is configured (the CLI has no runner check)', async () => {
    const { config, code } = await configFor([
      '--hostname',
      'a.example.com',
      '--ip-source',
      'local',
      '--ip-version',
      'both'
    ])
    expect(code).toBe(0)
    expect(config?.detection).toMatchObject({ source: 'local', version: 'both' })
    expect(config?.auth).toEqual({ kind: 'default' })
  })
})

describe('usage errors exit 2 before any AWS request', () => {
  const ok = ['--hostname', 'home.example.com', '--ip', '198.51.100.7']
  const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['unknown flag', [...ok, '--hostnmae', 'x'], {}, /unknown option '--hostnmae'/],
    ['unknown short flag', [...ok, '-x'], {}, /unknown option '-x'/],
    ['flag without value', [...ok, '--ttl'], {}, /--ttl needs a value/],
    ['option-like value', [...ok, '--comment', '--dry-run'], {}, /--comment needs a value/],
    ['bad number', [...ok, '--ttl', 'soon'], {}, /--ttl: 'soon' is not a whole number/],
    ['bad boolean', [...ok, '--dry-run=maybe'], {}, /--dry-run: 'maybe' is not a boolean/],
    [
      'single-value flag twice',
      [...ok, '--ttl', '1', '--ttl', '2'],
      {},
      /--ttl was given more than once/
    ],
    ['positional argument', [...ok, 'extra'], {}, /unexpected argument 'extra'/],
    ['subcommand not first', ['--json', 'policy'], {}, /'policy' must come first/],
    ['no hostname', ['--ip', '198.51.100.7'], {}, /--hostname: is required/],
    ['bad hostname', ['--hostname', 'localhost', '--ip', '198.51.100.7'], {}, /--hostname/],
    ['bad zone id', [...ok, '--hosted-zone-id', 'zlower'], {}, /--hosted-zone-id: /],
    ['bad ip', ['--hostname', 'home.example.com', '--ip', '256.1.1.1'], {}, /--ip: /],
    [
      'bad variable',
      ok,
      { ROUTE53_DDNS_TTL: 'abc' },
      /ROUTE53_DDNS_TTL: 'abc' is not a whole number/
    ],
    [
      'bad boolean variable',
      ok,
      { ROUTE53_DDNS_WAIT_FOR_SYNC: 'yes' },
      /ROUTE53_DDNS_WAIT_FOR_SYNC: /
    ],
    [
      'OIDC flag',
      [...ok, '--role-to-assume', 'arn:aws:iam::111122223333:role/x'],
      {},
      /--role-to-assume is a GitHub OIDC input.*default credential chain/
    ],
    [
      'OIDC flag with =',
      [...ok, '--audience=sts.amazonaws.com'],
      {},
      /--audience is a GitHub OIDC input/
    ],
    [
      'OIDC variable',
      ok,
      { ROUTE53_DDNS_ROLE_TO_ASSUME: 'arn:aws:iam::111122223333:role/x' },
      /ROUTE53_DDNS_ROLE_TO_ASSUME is a GitHub OIDC input/
    ],
    [
      'missing interface',
      ['--hostname', 'home.example.com', '--ip-source', 'local', '--interface', 'nope-r53-0'],
      {},
      /--interface: /
    ]
  ]
  for (const [label, argv, env, message] of cases) {
    it(label, async () => {
      const r = await cli(argv, { env })
      expect(r.code, r.stderr).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^error: /)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).toContain("Run 'route53-ddns --help' for usage.")
      expect(r.stderr).not.toMatch(/::error/)
      expect(standIn.count()).toBe(0)
    })
  }
})

describe('against the Route 53 stand-in', () => {
  it('creates, then reports unchanged; one line per record and a summary line', async () => {
    const argv = [
      '--hostname',
      'plain.example.com',
      '--hostname',
      'plain2.example.com',
      '--ip',
      '198.51.100.7'
    ]
    const first = await cli([...argv, '--hosted-zone-id', zoneId])
    expect(first.code, first.stderr).toBe(0)
    const lines = first.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^plain\.example\.com A in .*198\.51\.100\.7.*\(created, change /)
    expect(lines[2]).toBe('2 records: 2 created')
    expect(values('plain.example.com')).toEqual(['198.51.100.7'])
    expect(first.stdout + first.stderr).not.toMatch(/::/)

    standIn.resetLog()
    const second = await cli(argv) // zone discovered this time
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout.trim().split('\n').at(-1)).toBe('2 records: 2 unchanged')
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('--set-identifier and ROUTE53_DDNS_SET_IDENTIFIER publish two machines as two members', async () => {
    const name = 'pool.example.com'
    const a = await cli(['--hostname', name, '--ip', '198.51.100.1', '--set-identifier', 'pi'])
    expect(a.code, a.stderr).toBe(0)
    expect(a.stdout).toMatch(/^pool\.example\.com A \(member 'pi'\) in .*\(created, change /)
    const b = await cli(['--hostname', name, '--ip', '198.51.100.2', '--json'], {
      env: { ROUTE53_DDNS_SET_IDENTIFIER: 'nas' }
    })
    expect(b.code, b.stderr).toBe(0)
    expect(JSON.parse(b.stdout)).toMatchObject([{ setIdentifier: 'nas', result: 'created' }])
    const members = standIn
      .records(zoneId)
      .filter((s) => s.Name === `${name}.`)
      .map((s) => `${s.SetIdentifier} ${s.ResourceRecords?.[0]?.Value} ${s.MultiValueAnswer}`)
    expect(members).toEqual(['nas 198.51.100.2 true', 'pi 198.51.100.1 true'])
    const bad = await cli(['--hostname', name, '--ip', '198.51.100.2', '--health-check-id', 'x'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--health-check-id/)
  })

  it('--json prints the records array and nothing else on stdout', async () => {
    const r = await cli([
      '--hostname',
      'json.example.com',
      '--ip',
      '198.51.100.7',
      '--ip',
      '2001:db8::7',
      '--json'
    ])
    expect(r.code, r.stderr).toBe(0)
    const records = JSON.parse(r.stdout) as RecordReport[]
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({
      name: 'json.example.com',
      type: 'A',
      zoneId,
      before: [],
      after: ['198.51.100.7'],
      ttl: 300,
      result: 'created'
    })
    expect(records[0]?.changeId).toMatch(/^C/)
    // Exactly the fields of the action's `records` output.
    for (const r of records) {
      expect(Object.keys(r).sort()).toEqual(
        [
          'after',
          'before',
          'changeId',
          'name',
          'result',
          'setIdentifier',
          'ttl',
          'type',
          'zoneId'
        ].sort()
      )
    }
    expect(records[1]).toMatchObject({ type: 'AAAA', after: ['2001:db8::7'], result: 'created' })
    // Log lines and the summary go to stderr.
    expect(r.stderr).toContain('json.example.com A in')
    expect(r.stderr).toContain('2 records: 2 created')
  })

  it('flag beats variable against the real core', async () => {
    const env = {
      ROUTE53_DDNS_HOSTNAME: 'prec.example.com',
      ROUTE53_DDNS_TTL: '600',
      ROUTE53_DDNS_IP: '198.51.100.1'
    }
    expect((await cli([], { env })).code).toBe(0)
    expect(ttlOf('prec.example.com')).toBe(600)
    expect(values('prec.example.com')).toEqual(['198.51.100.1'])
    const r = await cli(['--ttl', '120', '--ip', '198.51.100.2'], { env })
    expect(r.code, r.stderr).toBe(0)
    expect(ttlOf('prec.example.com')).toBe(120)
    expect(values('prec.example.com')).toEqual(['198.51.100.2'])
    expect(r.stdout).toContain('1 record: 1 updated')
  })

  it('--dry-run writes nothing and says so', async () => {
    const r = await cli(['--hostname', 'dry.example.com', '--ip', '198.51.100.7', '--dry-run'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('(would-create)')
    expect(r.stdout).toContain('1 record: 1 would-create (dry run: nothing was written)')
    expect(values('dry.example.com')).toEqual([])
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('--state absent deletes', async () => {
    await cli(['--hostname', 'gone.example.com', '--ip', '198.51.100.7'])
    expect(values('gone.example.com')).toEqual(['198.51.100.7'])
    const r = await cli(['--hostname', 'gone.example.com', '--state', 'absent', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const records = JSON.parse(r.stdout) as RecordReport[]
    expect(records.map((x) => `${x.type} ${x.result}`)).toEqual(['A deleted', 'AAAA unchanged'])
    for (const x of records) expect(x).not.toHaveProperty('changes')
    expect(values('gone.example.com')).toEqual([])
  })

  it('exits 1 on an AWS failure, with the error on stderr', async () => {
    const r = await cli([
      '--hostname',
      'x.example.com',
      '--ip',
      '198.51.100.7',
      '--hosted-zone-id',
      'Z0000000000NOSUCH'
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: .*Z0000000000NOSUCH/m)
    expect(r.stderr).not.toMatch(/::error/)
    expect(r.stderr).not.toContain('--help')
  })

  it('exits 1 on AccessDenied; --json still prints a (empty) array', async () => {
    standIn.inject({ operation: 'ChangeResourceRecordSets', error: 'AccessDenied' })
    const r = await cli(['--hostname', 'denied.example.com', '--ip', '198.51.100.7', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual([])
    expect(r.stderr).toMatch(/^error: /m)
    expect(values('denied.example.com')).toEqual([])
  })

  it.skipIf(!networkInterfaces().lo)(
    'a detection failure exits 1 before any AWS request',
    async () => {
      // Detection runs (no --ip): the loopback interface has no usable address.
      const r = await cli([
        '--hostname',
        'detect.example.com',
        '--ip-source',
        'local',
        '--interface',
        'lo'
      ])
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/^error: .*lo/m)
      expect(standIn.count()).toBe(0)
    }
  )

  it('a name with no hosted zone fails with exit 1', async () => {
    const r = await cli(['--hostname', 'home.nozone.test', '--ip', '198.51.100.7'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: /m)
    expect(standIn.count('ChangeResourceRecordSets')).toBe(0)
  })

  it('--verbose adds debug lines on stderr only', async () => {
    const quiet = await cli([
      '--hostname',
      'verbose.example.com',
      '--ip',
      '198.51.100.7',
      '--dry-run'
    ])
    expect(quiet.stderr).not.toMatch(/^debug:/m)
    const loud = await cli([
      '--hostname',
      'verbose.example.com',
      '--ip',
      '198.51.100.7',
      '--dry-run',
      '-v'
    ])
    expect(loud.stderr).toMatch(/^debug: verbose\.example\.com is in hosted zone/m)
    expect(loud.stdout).not.toMatch(/^debug:/m)
  })
})

describe('stopped by a signal', () => {
  it('a one-shot --state absent, stopped with its delete unanswered: exit 143 at once, result unknown, how to check', async () => {
    const name = 'stop-absent.example.com'
    standIn.seed(zoneId, {
      Name: `${name}.`,
      Type: 'A',
      TTL: 300,
      ResourceRecords: [{ Value: '198.51.100.7' }]
    })
    standIn.inject({ operation: 'ChangeResourceRecordSets', zoneId, error: 'Hang', times: 100 })
    // As the runner, docker or systemd stop it: a signal once the delete is in flight, then a
    // second one (drop it now).
    const signals = Object.assign(new EventEmitter(), { platform: 'linux' as const })
    const poll = setInterval(() => {
      if (!standIn.requests.some((r) => r.operation === 'ChangeResourceRecordSets')) return
      clearInterval(poll)
      signals.emit('SIGTERM')
      signals.emit('SIGINT')
    }, 10)
    const started = Date.now()
    const r = await cli(['--hostname', name, '--hosted-zone-id', zoneId, '--state', 'absent'], {
      signals
    })
    clearInterval(poll)
    expect(Date.now() - started).toBeLessThan(4_000)
    expect(r.code).toBe(143)
    expect(r.stdout).toContain('1 record: 1 unknown')
    expect(r.stdout).toMatch(/\(none\), TTL 300 \(unknown\)/)
    expect(r.stderr).toMatch(
      /^error: The run was cancelled \(SIGTERM\) while waiting for ChangeResourceRecordSets on hosted zone Z\w+; the change to stop-absent\.example\.com\. was sent and not answered, so it may have been applied/
    )
    expect(r.stderr).toContain(`aws route53 list-resource-record-sets --hosted-zone-id ${zoneId}`)
    standIn.clearFaults()
  })
})

describe('summary line', () => {
  const row = (result: RecordReport['result']): RecordReport => ({
    name: 'a.example.com',
    type: 'A',
    zoneId: 'Z1',
    setIdentifier: '',
    before: [],
    after: [],
    ttl: 300,
    result,
    changeId: ''
  })
  it('counts results', () => {
    expect(summaryLine([row('created'), row('unchanged')], false)).toBe(
      '2 records: 1 created, 1 unchanged'
    )
    expect(summaryLine([row('updated')], false)).toBe('1 record: 1 updated')
    expect(summaryLine([], false)).toBe('0 records')
  })
})
