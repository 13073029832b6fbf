import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCommandOutput, runCommand } from '../../src/detect/command.js'
import { parseCommand } from '../../src/inputs/ip-command.js'
import { detectAddresses } from '../../src/detect/index.js'
import type { DetectionConfig, Logger } from '../../src/model/types.js'

const quiet: Logger = { info: () => {}, warning: () => {}, debug: () => {} }

describe('parseCommandOutput', () => {
  const one = (stdout: string, family: 4 | 6): unknown =>
    parseCommandOutput(stdout, [family]).get(family)
  it.each([
    ['198.51.100.7', 4, undefined],
    ['8.8.8.8\n', 4, '8.8.8.8'],
    ['  2001:4860:4860::8888 \n', 6, '2001:4860:4860::8888'],
    ['ip=8.8.4.4\nts=1\n', 4, '8.8.4.4'],
    ['', 4, /empty/],
    ['8.8.8.8 8.8.4.4', 4, /2 addresses/],
    ['<html>x</html>', 4, /HTML/],
    ['{"ip":"8.8.8.8"}', 4, /JSON/],
    ['connection refused', 4, /"connection refused", not an address/],
    ['192.168.1.1', 4, /private/],
    ['2001:4860:4860::8888', 4, /IPv6 address .* when IPv4 was asked/]
  ])('%j for IPv%i', (stdout, family, expected) => {
    const r = one(stdout, family as 4 | 6) as { ok: boolean; address?: string; reason?: string }
    if (expected === undefined) {
      // 198.51.100.0/24 is documentation space: refused like an echo answer.
      expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/documentation/) })
    } else if (typeof expected === 'string') {
      expect(r).toEqual({ ok: true, address: expected })
    } else {
      expect(r.ok).toBe(false)
      expect(r.reason).toMatch(expected)
    }
  })

  it('both: one line per family, in any order', () => {
    const r = parseCommandOutput('2001:4860:4860::8888\n8.8.8.8\n', [4, 6])
    expect(r.get(4)).toEqual({ ok: true, address: '8.8.8.8' })
    expect(r.get(6)).toEqual({ ok: true, address: '2001:4860:4860::8888' })
  })

  it('both: a missing family fails alone', () => {
    const r = parseCommandOutput('8.8.8.8\n', [4, 6])
    expect(r.get(4)).toEqual({ ok: true, address: '8.8.8.8' })
    expect(r.get(6)).toEqual({ ok: false, reason: 'answered no IPv6 address' })
  })

  it.each([
    ['', /empty/],
    ['8.8.8.8\n8.8.4.4\n', undefined],
    ['8.8.8.8\n2001:4860:4860::8888\n1.1.1.1', /3 lines/],
    ['8.8.8.8\n<html>', /HTML/],
    ['8.8.8.8\nERROR', /"ERROR", not an address/]
  ])('both: %j', (stdout, message) => {
    const r = parseCommandOutput(stdout, [4, 6])
    if (message === undefined) {
      expect(r.get(4)).toMatchObject({ ok: false, reason: /2 IPv4 addresses/ })
      expect(r.get(6)).toMatchObject({ ok: false, reason: 'answered no IPv6 address' })
    } else {
      for (const f of [4, 6] as const)
        expect(r.get(f)).toMatchObject({ ok: false, reason: message })
    }
  })
})

