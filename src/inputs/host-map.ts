import { InputError, shown } from '../model/errors.js'
import { KeyLines, entryLines } from './lines.js'

/**
 * `host-map`: one line per machine, `machine = fqdn[, fqdn…]`; blank lines and `#` comments are
 * ignored. Lets one workflow serve several self-hosted runners, each publishing its own names.
 * Names are checked only for being non-empty here: the caller validates them as DNS names.
 */

function bare(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '')
}

/** Parse the map: machine (lowercased, no trailing dot) → FQDNs in the order given. */
export function parseHostMap(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  const seen = new KeyLines()
  for (const { n, line, key, value } of entryLines(text)) {
    const fail: (problem: string) => never = (problem) => {
      throw new InputError('host-map', `line ${n}: ${problem}`)
    }
    if (key === undefined) fail(`'${shown(line)}' is not 'machine = name[, name…]'`)
    const machine = bare(key)
    if (machine === '') fail('the machine name is missing')
    if (/[\s,=]/.test(machine)) fail(`'${shown(machine)}' is not a machine name`)
    if (value.includes('=')) fail(`only one '=' is allowed (one machine per line)`)
    const names = value.split(',').map((s) => s.trim())
    if (names.every((s) => s === '')) fail(`no names are given for '${machine}'`)
    if (names.some((s) => s === '')) fail(`empty name in the list for '${machine}'`)
    const earlier = seen.repeated(machine, n)
    if (earlier !== undefined) fail(`machine '${machine}' is already mapped on line ${earlier}`)
    map.set(machine, [...new Set(names)])
  }
  return map
}

/** The entry for one name of this machine: exact, or with/without the domain; undefined if none. */
function matchOne(map: Map<string, string[]>, machine: string): string[] | undefined {
  const exact = map.get(machine)
  if (exact) return exact
  const short = (name: string): string => name.split('.')[0] as string
  const matches = [...map.keys()].filter(
    (key) =>
      (!key.includes('.') && key === short(machine)) ||
      (!machine.includes('.') && short(key) === machine)
  )
  if (matches.length > 1) throw new InputError('host-map', ambiguous(machine, matches))
  return matches.length === 1 ? map.get(matches[0] as string) : undefined
}

const ambiguous = (machine: string, matches: string[]): string =>
  `this machine ('${machine}') matches several entries (${matches.join(', ')}): use its full name`

const UNKNOWN_MACHINE = "this machine's host name is unknown, so no entry can be chosen"

/** The error for a map without this machine: both of its names, and what the map holds. */
function noEntry(machine: string, runner: string, map: Map<string, string[]>): string {
  const known = [...map.keys()]
  const who =
    runner !== '' && runner !== machine
      ? `host name '${shown(machine)}', runner name '${shown(runner)}'`
      : `'${shown(machine || runner)}'`
  return `has no entry for this machine (${who}); it maps: ${known.length ? known.join(', ') : '(nothing)'}`
}

/**
 * The names for this machine. Matching ignores case and a trailing dot, and works with or without
 * the domain: machine 'web1.lan' matches key 'web1', and machine 'web1' matches key 'web1.lan'. An
 * exact match wins; several inexact matches are an InputError. The host name is tried first, then
 * the runner's name (`RUNNER_NAME`): in a container job the host name is the container's id.
 * No match for either is an InputError naming both.
 */
export function hostsForMachine(
  map: Map<string, string[]>,
  machineHostname: string,
  runnerName?: string
): string[] {
  const machine = bare(machineHostname)
  const runner = bare(runnerName ?? '')
  if (machine === '' && runner === '') throw new InputError('host-map', UNKNOWN_MACHINE)
  for (const name of [machine, runner]) {
    if (name === '') continue
    const names = matchOne(map, name)
    if (names) return names
  }
  throw new InputError('host-map', noEntry(machine, runner, map))
}
