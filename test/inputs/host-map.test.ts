import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/model/errors.js'
import { hostsForMachine, parseHostMap } from '../../src/inputs/host-map.js'
import { parseInputs } from '../../src/inputs/inputs.js'

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    expect((e as InputError).input).toBe('host-map')
    return e as InputError
  }
  throw new Error('expected an InputError')
}

const text = `
# runners and their names
web1 = web1.example.com, www.example.com
DB1.lan = db.example.com   # trailing comment

nas=nas.example.org
`

describe('parseHostMap', () => {
  it('parses lines, ignoring blanks and comments, lowercasing machines', () => {
    expect(parseHostMap(text)).toEqual(
      new Map([
        ['web1', ['web1.example.com', 'www.example.com']],
        ['db1.lan', ['db.example.com']],
        ['nas', ['nas.example.org']]
      ])
    )
  })

  it('accepts CRLF line ends and drops repeated names', () => {
    expect(parseHostMap('a = x.example.com, x.example.com\r\nb = y.example.com\r\n')).toEqual(
      new Map([
        ['a', ['x.example.com']],
        ['b', ['y.example.com']]
      ])
    )
  })

  it('leaves the names themselves to the caller to validate', () => {
    expect(parseHostMap('a = *.Example.COM., not a name')).toEqual(
      new Map([['a', ['*.Example.COM.', 'not a name']]])
    )
  })

  it('an empty map is empty', () => {
    expect(parseHostMap('\n# nothing\n  \n').size).toBe(0)
  })

  it.each([
    ['web1 web1.example.com', "line 1: 'web1 web1.example.com' is not 'machine = name[, name…]'"],
    ['# c\n = x.example.com', 'line 2: the machine name is missing'],
    ['web1 =', "line 1: no names are given for 'web1'"],
    ['web1 = ,', "line 1: no names are given for 'web1'"],
    ['web1 = a.example.com,', "line 1: empty name in the list for 'web1'"],
    ['web1 = a.example.com,,b.example.com', "line 1: empty name in the list for 'web1'"],
    ['web 1 = a.example.com', "line 1: 'web 1' is not a machine name"],
    ['a = b = c', "line 1: only one '=' is allowed (one machine per line)"],
    [
      'web1 = a.example.com\n\nWEB1 = b.example.com',
      "line 3: machine 'web1' is already mapped on line 1"
    ],
    ['web1. = a.example.com\nweb1 = b.example.com', "line 2: machine 'web1' is already mapped"]
  ])('rejects %j', (input, problem) => {
    const e = inputError(() => parseHostMap(input))
    expect(e.problem).toContain(problem)
    expect(e.message).toMatch(/^Input 'host-map': line \d+: /)
  })
})

describe('hostsForMachine', () => {
  const map = parseHostMap(text)

  it.each([
    ['web1', ['web1.example.com', 'www.example.com']],
    ['WEB1', ['web1.example.com', 'www.example.com']],
    ['web1.lan', ['web1.example.com', 'www.example.com']], // machine with domain, key without
    ['web1.corp.example.', ['web1.example.com', 'www.example.com']],
    ['db1', ['db.example.com']], // machine without domain, key with
    ['db1.lan', ['db.example.com']],
    ['Db1.Lan.', ['db.example.com']],
    ['nas', ['nas.example.org']]
  ])('%s → %j', (machine, names) => {
    expect(hostsForMachine(map, machine)).toEqual(names)
  })

  it('does not match a different domain', () => {
    const e = inputError(() => hostsForMachine(map, 'db1.corp'))
    expect(e.message).toBe(
      "Input 'host-map': has no entry for this machine ('db1.corp'); it maps: web1, db1.lan, nas"
    )
  })

  it('does not match on a prefix', () => {
    inputError(() => hostsForMachine(map, 'web10'))
    inputError(() => hostsForMachine(map, 'web'))
  })

  it('an exact entry wins over a short-name one', () => {
    const m = parseHostMap('web1 = short.example.com\nweb1.lan = full.example.com')
    expect(hostsForMachine(m, 'web1.lan')).toEqual(['full.example.com'])
    expect(hostsForMachine(m, 'web1')).toEqual(['short.example.com'])
  })

  it('several inexact matches are ambiguous', () => {
    const m = parseHostMap('web1.lan = a.example.com\nweb1.corp = b.example.com')
    const e = inputError(() => hostsForMachine(m, 'web1'))
    expect(e.problem).toContain(
      "this machine ('web1') matches several entries (web1.lan, web1.corp)"
    )
  })

  it('an unknown machine names itself and what the map knows', () => {
    const e = inputError(() => hostsForMachine(map, 'build-7'))
    expect(e.problem).toBe("has no entry for this machine ('build-7'); it maps: web1, db1.lan, nas")
    expect(inputError(() => hostsForMachine(new Map(), 'x')).problem).toContain('(nothing)')
  })

  it('an unknown host name of this machine is an error', () => {
    expect(inputError(() => hostsForMachine(map, '')).problem).toMatch(/host name is unknown/)
  })
})

describe('hostsForMachine with the runner name (container jobs)', () => {
  const map = parseHostMap('web1 = web1.example.com\nnas = nas.example.org')
  // In a container job os.hostname() is the container's id.
  const containerId = '3f2a9c81d4e7'

  it('falls back to RUNNER_NAME when the host name has no entry', () => {
    expect(hostsForMachine(map, containerId, 'web1')).toEqual(['web1.example.com'])
    expect(hostsForMachine(map, containerId, 'NAS.lan.')).toEqual(['nas.example.org'])
  })

  it('the host name wins when both have entries', () => {
    expect(hostsForMachine(map, 'nas', 'web1')).toEqual(['nas.example.org'])
  })

  it('neither matching names both', () => {
    const e = inputError(() => hostsForMachine(map, containerId, 'build-7'))
    expect(e.problem).toBe(
      `has no entry for this machine (host name '${containerId}', runner name 'build-7'); it maps: web1, nas`
    )
  })

  it('a runner name alone is enough when the host name is unknown', () => {
    expect(hostsForMachine(map, '', 'web1')).toEqual(['web1.example.com'])
  })

  it('parseInputs reads RUNNER_NAME from the environment', () => {
    const config = parseInputs(
      (name) =>
        name === 'host-map' ? 'web1 = web1.example.com' : name === 'ip' ? '198.51.100.7' : '',
      { machine: containerId, env: { RUNNER_NAME: 'web1' } }
    )
    expect(config.hostnames).toEqual(['web1.example.com'])
  })
})
