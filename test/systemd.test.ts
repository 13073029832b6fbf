// contrib/systemd: every unit passes `systemd-analyze verify`, and every service is rated 2.0 or
// better by `systemd-analyze security` (the units' sandbox), without directives that break Node.
import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './helpers/run-action.js'
import { DEFAULT_STOP_TIMEOUT_SECONDS } from '../src/cli/watch/options.js'
import { CANCEL_GRACE_MS } from '../src/core/lifecycle.js'
import { DEFAULT_NOTIFY_TIMEOUT_MS } from '../src/notify/http.js'

const run = promisify(execFile)
const DIR = join(ROOT, 'contrib/systemd')
const UNITS = readdirSync(DIR).filter((f) => /\.(service|timer)$/.test(f))
const SERVICES = UNITS.filter((f) => f.endsWith('.service'))
const BIN = '/usr/local/bin/route53-ddns'
const read = (unit: string): string => readFileSync(join(DIR, unit), 'utf8')
/** The directives of a unit, `Key=value` lines without comments. */
const directives = (unit: string): string[] =>
  read(unit)
    .split('\n')
    .filter((l) => /^[A-Z]\w*=/.test(l))

/**
 * The units as they will be installed, in a temporary directory, with ExecStart's command at a
 * temporary path: a link to the committed CLI bundle, as `npm install --global` links it.
 * (verify checks that the command exists and is executable.)
 */
function installed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'r53-systemd-'))
  const bin = join(dir, 'bin/route53-ddns')
  mkdirSync(join(dir, 'bin'))
  symlinkSync(join(ROOT, 'dist/cli/index.js'), bin)
  for (const unit of UNITS) {
    writeFileSync(join(dir, unit), read(unit).replaceAll(`ExecStart=${BIN}`, `ExecStart=${bin}`))
  }
  return dir
}

const analyze = async (args: string[]) =>
  run('systemd-analyze', args, {
    env: { ...process.env, SYSTEMD_LOG_COLOR: '0', SYSTEMD_COLORS: '0' }
  })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr
    }))

describe.skipIf(process.platform !== 'linux')('contrib/systemd units', () => {
  it('ship: the one-shot service, its timer, the watch service', () => {
    expect(UNITS.sort()).toEqual([
      'route53-ddns-watch.service',
      'route53-ddns.service',
      'route53-ddns.timer'
    ])
  })

  it.each(SERVICES)(
    '%s runs the installed command, with settings from /etc/route53-ddns/env',
    (unit) => {
      const d = directives(unit)
      expect(d).toContain('EnvironmentFile=/etc/route53-ddns/env')
      expect(d.filter((l) => l.startsWith('ExecStart='))).toEqual([
        unit.includes('watch') ? `ExecStart=${BIN} watch` : `ExecStart=${BIN}`
      ])
    }
  )

  it('the one-shot is Type=oneshot; the watch is Type=simple, restarted on failure', () => {
    expect(directives('route53-ddns.service')).toContain('Type=oneshot')
    expect(directives('route53-ddns-watch.service')).toEqual(
      expect.arrayContaining(['Type=simple', 'Restart=on-failure'])
    )
    expect(directives('route53-ddns.timer')).toContain('WantedBy=timers.target')
  })

  it('give a stop the time the command takes: the watch its stop bound, the one-shot its grace and monitoring', () => {
    const stopSec = (unit: string): number => {
      const d = directives(unit).filter((l) => l.startsWith('TimeoutStopSec='))
      expect(d, unit).toHaveLength(1)
      return Number(/^TimeoutStopSec=(\d+)s$/.exec(d[0]!)?.[1])
    }
    const watch = stopSec('route53-ddns-watch.service')
    expect(watch).toBeGreaterThan(DEFAULT_STOP_TIMEOUT_SECONDS)
    // systemd's own default is 90 s: the bound must be ours, and short.
    expect(watch).toBeLessThanOrEqual(2 * DEFAULT_STOP_TIMEOUT_SECONDS)
    const oneShot = stopSec('route53-ddns.service')
    expect(oneShot * 1000).toBeGreaterThan(CANCEL_GRACE_MS + DEFAULT_NOTIFY_TIMEOUT_MS)
    expect(oneShot).toBeLessThan(90)
  })

  it.each(SERVICES)('%s keeps what Node needs: a JIT, netlink for the interfaces', (unit) => {
    const d = directives(unit)
    expect(d.filter((l) => l.startsWith('MemoryDenyWriteExecute='))).toEqual([])
    expect(d).toContain('RestrictAddressFamilies=AF_INET AF_INET6 AF_NETLINK AF_UNIX')
  })

  it('systemd-analyze verify passes every unit', async () => {
    const dir = installed()
    const r = await analyze(['verify', ...UNITS.map((u) => join(dir, u))])
    expect(r, 'install systemd-analyze (Debian package systemd), or run .ci/run').toEqual({
      code: 0,
      stdout: '',
      stderr: ''
    })
  })

  it('systemd-analyze verify fails when the command is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r53-systemd-'))
    const unit = join(dir, 'route53-ddns.service')
    writeFileSync(unit, read('route53-ddns.service').replaceAll(BIN, join(dir, 'missing')))
    const r = await analyze(['verify', unit])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('is not executable')
  })

  it.each(SERVICES)('systemd-analyze security rates %s 2.0 or better', async (unit) => {
    const r = await analyze(['security', '--offline=yes', '--threshold=20', join(DIR, unit)])
    const level = /Overall exposure level for \S+: (\d+\.\d+) (\w+)/.exec(r.stdout)
    expect(level, r.stdout + r.stderr).not.toBeNull()
    expect(Number(level?.[1])).toBeLessThanOrEqual(2)
    expect(r.code).toBe(0)
  })

  it('systemd-analyze security --threshold=20 fails a unit without the sandbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r53-systemd-'))
    const unit = join(dir, 'bare.service')
    writeFileSync(unit, `[Service]\nType=oneshot\nDynamicUser=yes\nExecStart=${BIN}\n`)
    const r = await analyze(['security', '--offline=yes', '--threshold=20', unit])
    expect(r.stdout).toMatch(/Overall exposure level for bare\.service: ([3-9]|10)\.\d/)
    expect(r.code).not.toBe(0)
  })
})
