import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { ROOT } from './helpers/run-action.js'

it('npm run demo: the stand-in plus two runs of dist, created then unchanged', async () => {
  const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('close', (code) => resolve({ code, out }))
  })
  expect(code, out).toBe(0)
  expect(out).toMatch(/Run 1[\s\S]*\(created, change C[A-Z0-9]+\)[\s\S]*Run 2[\s\S]*\(unchanged\)/)
  expect(out).toMatch(/"result":"unchanged"/)
  // The runner hides ::add-mask:: lines, and so does the demo.
  expect(out).not.toContain('::add-mask::')
}, 60_000)
