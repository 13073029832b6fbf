// Build the committed bundles: <out>/index.js (the action) and <out>/cli/index.js (the CLI).
// Usage: node scripts/package.mjs [outDir]   (default: dist)
import { spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const out = process.argv[2] ?? 'dist'
// Read by ncc's module resolver only (type-checking keeps tsconfig.json): see that file.
const resolverConfig = resolve('tsconfig.bundle.json')
// ncc minifies only the entry file; the lazily loaded chunks stay as webpack writes them, with each
// module wrapped in parentheses, which V8 compiles eagerly and so keeps in the compile cache
// (measured: a minified chunk made a no-op run slower once the cache is warm).
const ncc = [
  'node_modules/@vercel/ncc/dist/ncc/cli.js',
  'build',
  '--minify',
  '--quiet',
  // No persistent cache (~/.cache/ncc, keyed by directory): a build depends on the sources alone.
  // A clean clone's first check once resolved the old CommonJS SDK, likely from that cache.
  // Measured: no slower.
  '--no-cache',
  '--license',
  'licenses.txt'
]

/** One ncc build in a child process; rejects when it fails. */
function build(entry, dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...ncc, entry, '-o', dir], {
      stdio: 'inherit',
      env: { ...process.env, TS_NODE_PROJECT: resolverConfig }
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc build of ${entry} exited ${code}`))
    )
  })
}

rmSync(out, { recursive: true, force: true })
// The two bundles are independent: build them side by side (each is one busy core for ~20 s).
await Promise.all([
  build('src/action/index.ts', out),
  ...(existsSync('src/cli/index.ts') ? [build('src/cli/index.ts', `${out}/cli`)] : [])
])
