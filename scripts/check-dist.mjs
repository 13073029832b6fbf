// Fail when the committed dist/ differs from what `npm run package` builds from the sources.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const fresh = mkdtempSync(join(tmpdir(), 'dist-check-'))
execFileSync(process.execPath, ['scripts/package.mjs', fresh], { stdio: 'inherit' })

const files = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
const built = files(fresh)
  .map((f) => relative(fresh, f))
  .sort()
const committed = files('dist')
  .map((f) => relative('dist', f))
  .sort()
const problems = []
for (const f of new Set([...built, ...committed])) {
  if (!built.includes(f)) problems.push(`dist/${f} is committed but no longer built`)
  else if (!committed.includes(f)) problems.push(`dist/${f} is built but not committed`)
  else if (!readFileSync(join(fresh, f)).equals(readFileSync(join('dist', f))))
    problems.push(`dist/${f} differs from the build`)
}
if (problems.length > 0) {
  console.error(
    `dist/ is stale; run \`npm run package\` and commit dist/:\n  ${problems.join('\n  ')}`
  )
  process.exit(1)
}
console.log(`dist/ matches the sources (${built.length} files).`)
