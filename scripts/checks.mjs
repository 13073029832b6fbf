// `npm test`: the static checks and the vitest suite side by side, each one's output printed when
// it ends; fails when any fails. The suite mostly waits on sockets and child processes, so the
// checks' compiling fills the idle core. Usage: node scripts/checks.mjs [name ...]
import { spawn } from 'node:child_process'

const ALL = ['lint', 'format:check', 'typecheck', 'check-dist', 'test:unit']
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const chosen = process.argv.slice(2)
const unknown = chosen.filter((name) => !ALL.includes(name))
if (unknown.length > 0) {
  console.error(`unknown check: ${unknown.join(', ')} (known: ${ALL.join(', ')})`)
  process.exit(2)
}

function check(name) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const done = (ok, why) => {
      const took = ((Date.now() - started) / 1000).toFixed(1)
      process.stdout.write(`> ${name}: ${ok ? 'passed' : `FAILED (${why})`} in ${took} s\n${out}`)
      resolve(ok)
    }
    child.on('error', (err) => done(false, err.message))
    child.on('close', (code) => done(code === 0, `exit ${code}`))
  })
}

const results = await Promise.all((chosen.length > 0 ? chosen : ALL).map(check))
process.exitCode = results.every(Boolean) ? 0 : 1
