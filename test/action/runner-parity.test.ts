// The runner port (src/action/runner.ts) speaks the runner protocol itself; @actions/core is the
// reference. The same calls go through both, and stdout, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
// must come out the same, up to the random heredoc delimiter and the port's own masking.
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createRunner, formatCommand, type Runner } from '../../src/action/runner.js'
import { MASK, clearSecrets } from '../../src/net/redact.js'

type Kind = 'notice' | 'warning' | 'error'

/** One call, as data, so both sides run exactly the same sequence. */
type Call =
  | ['getInput', string]
  | ['setOutput', string, string]
  | ['info' | 'warning' | 'debug' | 'setFailed' | 'setSecret' | 'summary', string]
  | ['annotate', Kind, string, core.AnnotationProperties]

const SECRET = 'first-line-s3cret %:,\nsecond-line-s3cret'

const INPUTS: Record<string, string> = {
  'INPUT_HOSTED-ZONE-ID': '  Z0123456789ABC \n',
  INPUT_HOSTNAMES: '\n  home.example.com\n\tnas.example.com  \r\n\n',
  INPUT_MY_INPUT: 'spaces become underscores',
  INPUT_EMPTY: '   '
}

const CALLS: Call[] = [
  ['getInput', 'hosted-zone-id'],
  ['getInput', 'Hostnames'],
  ['getInput', 'my input'],
  ['getInput', 'empty'],
  ['getInput', 'missing'],
  ['setSecret', SECRET],
  ['info', 'plain line'],
  ['info', 'two\nlines, 100% and a colon: here\r\n'],
  ['info', `quoting the secret: ${SECRET}`],
  ['debug', 'detail 50%\nnext'],
  ['warning', 'careful: 100%\r\nnext, line'],
  ['setOutput', 'changed', 'true'],
  ['setOutput', 'records', '[\n  {"name": "home.example.com", "value": "203.0.113.7"}\n]'],
  ['setOutput', 'empty', ''],
  ['setOutput', 'trailing', 'ends with a newline\n'],
  ['setOutput', 'token', `x ${SECRET} y`],
  ['summary', '<h2>route53-ddns</h2>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'],
  ['summary', `no newline, the secret: ${SECRET}`],
  ['annotate', 'notice', 'a notice', { title: 'Title: one, two', file: 'src/a,b.ts' }],
  [
    'annotate',
    'warning',
    'line one\nline two %',
    { title: 't', file: 'f.ts', startLine: 3, endLine: 4, startColumn: 5, endColumn: 6 }
  ],
  ['annotate', 'error', 'an error\r\n', { title: '50%: done\nnext', startLine: 10 }],
  ['setFailed', 'it broke: 100%\nsee above']
]

interface Capture {
  stdout: string
  output: string
  summary: string
  inputs: string[]
  exitCode: number | undefined
}

function files(): { output: string; summary: string } {
  const dir = mkdtempSync(join(tmpdir(), 'r53-parity-'))
  const paths = { output: join(dir, 'output'), summary: join(dir, 'summary') }
  writeFileSync(paths.output, '')
  writeFileSync(paths.summary, 'an earlier step\n')
  return paths
}

/** The library's command properties for an annotation (what core.notice & co. send). */
function commandProperties(p: core.AnnotationProperties): Record<string, string> {
  const named: [string, string | number | undefined][] = [
    ['title', p.title],
    ['file', p.file],
    ['line', p.startLine],
    ['endLine', p.endLine],
    ['col', p.startColumn],
    ['endColumn', p.endColumn]
  ]
  return Object.fromEntries(named.filter(([, v]) => v !== undefined).map(([k, v]) => [k, `${v}`]))
}

/** The calls through the port, with the step's environment injected. */
async function throughPort(calls: Call[]): Promise<Capture> {
  const paths = files()
  const env = { ...INPUTS, GITHUB_OUTPUT: paths.output, GITHUB_STEP_SUMMARY: paths.summary }
  let stdout = ''
  let exitCode: number | undefined
  const runner: Runner = createRunner({
    env,
    write: (t) => void (stdout += t),
    setExitCode: (c) => void (exitCode = c)
  })
  const inputs: string[] = []
  for (const call of calls) {
    if (call[0] === 'getInput') inputs.push(runner.getInput(call[1]))
    else if (call[0] === 'setOutput') runner.setOutput(call[1], call[2])
    else if (call[0] === 'summary') runner.appendSummary(call[1])
    else if (call[0] === 'annotate') {
      const [, kind, message, props] = call
      stdout += formatCommand(kind, commandProperties(props), message) + '\n'
    } else runner[call[0]](call[1])
  }
  return { stdout, ...read(paths), inputs, exitCode }
}