describe('runCommand and detection with ip-source: command', () => {
  let dir: string
  const script = (name: string, body: string): string => {
    const path = join(dir, name)
    writeFileSync(path, `#!/bin/sh\n${body}\n`)
    chmodSync(path, 0o755)
    return path
  }
  const cfg = (command: string[], version: '4' | '6' | 'both' = '4'): DetectionConfig => ({
    source: 'command',
    version,
    providers: [],
    command
  })
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'r53-cmd-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('good output: the address, and where it came from', async () => {
    const good = script('good', 'echo 8.8.8.8')
    const found = await detectAddresses(cfg([good]), { logger: quiet })
    expect(found.ipv4).toEqual(['8.8.8.8'])
    expect(found.origins).toEqual([{ family: 4, address: '8.8.8.8', how: `command: ${good}` }])
  })

  it('arguments reach the program as given, without a shell', async () => {
    const argsOut = join(dir, 'args.out')
    const record = script('record', `printf '%s\\n' "$@" > ${argsOut}; echo 8.8.4.4`)
    await detectAddresses(cfg(parseCommand(`${record} 'a b' '$(id)' "*"`, 'linux')), {
      logger: quiet
    })
    expect(readFileSync(argsOut, 'utf8')).toBe('a b\n$(id)\n*\n')
  })

  it('ip-version both: one run, one line per family', async () => {
    const both = script('both', 'echo 8.8.8.8; echo 2001:4860:4860::8888')
    const found = await detectAddresses(cfg([both], 'both'), { logger: quiet })
    expect(found.ipv4).toEqual(['8.8.8.8'])
    expect(found.ipv6).toEqual(['2001:4860:4860::8888'])
  })

  it('ip-version both: a family the command does not print is a warning', async () => {
    const v4 = script('v4only', 'echo 8.8.8.8')
    const warnings: string[] = []
    const found = await detectAddresses(cfg([v4], 'both'), {
      logger: { ...quiet, warning: (m) => warnings.push(m) }
    })
    expect(found).toMatchObject({ ipv4: ['8.8.8.8'], ipv6: [] })
    expect(warnings.join('\n')).toMatch(/command .*v4only \(ip-command\) answered no IPv6 address/)
  })

  it.each([
    ['junk', 'echo "<html>login required</html>"', /answered with an HTML page/],
    ['two', 'echo 8.8.8.8 8.8.4.4', /answered 2 addresses/],
    ['nothing', 'true', /answered with an empty body/],
    ['private', 'echo 10.0.0.1', /private/],
    ['fails', 'echo "router said no" >&2; exit 3', /exited with code 3: router said no/],
    ['killed', 'kill -9 $$', /was killed by SIGKILL/]
  ])('%s: a failure naming the command', async (name, body, message) => {
    const path = script(name, body)
    const err = await detectAddresses(cfg([path]), { logger: quiet }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as Error).message).toContain(`command ${path} (ip-command)`)
    expect((err as Error).message).toMatch(message)
  })

  it('a missing program', async () => {
    const err = await runCommand([join(dir, 'nope')]).catch((e: unknown) => e)
    expect((err as Error).message).toMatch(/nope \(ip-command\) could not be started: ENOENT/)
  })

  /** Whether `pid` is still running (not gone, not a zombie) 1 s from now at the latest. */
  const stillRunning = async (pid: number): Promise<boolean> => {
    const running = (): boolean => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
      } catch {
        return false
      }
    }
    // SIGKILL of the group is asynchronous: the grandchild is gone (or a zombie) within a moment.
    for (let i = 0; i < 50 && running(); i++) await new Promise((r) => setTimeout(r, 20))
    return running()
  }
  /** A command that starts a grandchild, records its pid, and waits for it. */
  const parentOfSleep = (name: string): { path: string; pidFile: string } => {
    const pidFile = join(dir, `${name}.pid`)
    return { path: script(name, `sleep 30 & echo $! > ${pidFile}; wait`), pidFile }
  }

  it('hangs: stopped at the timeout, with the processes it started', async () => {
    const { path: hang, pidFile } = parentOfSleep('hang')
    const start = Date.now()
    const err = await runCommand([hang], { timeoutMs: 300 }).catch((e: unknown) => e)
    expect((err as Error).message).toBe(`command ${hang} (ip-command) did not finish within 0.3 s`)
    expect(Date.now() - start).toBeLessThan(5_000)
    expect(await stillRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false)
  })

  it('an abort signal stops it, with the processes it started', async () => {
    const { path: hang, pidFile } = parentOfSleep('hang2')
    const controller = new AbortController()
    const running = runCommand([hang], { signal: controller.signal })
    const pid = (): number => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0)
    for (let i = 0; i < 100 && !pid(); i++) await new Promise((r) => setTimeout(r, 20))
    const grandchild = pid()
    expect(grandchild).toBeGreaterThan(0)
    controller.abort()
    await expect(running).rejects.toThrow(/was stopped/)
    expect(await stillRunning(grandchild)).toBe(false)
  })

  it('output over the limit', async () => {
    const big = script('big', 'yes 8.8.8.8 | head -c 100000')
    await expect(runCommand([big])).rejects.toThrow(/printed more than 4096 bytes/)
  })

  it('the run’s credentials are withheld from the command; other variables pass', async () => {
    const env = script('env', 'echo "${AWS_SECRET_ACCESS_KEY:-unset} ${ROUTER_URL:-unset}"')
    const out = await runCommand([env], {
      env: { PATH: process.env.PATH, AWS_SECRET_ACCESS_KEY: 'secret', ROUTER_URL: 'http://r' }
    })
    expect(out).toBe('unset http://r\n')
  })
})
