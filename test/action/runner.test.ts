import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createRunner,
  escapeData,
  escapeProperty,
  formatCommand,
  outputEntry
} from '../../src/action/runner.js'
import { clearSecrets } from '../../src/net/redact.js'
import { parseOutputFile } from '../helpers/run-action.js'

function realRunner(env: Record<string, string | undefined> = {}) {
  let stdout = ''
  const codes: number[] = []
  const runner = createRunner({
    env,
    write: (t) => void (stdout += t),
    setExitCode: (c) => void codes.push(c)
  })
  return { runner, stdout: () => stdout, codes }
}

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'r53-runner-'))
  const output = join(dir, 'output')
  const summary = join(dir, 'summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  return { output, summary }
}

afterEach(() => clearSecrets())

describe('workflow commands (GitHub documented escaping)', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b')
    expect(escapeProperty('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext%3A a%2Cb')
    expect(formatCommand('warning', {}, 'a\nb')).toBe('::warning::a%0Ab')
    expect(formatCommand('notice', { title: 'x:y', file: 'a,b' }, 'v')).toBe(
      '::notice title=x%3Ay,file=a%2Cb::v'
    )
  })

  it('writes one command per line for warning and debug; info as plain text', () => {
    const { runner, stdout, codes } = realRunner()
    runner.info('hello\nworld')
    runner.warning('careful: 100%')
    runner.debug('detail')
    expect(stdout()).toBe('hello\nworld\n::warning::careful: 100%25\n::debug::detail\n')
    expect(codes).toEqual([])
  })

  it('setFailed writes an error annotation and sets exit code 1', () => {
    const { runner, stdout, codes } = realRunner()
    runner.setFailed('it broke')
    expect(stdout()).toBe('::error::it broke\n')
    expect(codes).toEqual([1])
  })

  it('setSecret emits one ::add-mask:: (the runner masks each line too) and masks the value in everything written later', () => {
    const { output, summary } = files()
    const { runner, stdout } = realRunner({ GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary })
    runner.setSecret('s3cr3t-value-1\ns3cr3t-value-2')
    runner.info('got s3cr3t-value-1 and s3cr3t-value-2')
    runner.warning('s3cr3t-value-1')
    runner.setOutput('token', 'x s3cr3t-value-2 y')
    runner.appendSummary('<p>s3cr3t-value-1</p>')
    expect(stdout()).toBe(
      '::add-mask::s3cr3t-value-1%0As3cr3t-value-2\n' + 'got *** and ***\n::warning::***\n'
    )
    expect(parseOutputFile(readFileSync(output, 'utf8'))).toEqual({ token: 'x *** y' })
    expect(readFileSync(summary, 'utf8')).toBe('<p>***</p>')
  })
})

describe('control sequences in messages', () => {
  it('are escaped in log lines and annotations; line ends stay the commands’ own', () => {
    const { runner, stdout } = realRunner()
    runner.info('a\u001b[2Jb\u009b31m')
    runner.warning('w\u001b]0;t\u0007\r\nx')
    expect(stdout().split(/\r?\n/).slice(0, 2)).toEqual([
      'a\\x1b[2Jb\\x9b31m',
      '::warning::w\\x1b]0;t\\x07%0D%0Ax'
    ])
  })
})

describe('file commands', () => {
  it('writes outputs in the heredoc form with a fresh random delimiter each time', () => {
    const { output } = files()
    const { runner, stdout } = realRunner({ GITHUB_OUTPUT: output })
    runner.setOutput('records', '[{"a":1}]')
    runner.setOutput('multi', 'line one\nline two')
    runner.setOutput('empty', '')
    const text = readFileSync(output, 'utf8')
    expect(parseOutputFile(text)).toEqual({
      records: '[{"a":1}]',
      multi: 'line one\nline two',
      empty: ''
    })
    const delimiters = [...text.matchAll(/^\w+<<(.+)$/gm)].map((m) => m[1])
    expect(delimiters).toHaveLength(3)
    expect(new Set(delimiters).size).toBe(3)
    for (const d of delimiters) expect(d).toMatch(/^ghadelimiter_[0-9a-f-]{36}$/)
    expect(stdout()).toBe('')
  })

  it('refuses a value that contains the delimiter', () => {
    expect(() => outputEntry('x', 'a\nDELIM\nb', 'DELIM')).toThrow(/delimiter/)
    expect(outputEntry('x', 'v', 'D')).toBe('x<<D\nv\nD\n')
  })

  it('writes no output without GITHUB_OUTPUT (no ::set-output:: on stdout)', () => {
    const { runner, stdout } = realRunner({})
    runner.setOutput('changed', 'true')
    expect(stdout()).toBe('')
  })

  it('appends to the step summary, and has none without GITHUB_STEP_SUMMARY', () => {
    const { summary } = files()
    writeFileSync(summary, 'earlier step\n')
    const { runner } = realRunner({ GITHUB_STEP_SUMMARY: summary })
    expect(runner.hasSummary()).toBe(true)
    runner.appendSummary('<h2>one</h2>\n')
    runner.appendSummary('two\n')
    expect(readFileSync(summary, 'utf8')).toBe('earlier step\n<h2>one</h2>\ntwo\n')
    const none = realRunner({}).runner
    expect(none.hasSummary()).toBe(false)
    expect(() => none.appendSummary('x')).not.toThrow()
  })
})

describe('inputs', () => {
  it('reads INPUT_<NAME> with spaces as underscores, upper-cased, hyphens kept, trimmed', () => {
    const { runner } = realRunner({
      'INPUT_HOSTED-ZONE-ID': '  Z123 \n',
      INPUT_MY_INPUT: 'v'
    })
    expect(runner.getInput('hosted-zone-id')).toBe('Z123')
    expect(runner.getInput('my input')).toBe('v')
    expect(runner.getInput('missing')).toBe('')
  })
})

describe('OIDC token', () => {
  it('uses the injected token source', async () => {
    const runner = createRunner({
      env: {},
      write: () => undefined,
      getIDToken: (aud) => Promise.resolve(`token-for-${aud}`)
    })
    await expect(runner.getIDToken('sts.amazonaws.com')).resolves.toBe(
      'token-for-sts.amazonaws.com'
    )
  })
})