/** The same calls through @actions/core, with process.env and stdout swapped in and restored. */
async function throughLibrary(calls: Call[]): Promise<Capture> {
  const paths = files()
  const saved = { ...process.env }
  const savedExitCode = process.exitCode
  const write = process.stdout.write
  let stdout = ''
  Object.assign(process.env, INPUTS, {
    GITHUB_OUTPUT: paths.output,
    GITHUB_STEP_SUMMARY: paths.summary
  })
  const inputs: string[] = []
  let exitCode: number | undefined
  try {
    process.exitCode = undefined
    // A fresh Summary: the shared one remembers the first file it wrote to.
    const summary = new (core.summary.constructor as new () => typeof core.summary)()
    for (const call of calls) {
      if (call[0] === 'summary') {
        await summary.addRaw(call[1]).write()
        continue
      }
      process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof write
      try {
        libraryCall(call, inputs)
      } finally {
        process.stdout.write = write
      }
    }
    exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode)
  } finally {
    process.stdout.write = write
    process.exitCode = savedExitCode
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
  }
  return { stdout, ...read(paths), inputs, exitCode }
}

function libraryCall(call: Call, inputs: string[]): void {
  if (call[0] === 'getInput') inputs.push(core.getInput(call[1]))
  else if (call[0] === 'setOutput') core.setOutput(call[1], call[2])
  else if (call[0] === 'annotate') core[call[1]](call[2], call[3])
  else if (call[0] !== 'summary') core[call[0]](call[1])
}

function read(paths: { output: string; summary: string }): { output: string; summary: string } {
  return {
    output: readFileSync(paths.output, 'utf8'),
    summary: readFileSync(paths.summary, 'utf8')
  }
}

const DELIMITER = /ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

/** Each random delimiter replaced by its order of appearance (an entry opens and closes with one). */
function numberDelimiters(text: string): string {
  const seen = new Map<string, number>()
  return text.replace(DELIMITER, (d) => {
    if (!seen.has(d)) seen.set(d, seen.size)
    return `ghadelimiter_#${seen.get(d)}`
  })
}

/** The port masks what it writes itself: the library's text with the secret (and its lines)
 * masked, except in the ::add-mask:: commands that tell the runner what to mask. */
function masked(text: string): string {
  const parts = [SECRET, ...SECRET.split('\n')]
  return text
    .split(/(^::add-mask::.*$)/m)
    .map((piece, i) => (i % 2 === 1 ? piece : parts.reduce((t, p) => t.split(p).join(MASK), piece)))
    .join('')
}

afterEach(() => clearSecrets())

describe('the runner port against @actions/core', () => {
  it('writes the same stdout, GITHUB_OUTPUT and step summary for the same calls', async () => {
    const library = await throughLibrary(CALLS)
    const port = await throughPort(CALLS)

    // The comparison is not vacuous: every kind of call left its trace in the reference.
    expect(library.stdout).toContain('::add-mask::first-line-s3cret %25:,%0Asecond-line-s3cret\n')
    expect(library.stdout).toContain('::warning title=t,file=f.ts,line=3,endLine=4,col=5')
    expect(library.stdout).toContain('::error::it broke: 100%25%0Asee above\n')
    expect(library.output.match(DELIMITER)).toHaveLength(10)
    expect(library.summary).toMatch(/^an earlier step\n<h2>/)
    expect(library.exitCode).toBe(1)

    expect(port.inputs).toEqual(library.inputs)
    expect(port.stdout).toBe(masked(library.stdout))
    expect(numberDelimiters(port.output)).toBe(numberDelimiters(masked(library.output)))
    expect(port.summary).toBe(masked(library.summary))
    expect(port.exitCode).toBe(library.exitCode)
  })

  it('each output entry has a delimiter of its own, as the library writes them', async () => {
    const calls = CALLS.filter((c) => c[0] === 'setOutput')
    const port = await throughPort(calls)
    const delimiters = [...port.output.matchAll(DELIMITER)].map((m) => m[0])
    expect(delimiters).toHaveLength(2 * calls.length)
    expect(new Set(delimiters).size).toBe(calls.length)
  })
})
