import { InputError, shown } from '../model/errors.js'

/**
 * The `ip-command` input: the program and arguments to run for `ip-source: command`. It comes from
 * the workflow file or the machine's configuration, never from event data, and is run without a
 * shell (detect/command.ts), so this splitter refuses what a shell would have interpreted. Pure.
 */

// Characters a shell would interpret: refused unquoted, so nobody expects a pipe or a glob to work.
const SHELL_SPECIAL = new Set([...'|&;<>()$`*?[]{}~!'])

/**
 * Split `ip-command` into argv. Either a JSON array of strings (`["/usr/bin/x", "--wan"]`), or
 * words separated by spaces, where `'…'` is literal, `"…"` allows `\"` and `\\`, and a backslash
 * outside quotes escapes the next character. Characters a shell would interpret (`| & ; < > ( ) $`
 * and globs) must be quoted. Throws InputError('ip-command', …).
 */
export function parseCommand(text: string): string[] {
  const fail = (problem: string): never => {
    throw new InputError('ip-command', problem)
  }
  const source = text.trim()
  if (source === '') fail('is empty')
  if (source.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(source)
    } catch {
      fail('starts with [ but is not a JSON array of strings')
    }
    if (!Array.isArray(parsed) || parsed.length === 0) fail('must be a non-empty JSON array')
    const argv = parsed as unknown[]
    argv.forEach((word, i) => {
      if (typeof word !== 'string') fail(`element ${i} of the JSON array is not a string`)
      if ((word as string).includes('\0')) fail(`element ${i} contains a NUL character`)
    })
    if (argv[0] === '') fail('the program (element 0) is empty')
    return argv as string[]
  }

  const argv: string[] = []
  let word: string | undefined
  let i = 0
  const append = (c: string): void => {
    word = (word ?? '') + c
  }
  while (i < source.length) {
    const c = source[i] as string
    if (c === ' ' || c === '\t') {
      if (word !== undefined) argv.push(word)
      word = undefined
      i++
    } else if (c === '\n' || c === '\r' || c === '\0') {
      fail('must be one line (no newline or NUL characters)')
    } else if (c === "'") {
      const end = source.indexOf("'", i + 1)
      if (end < 0) fail(`has an unterminated ' quote`)
      append(source.slice(i + 1, end))
      i = end + 1
    } else if (c === '"') {
      let j = i + 1
      let chunk = ''
      for (;;) {
        if (j >= source.length) fail('has an unterminated " quote')
        const d = source[j] as string
        if (d === '"') break
        if (d === '\\' && (source[j + 1] === '"' || source[j + 1] === '\\')) {
          chunk += source[j + 1]
          j += 2
        } else {
          chunk += d
          j++
        }
      }
      append(chunk)
      i = j + 1
    } else if (c === '\\') {
      if (i + 1 >= source.length) fail('ends with a lone backslash')
      append(source[i + 1] as string)
      i += 2
    } else if (SHELL_SPECIAL.has(c) || (c === '#' && word === undefined)) {
      fail(
        `has an unquoted '${c}': the command is run without a shell, so pipes, redirections, variables, globs and substitutions do not work. Quote the character to pass it literally, or put the logic in a script`
      )
    } else {
      append(c)
      i++
    }
  }
  if (word !== undefined) argv.push(word)
  if (argv[0] === '') fail('the program (first word) is empty')
  return argv
}

/** How messages name the command: its program only (arguments may hold a secret). */
export function commandLabel(argv: readonly string[]): string {
  return `command ${shown(argv[0] ?? '')} (ip-command)`
}
