// The container's configuration files agree with the image and the command line: the Compose
// example and its env file, the publishing workflow (image.yml, called by release.yml) and
// Dependabot. Building and running the image: test/container/ (npm run test:container).
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { envName, mainSpecs } from '../src/cli/args.js'
import { WATCH_OPTIONS } from '../src/cli/watch/options.js'

const ROOT = join(import.meta.dirname, '..')
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8')
type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {})
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const FROM = /^FROM (\S+)$/m.exec(read('Dockerfile'))?.[1] ?? ''

describe('examples/compose.yaml', () => {
  const compose = obj(parse(read('examples/compose.yaml')))
  const services = Object.entries(obj(compose.services))
  const [, service = {}] = services[0] ?? []
  const s = obj(service)

  it('one service, locked down: read-only, no capabilities, no new privileges, restarted', () => {
    expect(services).toHaveLength(1)
    expect(String(s.image)).toMatch(/^ghcr\.io\/[\w.-]+\/route53-ddns:\d+$/)
    expect(s.command).toEqual(['watch'])
    expect(s.restart).toBe('unless-stopped')
    expect(s.read_only).toBe(true)
    expect(s.cap_drop).toEqual(['ALL'])
    expect(s.security_opt).toEqual(['no-new-privileges:true'])
    // docker stop's kill comes after this; the watch's stop (and delete) fits inside it.
    expect(s.stop_grace_period).toBe('10s')
  })

  it('its env file ships beside it and names only variables the command reads', () => {
    const file = join('examples', String(s.env_file))
    expect(existsSync(join(ROOT, file)), file).toBe(true)
    const known = new Set([
      ...Object.keys(mainSpecs()).map(envName),
      ...Object.keys(WATCH_OPTIONS).map(envName)
    ])
    const named = [...read(file).matchAll(/^#?(ROUTE53_DDNS_\w+)=/gm)].map((m) => m[1] ?? '')
    expect(named.length).toBeGreaterThan(3)
    expect(named.filter((n) => !known.has(n))).toEqual([])
    // Settings are examples, never real keys.
    expect(read(file)).not.toMatch(/AKIA[0-9A-Z]{16}/)
  })
})

describe('publishing the image', () => {
  const release = obj(parse(read('.github/workflows/release.yml')))
  const image = obj(parse(read('.github/workflows/image.yml')))
  const [job = {}] = Object.values(obj(image.jobs)).map(obj)
  const steps = list(obj(job).steps).map(obj)
  const step = (action: string): Obj =>
    steps.find((st) => String(st.uses ?? '').startsWith(`${action}@`)) ?? {}

  it('release.yml calls image.yml once its checks pass, granting only what the job needs', () => {
    const caller = obj(obj(release.jobs).image)
    expect(caller.uses).toBe('./.github/workflows/image.yml')
    expect(caller.needs).toBe('check')
    expect(obj(obj(image.on)).workflow_call).toBeDefined()
    const needed = {
      contents: 'read',
      packages: 'write',
      'id-token': 'write',
      attestations: 'write'
    }
    expect(caller.permissions).toEqual(needed)
    expect(obj(job).permissions).toEqual(needed)
    expect(image.permissions).toEqual({ contents: 'read' })
  })

  it('builds the Dockerfile for amd64 and arm64, pushes with labels, SBOM and provenance', () => {
    const build = obj(step('docker/build-push-action').with)
    expect(String(build.platforms).split(',').sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(build.push).toBe(true)
    expect(build.sbom).toBe(true)
    expect(build.provenance).toBe('mode=max')
    expect(build.labels).toBe('${{ steps.meta.outputs.labels }}')
    expect(build.tags).toBe('${{ steps.meta.outputs.tags }}')
    expect(String(obj(step('docker/setup-qemu-action').with).platforms)).toContain('arm64')
    expect(obj(step('docker/login-action').with).registry).toBe('ghcr.io')
    const attest = obj(step('actions/attest').with)
    expect(attest['subject-digest']).toBe('${{ steps.push.outputs.digest }}')
    expect(attest['push-to-registry']).toBe(true)
  })

  it('Dependabot watches the Dockerfile, whose base is written out on its FROM line', () => {
    const updates = list(obj(parse(read('.github/dependabot.yml'))).updates).map(obj)
    expect(updates.find((u) => u['package-ecosystem'] === 'docker')?.directory).toBe('/')
    // Dependabot reads no ARG in FROM; a tag, and a digest only if read from the registry.
    expect(FROM).toMatch(/^gcr\.io\/distroless\/nodejs24-debian13:nonroot(@sha256:[0-9a-f]{64})?$/)
  })
})
