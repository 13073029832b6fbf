// The static checks of `npm test` side by side (each keeps one core busy), each one's output
// printed when it ends; fails when any fails. Usage: node scripts/checks.mjs
import { spawn } from 'node:child_process'

const CHECKS = ['lint', 'format:check', 'typecheck', 'check-dist']
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function check(name) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const done = (ok, why) => {
      process.stdout.write(`> ${name}: ${ok ? 'passed' : `FAILED (${why})`}\n${out}`)
      resolve(ok)
    }
    child.on('error', (err) => done(false, err.message))
    child.on('close', (code) => done(code === 0, `exit ${code}`))
  })
}

const results = await Promise.all(CHECKS.map(check))
process.exitCode = results.every(Boolean) ? 0 : 1
