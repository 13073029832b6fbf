// contrib/macos: the launchd daemons parse as property lists (the `plist` package) and say what
// the README promises.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parsePlist } from 'plist'
import { ROOT } from './helpers/run-action.js'

const DIR = join(ROOT, 'contrib/macos')
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.plist'))
type Job = Record<string, unknown> & {
  ProgramArguments: string[]
  EnvironmentVariables: Record<string, string>
}
const job = (file: string): Job => parsePlist(readFileSync(join(DIR, file), 'utf8')) as Job

describe('contrib/macos launchd daemons', () => {
  it('ship: the one-shot and the watch', () => {
    expect(FILES.sort()).toEqual([
      'com.github.route53-ddns.plist',
      'com.github.route53-ddns.watch.plist'
    ])
  })

  it('a broken property list is refused by the parser', () => {
    const text = readFileSync(join(DIR, FILES[0] as string), 'utf8')
    expect(() => parsePlist(text.replace('<true/>', '<true>'))).toThrow()
  })

  it.each(FILES)(
    '%s: its label is its file name; it runs the installed command as nobody, without keys',
    (file) => {
      const j = job(file)
      expect(j.Label).toBe(file.replace(/\.plist$/, ''))
      expect(j.ProgramArguments[0]).toBe('/usr/local/bin/route53-ddns')
      expect(j.UserName).toBe('nobody')
      expect(j.RunAtLoad).toBe(true)
      expect(j.EnvironmentVariables).toMatchObject({
        ROUTE53_DDNS_HOSTNAME: expect.any(String),
        AWS_SHARED_CREDENTIALS_FILE: '/usr/local/etc/route53-ddns/credentials'
      })
      expect(
        Object.keys(j.EnvironmentVariables).filter((k) => /SECRET|ACCESS_KEY|TOKEN/.test(k))
      ).toEqual([])
      expect(j.StandardOutPath).toBe(j.StandardErrorPath)
    }
  )

  it('the one-shot runs every 5 minutes', () => {
    const j = job('com.github.route53-ddns.plist')
    expect(j.ProgramArguments).toEqual(['/usr/local/bin/route53-ddns'])
    expect(j.StartInterval).toBe(300)
    expect(j.KeepAlive).toBeUndefined()
  })

  it('the watch is kept alive after a failure and given time to delete on stop', () => {
    const j = job('com.github.route53-ddns.watch.plist')
    expect(j.ProgramArguments).toEqual(['/usr/local/bin/route53-ddns', 'watch'])
    expect(j.KeepAlive).toEqual({ SuccessfulExit: false })
    expect(j.StartInterval).toBeUndefined()
    expect(j.ExitTimeOut).toBeGreaterThanOrEqual(20)
  })
})
