import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')
const NOTE = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')

/** Every folder under src/, as `src/x/` or `src/x/y/`. */
function folders(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const path = join(dir, e.name)
      return [`${relative(ROOT, path)}/`, ...folders(path)]
    })
}

const FOLDER_ITEM = /^- `(src\/[\w/-]+\/)`:/

/**
 * The paths a note names, resolved from the repository root: `src/…` and `test/…` as written; in a
 * folder's list item (`- \`src/x/\`: …` and its indented lines), a bare file name inside that folder;
 * elsewhere, a path under `src/`.
 */
export function namedPaths(note: string): string[] {
  let base: string | undefined
  return note.split('\n').flatMap((line) => {
    const item = FOLDER_ITEM.exec(line)
    if (item) base = item[1]
    else if (!/^\s/.test(line)) base = undefined
    const inTicks = [...line.matchAll(/`([\w./-]+)`/g)].map((m) => m[1] ?? '')
    const bare = [...line.matchAll(/\(([a-z-]+\/[\w/-]*\.ts)\b/g)].map((m) => m[1] ?? '')
    return [...inTicks, ...bare]
      .filter((t) => /\.ts$/.test(t) || /^src\//.test(t))
      .map((t) =>
        /^(src|test|docs|scripts)\//.test(t) ? t : base && !t.includes('/') ? base + t : `src/${t}`
      )
  })
}

describe('docs/architecture.md', () => {
  it('names only paths that exist', () => {
    const named = namedPaths(NOTE)
    expect(named.length).toBeGreaterThan(30)
    expect(named.filter((p) => !existsSync(join(ROOT, p)))).toEqual([])
  })

  it('describes every src/ folder in its list', () => {
    const items = NOTE.split('\n').map((l) => FOLDER_ITEM.exec(l)?.[1])
    const rows = new Set(items.filter((f) => f !== undefined))
    expect(folders().filter((f) => !rows.has(f))).toEqual([])
  })

  it('the path reading notices what it must', () => {
    expect(namedPaths('- `src/core/`: `plan.ts` and\n  `x/y.ts`\nthen `io.ts`')).toEqual([
      'src/core/',
      'src/core/plan.ts',
      'src/x/y.ts',
      'src/io.ts'
    ])
    expect(namedPaths('see `test/a.test.ts` and (core/update.ts) and `update()`')).toEqual([
      'test/a.test.ts',
      'src/core/update.ts'
    ])
  })
})
