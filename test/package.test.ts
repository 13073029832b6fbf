// The npm package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a
// temporary prefix with the network unreachable, then the installed `route53-ddns` command.
import { beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import pkg from '../package.json' with { type: 'json' }
import { missingBundle } from './helpers/bundle.js'
import { NODES, ROOT } from './helpers/run-action.js'

const run = promisify(execFile)
const built = !missingBundle(join(ROOT, 'dist/cli/index.js'))

/** npm with its own cache and an unreachable registry: anything fetched fails the test. */
function npm(args: string[], cwd: string, home: string) {
  return run('npm', args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      npm_config_cache: join(home, 'cache'),
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_update_notifier: 'false'
    }
  })
}

interface Packed {
  filename: string
  files: { path: string }[]
}

describe.skipIf(!built)('the npm package', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'r53-pack-'))
  const prefix = join(tmp, 'prefix')
  let packed: Packed
  let tarball: string

  beforeAll(async () => {
    const { stdout } = await npm(
      ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp],
      ROOT,
      tmp
    )
    packed = (JSON.parse(stdout) as Packed[])[0] as Packed
    tarball = join(tmp, packed.filename)
    await npm(
      ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
      tmp,
      tmp
    )
  }, 60_000)

  it('ships the CLI bundle, README and LICENSE, and nothing else', () => {
    const paths = packed.files.map((f) => f.path).sort()
    expect(paths.filter((p) => !p.startsWith('dist/cli/'))).toEqual([
      'LICENSE',
      'README.md',
      'package.json'
    ])
    expect(paths).toContain('dist/cli/index.js')
    expect(paths).toContain('dist/cli/licenses.txt')
  })

  it('has no runtime dependencies: the bundle is self-contained', () => {
    const manifest = JSON.parse(
      readFileSync(join(prefix, 'lib/node_modules/route53-ddns/package.json'), 'utf8')
    ) as Record<string, unknown>
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.private).toBeUndefined()
    expect(manifest.bin).toEqual({ 'route53-ddns': 'dist/cli/index.js' })
    const installed = join(prefix, 'lib/node_modules/route53-ddns/node_modules')
    expect(existsSync(installed), 'nothing is installed next to the bundle').toBe(false)
  })

  it('the bin starts with a node shebang', () => {
    const bin = readFileSync(
      join(prefix, 'lib/node_modules/route53-ddns/dist/cli/index.js'),
      'utf8'
    )
    expect(bin.split('\n', 1)[0]).toBe('#!/usr/bin/env node')
  })

  for (const [label, node] of NODES) {
    describe(`the installed route53-ddns command (${label})`, () => {
      // The shebang finds `node` on PATH: put the wanted Node first.
      const env = {
        PATH: `${dirname(node)}:/usr/bin:/bin`,
        HOME: tmp,
        AWS_EC2_METADATA_DISABLED: 'true'
      }
      const bin = join(prefix, 'bin/route53-ddns')

      it('--version prints the package version, run by the Node on PATH', async () => {
        // A preload that names the Node running it: proves which `node` the shebang found.
        const preload = join(tmp, 'which-node.cjs')
        writeFileSync(preload, "process.stderr.write('node ' + process.version + '\\n')\n")
        const want = (await run(node, ['-p', 'process.version'])).stdout.trim()
        const { stdout, stderr } = await run(bin, ['--version'], {
          cwd: tmp,
          env: { ...env, NODE_OPTIONS: `--require=${preload}` }
        })
        expect(stdout).toBe(`${pkg.version}\n`)
        expect(stderr).toBe(`node ${want}\n`)
      })

      it('policy prints the least-privilege policy, sending nothing', async () => {
        const { stdout } = await run(
          bin,
          [
            'policy',
            '--hostname',
            'home.example.com',
            '--hosted-zone-id',
            'Z0123456789ABCDEFGHIJ',
            '--json'
          ],
          { cwd: tmp, env }
        )
        const out = JSON.parse(stdout) as { permissionsPolicy: { Statement: unknown[] } }
        expect(JSON.stringify(out.permissionsPolicy)).toContain(
          'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ'
        )
      })
    })
  }
})
