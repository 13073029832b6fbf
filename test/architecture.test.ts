import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/** One import as written: the module and, for `import { a, b }`, the names taken. */
interface Import {
  specifier: string
  names?: string[]
  /** `import type …`: erased at build time, no code runs. */
  typeOnly?: boolean
}

const SRC = resolve(import.meta.dirname, '../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : []
  )
}

/** Every import of a file, static, re-export, type-only or dynamic, read with TypeScript's parser. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022)
  const out: Import[] = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : undefined
      const names =
        ts.isImportDeclaration(node) &&
        !node.importClause?.name &&
        bindings &&
        ts.isNamedImports(bindings)
          ? bindings.elements.map((e) => (e.propertyName ?? e.name).text)
          : undefined
      const typeOnly = ts.isImportDeclaration(node) && node.importClause?.isTypeOnly === true
      out.push({
        specifier: node.moduleSpecifier.text,
        ...(names ? { names } : {}),
        ...(typeOnly ? { typeOnly } : {})
      })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push({ specifier: node.arguments[0].text })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

/** src-relative path ('cli/main.ts') of a relative import, or undefined for a package. */
function local(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const target = resolve(dirname(join(SRC, from)), specifier).replace(/\.js$/, '.ts')
  return target.startsWith(SRC + '/') ? relative(SRC, target) : undefined
}

const graph = new Map<string, Import[]>(
  sourceFiles(SRC).map((f) => [relative(SRC, f), importsOf(f)])
)

function edges(file: string): string[] {
  return (graph.get(file) ?? [])
    .map((i) => local(file, i.specifier))
    .filter((t): t is string => t !== undefined && t.endsWith('.ts'))
}

/** The first import cycle found, as a path that starts and ends at the same file. */
function findCycle(): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const walk = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file]
    state.set(file, 'open')
    stack.push(file)
    for (const next of edges(file)) {
      const cycle = walk(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(file, 'done')
    return undefined
  }
  for (const file of [...graph.keys()].sort()) {
    const cycle = walk(file)
    if (cycle) return cycle
  }
  return undefined
}

/** A module and every src module it reaches. */
function closure(file: string): string[] {
  const seen = new Set<string>([file])
  const queue = [file]
  for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
    for (const next of edges(f)) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return [...seen].sort()
}

/**
 * The pure folders and files: no I/O, no runner, no detection, no AWS calls. They are tested with
 * plain values. `aws/iam/` is IAM knowledge (policies, AccessDenied help), not AWS calls.
 */
const PURE_FOLDERS = ['model/', 'inputs/', 'aws/iam/']
const PURE_FILES = [
  'core/plan.ts',
  'core/members.ts',
  'metrics/health.ts',
  'detect/quorum.ts',
  'core/counts.ts'
]
const PURE = [...graph.keys()]
  .filter((f) => PURE_FOLDERS.some((d) => f.startsWith(d)) || PURE_FILES.includes(f))
  .sort()

/** The front doors: nothing imports them but their own entry file. */
const FRONT_DOORS: Record<string, string> = {
  'action/main.ts': 'action/index.ts',
  'cli/main.ts': 'cli/index.ts'
}

/** Node modules a pure module may use, and which of their exports: computation only. */
const PURE_NODE: Record<string, string[]> = {
  'node:net': ['isIP', 'isIPv4', 'isIPv6', 'BlockList', 'SocketAddress'],
  'node:url': ['domainToASCII', 'domainToUnicode']
}

/** Folders whose modules do I/O: a pure module reaching any of them is not pure. */
const IO_FOLDERS = ['detect/', 'net/request', 'notify/', 'action/', 'cli/']

function impurity(file: string, i: Import): string | undefined {
  const target = local(file, i.specifier)
  if (target && IO_FOLDERS.some((d) => target.startsWith(d))) return `imports ${target}`
  if (target && target.startsWith('aws/') && !target.startsWith('aws/iam/'))
    return `imports ${target}`
  if (i.specifier.startsWith('@actions/')) return `imports ${i.specifier}`
  if (i.specifier.startsWith('@aws-sdk/') && !i.typeOnly) return `imports ${i.specifier}`
  if (
    i.specifier.startsWith('node:') ||
    /^(fs|os|http|https|net|child_process|dns|tls)$/.test(i.specifier)
  ) {
    const allowed = PURE_NODE[i.specifier]
    if (allowed === undefined) return `imports ${i.specifier}`
    const extra = (i.names ?? ['*']).filter((n) => !allowed.includes(n))
    if (extra.length > 0) return `imports ${extra.join(', ')} from ${i.specifier}`
  }
  return undefined
}

