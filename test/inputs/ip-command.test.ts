import { describe, expect, it } from 'vitest'
import { commandLabel, parseCommand } from '../../src/inputs/ip-command.js'
import { InputError } from '../../src/model/errors.js'

describe('parseCommand', () => {
  it.each([
    ['/usr/local/bin/router-ip', ['/usr/local/bin/router-ip']],
    ['  router-ip   --wan  eth0 ', ['router-ip', '--wan', 'eth0']],
    [`get-ip 'a b' "c d" e\\ f`, ['get-ip', 'a b', 'c d', 'e f']],
    [`get-ip "say \\"hi\\"" 'back\\slash'`, ['get-ip', 'say "hi"', 'back\\slash']],
    [`get-ip --x='|' "$HOME" '*'`, ['get-ip', '--x=|', '$HOME', '*']],
    [`get-ip a#b ''`, ['get-ip', 'a#b', '']],
    ['["/opt/ip tool", "--json", "a|b"]', ['/opt/ip tool', '--json', 'a|b']]
  ])('%s', (text, argv) => {
    expect(parseCommand(text)).toEqual(argv)
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
      parseCommand(text)
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
