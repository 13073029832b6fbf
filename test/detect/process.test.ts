// How ip-command is started per platform (pure, run everywhere with the platform injected), and
// start failures that Node throws instead of reporting.
import { describe, expect, it } from 'vitest'
import { cmdQuote, isBatchFile, spawnPlan } from '../../src/detect/process.js'
import { runCommand } from '../../src/detect/command.js'

const env = { PATH: 'x' }

describe('isBatchFile', () => {
  it.each([
    ['C:\\tools\\wan.cmd', true],
    ['C:\\tools\\WAN.BAT', true],
    ['wan.cmd. .', true],
    ['C:\\tools\\wan.exe', false],
    ['C:\\tools\\cmd', false],
    ['/usr/bin/wan.sh', false]
  ])('%s: %s', (program, batch) => {
    expect(isBatchFile(program)).toBe(batch)
  })
})

describe('spawnPlan', () => {
  it('POSIX: the program itself, in a process group of its own', () => {
    const plan = spawnPlan(['/usr/bin/x.cmd', 'a b'], env, 'linux')
    expect(plan).toMatchObject({ file: '/usr/bin/x.cmd', args: ['a b'] })
    expect(plan.options).toMatchObject({ shell: false, detached: true, env })
  })

  it('Windows: a program is started directly, with no console window of its own', () => {
    const plan = spawnPlan(['C:\\tools\\wan.exe', '--wan'], env, 'win32')
    expect(plan).toMatchObject({ file: 'C:\\tools\\wan.exe', args: ['--wan'] })
    expect(plan.options).toMatchObject({ shell: false, detached: false, windowsHide: true })
    expect(plan.options.windowsVerbatimArguments).toBeUndefined()
  })

  it('Windows: a batch file goes through cmd.exe, every word quoted, verbatim', () => {
    const plan = spawnPlan(
      ['C:\\Program Files\\wan ip.CMD', 'a b', '', 'x&y|z>w', '^!()', 'C:\\dir\\'],
      env,
      'win32',
      'C:\\Windows\\system32\\cmd.exe'
    )
    expect(plan.file).toBe('C:\\Windows\\system32\\cmd.exe')
    expect(plan.args).toEqual([
      '/d',
      '/v:off',
      '/s',
      '/c',
      '""C:\\Program Files\\wan ip.CMD" "a b" "" "x&y|z>w" "^!()" "C:\\dir\\""'
    ])
    expect(plan.options).toMatchObject({ shell: false, windowsVerbatimArguments: true, env })
  })

  it.each([
    [['C:\\x.cmd', 'say "hi"'], /Argument 1 of ip-command holds "/],
    [['C:\\x.cmd', 'ok', '%PATH%'], /Argument 2 of ip-command holds %/],
    [['C:\\x.cmd', 'a\nb'], /Argument 1 of ip-command holds a line break/],
    [['C:\\100%\\x.bat'], /batch file's name \(ip-command\) holds %/]
  ])('Windows: refuses %j (cmd would interpret it)', (argv, message) => {
    expect(() => spawnPlan(argv, env, 'win32')).toThrow(message)
    expect(() => spawnPlan(argv, env, 'win32')).toThrow(/run a program .* instead of a batch file/)
    // The same words are passed untouched where no cmd.exe is involved.
    expect(spawnPlan(argv, env, 'linux').args).toEqual(argv.slice(1))
  })

  it('cmdQuote quotes even a plain word', () => {
    expect(cmdQuote('abc', 'x')).toBe('"abc"')
  })
})

describe('runCommand start failures', () => {
  it('a refusal Node throws synchronously names ip-command and the program', async () => {
    const err = await runCommand(['/bin/echo\0x', '8.8.8.8']).catch((e: unknown) => e)
    expect((err as Error).message).toMatch(
      /^command \/bin\/echo\\x00x \(ip-command\) could not be started: ERR_INVALID_ARG_VALUE/
    )
  })

  it('a batch file that cannot be quoted is refused before anything starts', async () => {
    const err = await runCommand(['C:\\wan.cmd', '%USERNAME%'], { platform: 'win32' }).catch(
      (e: unknown) => e
    )
    expect((err as Error).message).toMatch(
      /^command C:\\wan\.cmd \(ip-command\): Argument 1 of ip-command holds %/
    )
  })
})