/** Why an import of `target` by `file` breaks a folder rule other than purity, if it does. */
function ruleBreak(file: string, target: string): string | undefined {
  const door = FRONT_DOORS[target]
  if (door !== undefined && door !== file) return `${file} imports the front door ${target}`
  if (file.startsWith('core/') && target.startsWith('notify/'))
    return `${file} imports ${target}: the core reports events, it does not send them`
  if (!file.startsWith('cli/') && target.startsWith('cli/'))
    return `${file} imports ${target}: only the CLI uses cli/`
  if (!file.startsWith('action/') && target.startsWith('action/') && target !== OIDC_TOKEN)
    return `${file} imports ${target}: only the action uses action/`
  return undefined
}

/** The runner's token request: the action's, but STS sign-in (aws/credentials.ts) calls it. */
const OIDC_TOKEN = 'action/oidc-token.ts'

describe('architecture', () => {
  it('reads the whole of src/', () => {
    // Guards the walk itself: an empty or partial graph would pass everything below.
    expect(graph.size).toBeGreaterThan(20)
    expect(edges('cli/main.ts')).toContain('inputs/inputs.ts')
    expect(edges('action/main.ts')).toContain('detect/index.ts') // a dynamic import counts
    expect(PURE).toContain('model/names.ts')
    expect(PURE).toContain('inputs/inputs.ts')
    expect(PURE).toContain('core/plan.ts')
  })

  it('has no import cycle (type-only and dynamic imports included)', () => {
    expect(findCycle()).toBeUndefined()
  })

  it.each(PURE)('%s and all it imports stay pure: no detect/, node I/O or @actions/*', (file) => {
    expect(graph.has(file)).toBe(true)
    const problems = closure(file).flatMap((f) =>
      (graph.get(f) ?? []).flatMap((i) => {
        const why = impurity(f, i)
        return why ? [`${f} ${why}`] : []
      })
    )
    expect(problems).toEqual([])
  })

  it('the impurity check notices what it must', () => {
    expect(impurity('inputs/inputs.ts', { specifier: '../detect/public.js' })).toBe(
      'imports detect/public.ts'
    )
    expect(impurity('core/plan.ts', { specifier: '../aws/route53.js' })).toBe(
      'imports aws/route53.ts'
    )
    expect(impurity('core/plan.ts', { specifier: '../aws/iam/policy.js' })).toBeUndefined()
    expect(impurity('model/types.ts', { specifier: '../notify/session.js' })).toBe(
      'imports notify/session.ts'
    )
    expect(impurity('core/plan.ts', { specifier: 'node:fs' })).toBe('imports node:fs')
    expect(impurity('core/plan.ts', { specifier: 'node:net', names: ['connect'] })).toMatch(
      /connect/
    )
    expect(impurity('core/plan.ts', { specifier: 'node:net' })).toMatch(/\*/)
    expect(impurity('core/plan.ts', { specifier: '@actions/core' })).toBe('imports @actions/core')
    expect(impurity('core/plan.ts', { specifier: '@aws-sdk/client-route-53' })).toMatch(/aws-sdk/)
    expect(
      impurity('core/plan.ts', { specifier: '@aws-sdk/client-route-53', typeOnly: true })
    ).toBeUndefined()
    expect(impurity('model/address.ts', { specifier: 'node:net', names: ['isIP'] })).toBeUndefined()
  })

  it('follows the folder rules: no front door imported, core sends nothing, front doors stay apart', () => {
    const breaks = [...graph.keys()]
      .sort()
      .flatMap((f) => edges(f).flatMap((t) => ruleBreak(f, t) ?? []))
    expect(breaks).toEqual([])
  })

  it('the folder rules notice what they must', () => {
    expect(ruleBreak('core/update.ts', 'action/main.ts')).toMatch(/front door/)
    expect(ruleBreak('notify/session.ts', 'cli/main.ts')).toMatch(/front door/)
    expect(ruleBreak('core/update.ts', 'notify/webhook.ts')).toMatch(/core/)
    expect(ruleBreak('detect/index.ts', 'cli/io.ts')).toMatch(/only the CLI/)
    expect(ruleBreak('cli/main.ts', 'action/summary.ts')).toMatch(/only the action/)
    expect(ruleBreak('action/index.ts', 'action/main.ts')).toBeUndefined()
    expect(ruleBreak('aws/credentials.ts', 'action/oidc-token.ts')).toBeUndefined()
  })
})
