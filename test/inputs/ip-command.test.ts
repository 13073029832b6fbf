import { describe, expect, it } from 'vitest'
import { commandLabel, parseCommand } from '../../src/inputs/ip-command.js'
import { InputError } from '../../src/model/errors.js'

describe('parseCommand on Linux and macOS (POSIX-shell-like words)', () => {
  it.each([
    ['/usr/local/bin/router-ip', ['/usr/local/bin/router-ip']],
    ['  router-ip   --wan  eth0 ', ['router-ip', '--wan', 'eth0']],
    [`get-ip 'a b' "c d" e\\ f`, ['get-ip', 'a b', 'c d', 'e f']],
    [`get-ip "say \\"hi\\"" 'back\\slash'`, ['get-ip', 'say "hi"', 'back\\slash']],
    [`get-ip --x='|' "$HOME" '*'`, ['get-ip', '--x=|', '$HOME', '*']],
    [`get-ip a#b ''`, ['get-ip', 'a#b', '']],
    ['["/opt/ip tool", "--json", "a|b"]', ['/opt/ip tool', '--json', 'a|b']]
  ])('%s', (text, argv) => {
    expect(parseCommand(text, 'linux')).toEqual(argv)
    expect(parseCommand(text, 'darwin')).toEqual(argv)
  })

  it.each([
    ['', /is empty/],
    ['   ', /is empty/],
    ['get-ip | head -1', /unquoted '\|'.*without a shell/],
    ['get-ip > /tmp/x', /unquoted '>'/],
    ['get-ip; rm -rf /', /unquoted ';'/],
    ['get-ip $(curl x)', /unquoted '\$'/],
    ['get-ip `id`', /unquoted '`'/],
    ['get-ip *.txt', /unquoted '\*'/],
    ['get-ip ~/x', /unquoted '~'/],
    ['get-ip # comment', /unquoted '#'/],
    ["get-ip 'open", /unterminated ' quote/],
    ['get-ip "open', /unterminated " quote/],
    ['get-ip \\', /lone backslash/],
    ['get-ip\nrm x', /one line/],
    ["'' x", /program .* is empty/],
    ['[', /not a JSON array/],
    ['[]', /non-empty JSON array/],
    ['["x", 1]', /element 1 .* not a string/],
    ['[""]', /program \(element 0\) is empty/],
    ['["x\\u0000"]', /NUL/]
  ])('refuses %j', (text, message) => {
    let caught: unknown
    try {
      parseCommand(text, 'linux')
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).input).toBe('ip-command')
    expect((caught as Error).message).toMatch(message)
  })
})

describe('commandLabel', () => {
  it('names only the program, not its arguments (they may hold a secret)', () => {
    expect(commandLabel(['/usr/bin/router-ip', '--password', 'hunter2'])).toBe(
      'command /usr/bin/router-ip (ip-command)'
    )
  })
})

/** The InputError a parse throws, or undefined. */
function refusal(text: string, platform: NodeJS.Platform): InputError | undefined {
  try {
    parseCommand(text, platform)
  } catch (err) {
    return err as InputError
  }
  return undefined
}

describe('parseCommand on Windows (Windows argument rules)', () => {
  it.each([
    [String.raw`C:\tools\wan-ip.exe`, [String.raw`C:\tools\wan-ip.exe`]],
    [
      String.raw`C:\tools\wan-ip.exe --share \\nas\ip`,
      [String.raw`C:\tools\wan-ip.exe`, '--share', String.raw`\\nas\ip`]
    ],
    [
      String.raw`"C:\Program Files\Router\wan ip.exe" --wan`,
      [String.raw`C:\Program Files\Router\wan ip.exe`, '--wan']
    ],
    [String.raw`"C:\Program Files (x86)\x.exe"`, [String.raw`C:\Program Files (x86)\x.exe`]],
    [String.raw`C:\PROGRA~1\Router\wan.cmd`, [String.raw`C:\PROGRA~1\Router\wan.cmd`]],
    [
      String.raw`x.exe "C:\dir with space\\"`,
      ['x.exe', String.raw`C:\dir with space\\`.slice(0, -1)]
    ],
    [String.raw`x.exe say\"hi\"`, ['x.exe', 'say"hi"']],
    [String.raw`x.exe "say ""hi"""`, ['x.exe', 'say "hi"']],
    [String.raw`x.exe a\\\"b`, ['x.exe', String.raw`a\"b`]],
    [String.raw`x.exe a\\"b c"`, ['x.exe', String.raw`a\b c`]],
    [`x.exe --x="|" "%PATH%" ""`, ['x.exe', '--x=|', '%PATH%', '']],
    ['x.exe a#b', ['x.exe', 'a#b']],
    [String.raw`["C:\\tools\\wan ip.exe", "--json"]`, [String.raw`C:\tools\wan ip.exe`, '--json']]
  ])('%s', (text, argv) => {
    expect(parseCommand(text, 'win32')).toEqual(argv)
  })

  it('the same path is mangled by the POSIX rules (why the platform matters)', () => {
    expect(parseCommand(String.raw`C:\tools\wan-ip.exe`, 'linux')).toEqual(['C:toolswan-ip.exe'])
  })

  it.each([
    ['x.exe | more', /unquoted '\|'/],
    ['x.exe %PATH%', /unquoted '%'/],
    ['x.exe a^&b', /unquoted '\^'/],
    ['x.exe $env:TEMP', /unquoted '\$'/],
    [String.raw`'C:\Program Files\x.exe'`, /unquoted '''.*only double quotes/],
    [String.raw`"C:\dir\" x`, /unterminated " quote.*backslash before a quote/],
    ['x.exe # comment', /unquoted '#'/],
    ['"" x', /program .* is empty/],
    ['x.exe\r\ny', /one line/]
  ])('refuses %j', (text, message) => {
    const err = refusal(text, 'win32')
    expect(err).toBeInstanceOf(InputError)
    expect(err?.input).toBe('ip-command')
    expect(err?.message).toMatch(message)
  })
})
