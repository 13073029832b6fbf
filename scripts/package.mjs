// Build the committed bundles: dist/index.js (the action) and dist/cli/index.js (the CLI).
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--minify', '--license', 'licenses.txt']
rmSync('dist', { recursive: true, force: true })
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' })
if (existsSync('src/cli/index.ts')) {
  execFileSync(process.execPath, [...ncc, 'src/cli/index.ts', '-o', 'dist/cli'], { stdio: 'inherit' })
}
