// Build the committed bundles: <out>/index.js (the action) and <out>/cli/index.js (the CLI).
// Usage: node scripts/package.mjs [outDir]   (default: dist)
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'

const out = process.argv[2] ?? 'dist'
// ncc minifies only the entry file; the lazily loaded chunks stay as webpack writes them, with each
// module wrapped in parentheses, which V8 compiles eagerly and so keeps in the compile cache
// (measured: a minified chunk made a no-op run slower once the cache is warm).
const ncc = [
  'node_modules/@vercel/ncc/dist/ncc/cli.js',
  'build',
  '--minify',
  '--quiet',
  '--license',
  'licenses.txt'
]
rmSync(out, { recursive: true, force: true })
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', out], { stdio: 'inherit' })
if (existsSync('src/cli/index.ts')) {
  execFileSync(process.execPath, [...ncc, 'src/cli/index.ts', '-o', `${out}/cli`], {
    stdio: 'inherit'
  })
}
