import { describe, expect, it } from 'vitest'
import { cliLogger, type Io, type LogOptions } from '../../src/cli/io.js'

function capture(options: LogOptions) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    env: {}
  }
  return { log: cliLogger(io, options), out, err }
}

describe('cliLogger', () => {
  it('writes info to stdout, warnings to stderr, debug only when verbose', () => {
    const quiet = capture({ verbose: false, info: 'stdout', lines: 'indent' })
    quiet.log.info('a.example.com: created')
    quiet.log.warning('slow')
    quiet.log.debug('detail')
    expect(quiet.out).toEqual(['a.example.com: created\n'])
    expect(quiet.err).toEqual(['warning: slow\n'])

    const loud = capture({ verbose: true, info: 'stdout', lines: 'indent' })
    loud.log.debug('detail')
    expect(loud.err).toEqual(['debug: detail\n'])
  })

  it('keeps stdout for the JSON when info goes to stderr', () => {
    const c = capture({ verbose: false, info: 'stderr', lines: 'indent' })
    c.log.info('hello')
    expect(c.out).toEqual([])
    expect(c.err).toEqual(['hello\n'])
  })

  it('indents continuation lines, or joins them into one line', () => {
    const indent = capture({ verbose: false, info: 'stdout', lines: 'indent' })
    indent.log.info('first\nsecond')
    expect(indent.out).toEqual(['first\n  second\n'])

    const join = capture({ verbose: true, info: 'debug', lines: 'join' })
    join.log.info('first\n   second')
    expect(join.out).toEqual([])
    expect(join.err).toEqual(['debug: first second\n'])
  })

  it('repeats the same warning at most once per interval', () => {
    let now = 0
    const c = capture({
      verbose: false,
      info: 'debug',
      lines: 'join',
      repeat: { everyMs: 1000, now: () => now }
    })
    c.log.warning('echo provider slow')
    now = 999
    c.log.warning('echo provider slow')
    c.log.warning('another')
    now = 1000
    c.log.warning('echo provider slow')
    expect(c.err).toEqual([
      'warning: echo provider slow\n',
      'warning: another\n',
      'warning: echo provider slow\n'
    ])
  })
})
