import { InputError, shown } from '../model/errors.js'

/**
 * The `ip-command` input: the program and arguments to run for `ip-source: command`. It comes from
 * the workflow file or the machine's configuration, never from event data, and is run without a
 * shell (detect/command.ts), so this splitter refuses what a shell would have interpreted. Pure:
 * the platform, whose quoting rules apply, is passed in.
 */

// Characters a shell would interpret: refused unquoted, so nobody expects a pipe or a glob to work.
const POSIX_SPECIAL = new Set([...'|&;<>()$`*?[]{}~!'])
// On Windows also cmd's `%` and `^` and PowerShell's quote `'`; `~` stays (short names: PROGRA~1).
const WINDOWS_SPECIAL = new Set([..."|&;<>()$`*?[]{}!%^'"])

type Fail = (problem: string) => never

const failer =
  (): Fail =>
  (problem: string): never => {
    throw new InputError('ip-command', problem)
  }

/**
 * Split `ip-command` into argv. Either a JSON array of strings (`["/usr/bin/x", "--wan"]`), or
 * words separated by spaces. On `win32`, Windows' own rules: `"…"` groups, a backslash is literal
 * except before a quote (`\"` is a quote, `\\"` a backslash then a quote), `""` inside quotes is a
 * quote. Elsewhere, POSIX-shell-like rules: `'…'` is literal, `"…"` allows `\"` and `\\`, and a
 * backslash outside quotes escapes the next character. Characters a shell would interpret must be
 * quoted. Throws InputError('ip-command', …).
 */
export function parseCommand(text: string, platform: NodeJS.Platform): string[] {
  const fail = failer()
  const source = text.trim()
  if (source === '') fail('is empty')
  if (source.startsWith('[')) {
    const argv = parseJsonArgv(source, fail)
    if (argv[0] === '') fail('the program (element 0) is empty')
    return argv
  }
  if (/[\n\r\0]/.test(source)) fail('must be one line (no newline or NUL characters)')
  const argv = platform === 'win32' ? splitWindows(source, fail) : splitPosix(source, fail)
  if (argv[0] === '') fail('the program (first word) is empty')
  return argv
}

function parseJsonArgv(source: string, fail: Fail): string[] {
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
  return argv as string[]
}

function refuseSpecial(c: string, fail: Fail, windows: boolean): never {
  const hint = windows && c === "'" ? ' (on Windows only double quotes group words: use "…")' : ''
  return fail(
    `has an unquoted '${c}'${hint}: the command is run without a shell, so pipes, redirections, variables, globs and substitutions do not work. Quote the character to pass it literally, or put the logic in a script`
  )
}

/** POSIX-shell-like words: '…' literal, "…" with \" and \\, a backslash escapes outside quotes. */
function splitPosix(source: string, fail: Fail): string[] {
  const argv: string[] = []
  let word: string | undefined
  let i = 0
  while (i < source.length) {
    const c = source[i] as string
    if (c === ' ' || c === '\t') {
      if (word !== undefined) argv.push(word)
      word = undefined
      i++
    } else if (c === "'") {
      const end = source.indexOf("'", i + 1)
      if (end < 0) fail(`has an unterminated ' quote`)
      word = (word ?? '') + source.slice(i + 1, end)
      i = end + 1
    } else if (c === '"') {
      let j = i + 1
      let chunk = ''
      for (; source[j] !== '"'; j++) {
        if (j >= source.length) fail('has an unterminated " quote')
        if (source[j] === '\\' && (source[j + 1] === '"' || source[j + 1] === '\\')) j++
        chunk += source[j]
      }
      word = (word ?? '') + chunk
      i = j + 1
    } else if (c === '\\') {
      if (i + 1 >= source.length) fail('ends with a lone backslash')
      word = (word ?? '') + source[i + 1]
      i += 2
    } else if (POSIX_SPECIAL.has(c) || (c === '#' && word === undefined)) {
      refuseSpecial(c, fail, false)
    } else {
      word = (word ?? '') + c
      i++
    }
  }
  if (word !== undefined) argv.push(word)
  return argv
}

/**
 * Windows' words (the rules of CommandLineToArgvW and the C runtime): `"` starts and ends a
 * quoted part, `""` inside one is a literal quote, 2n backslashes before a quote are n backslashes
 * (and the quote delimits), 2n+1 are n and a literal quote; other backslashes are literal.
 */
function splitWindows(source: string, fail: Fail): string[] {
  const argv: string[] = []
  let word: string | undefined
  let quoted = false
  let i = 0
  while (i < source.length) {
    const c = source[i] as string
    if (c === '\\') {
      let n = 0
      while (source[i + n] === '\\') n++
      const beforeQuote = source[i + n] === '"'
      word = (word ?? '') + '\\'.repeat(beforeQuote ? Math.floor(n / 2) : n)
      i += n
      if (beforeQuote && n % 2 === 1) {
        word += '"'
        i++
      }
    } else if (c === '"') {
      if (quoted && source[i + 1] === '"') {
        word = (word ?? '') + '"'
        i += 2
      } else {
        quoted = !quoted
        word = word ?? ''
        i++
      }
    } else if (!quoted && (c === ' ' || c === '\t')) {
      if (word !== undefined) argv.push(word)
      word = undefined
      i++
    } else if (!quoted && (WINDOWS_SPECIAL.has(c) || (c === '#' && word === undefined))) {
      refuseSpecial(c, fail, true)
    } else {
      word = (word ?? '') + c
      i++
    }
  }
  if (quoted) {
    fail(
      'has an unterminated " quote (on Windows a backslash before a quote escapes it: end a quoted path that ends in a backslash with \\\\")'
    )
  }
  if (word !== undefined) argv.push(word)
  return argv
}

/** How messages name the command: its program only (arguments may hold a secret). */
export function commandLabel(argv: readonly string[]): string {
  return `command ${shown(argv[0] ?? '')} (ip-command)`
}
