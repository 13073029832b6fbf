// Build the committed bundles: <out>/index.js (the action) and <out>/cli/index.js (the CLI).
// Usage: node scripts/package.mjs [outDir]   (default: dist)
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import ts from 'typescript'

const out = process.argv[2] ?? 'dist'
// Transpiled sources, beside src/ so relative paths (../../package.json) resolve alike; ignored by git.
const js = 'lib'
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

/**
 * TypeScript to JavaScript, file by file, without type-checking: `npm run typecheck` checks types
 * once, where ncc's TypeScript loader checked the whole program again in each build (most of
 * `npm test`'s static CPU). The emit is tsc's own (isolatedModules holds each file to it), with one
 * setting changed: transpileModule cannot read package.json, so under NodeNext it would emit
 * CommonJS; every file here is an ES module ("type": "module"), so it emits ES modules.
 */
function transpile(dir) {
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.json',
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      }
    }
  )
  const compilerOptions = {
    ...config.options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: false
  }
  rmSync(dir, { recursive: true, force: true })
  for (const file of readdirSync('src', { recursive: true })) {
    if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue
    const fileName = resolve('src', file)
    const { outputText, diagnostics } = ts.transpileModule(readFileSync(fileName, 'utf8'), {
      compilerOptions,
      fileName,
      reportDiagnostics: true
    })
    if (diagnostics?.length) {
      const text = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))
      throw new Error(`src/${file}: ${text.join('; ')}`)
    }
    const target = join(dir, file.replace(/\.ts$/, '.js'))
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, outputText)
  }
}

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

transpile(js)
rmSync(out, { recursive: true, force: true })
try {
  // The two bundles are independent: build them side by side.
  await Promise.all([
    build(`${js}/action/index.js`, out),
    ...(existsSync(`${js}/cli/index.js`) ? [build(`${js}/cli/index.js`, `${out}/cli`)] : [])
  ])
} finally {
  rmSync(js, { recursive: true, force: true })
}
