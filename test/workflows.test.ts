// The shipped workflows, examples, action.yml, README and CLI agree with each other.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import { INPUTS } from '../src/inputs/inputs.js'
import { ACTION_ONLY_INPUTS, CLI_ONLY_FLAGS, OIDC_ONLY_INPUTS, mainSpecs } from '../src/cli/args.js'

const ROOT = join(import.meta.dirname, '..')
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8')
// Workflows only: the Compose example (examples/compose.yaml) has its own test (test/container-config.test.ts).
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f) && !/^compose\.ya?ml$/.test(f))
    .map((f) => relative(ROOT, join(ROOT, dir, f)))

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {})

const WORKFLOWS = yamlFiles('.github/workflows')
const EXAMPLES = yamlFiles('examples')
const ALL = [...WORKFLOWS, ...EXAMPLES]
const doc = (p: string): Obj => obj(parse(read(p)))

const action = doc('action.yml')
const actionInputs = obj(action.inputs)
const actionOutputs = obj(action.outputs)

/** A step or job that runs this action: `./` or `<owner>/route53-ddns@<ref>`. */
const isThisAction = (uses: string): boolean =>
  uses === './' || /^[\w.-]+\/route53-ddns@/.test(uses)
/** A job that calls this project's reusable workflow. */
const isReusable = (uses: string): boolean =>
  /^(?:\.\/|[\w.-]+\/route53-ddns\/)\.github\/workflows\/ddns\.ya?ml(?:@|$)/.test(uses)

interface Use {
  file: string
  where: string
  uses: string
  with: Obj
}

function usesIn(file: string): Use[] {
  const out: Use[] = []
  for (const [jobId, j] of Object.entries(obj(doc(file).jobs))) {
    const job = obj(j)
    if (typeof job.uses === 'string') {
      out.push({ file, where: `jobs.${jobId}`, uses: job.uses, with: obj(job.with) })
    }
    const steps = Array.isArray(job.steps) ? job.steps : []
    steps.forEach((s, i) => {
      const step = obj(s)
      if (typeof step.uses === 'string') {
        out.push({
          file,
          where: `jobs.${jobId}.steps[${i}]`,
          uses: step.uses,
          with: obj(step.with)
        })
      }
    })
  }
  return out
}
const ALL_USES = ALL.flatMap(usesIn)

describe('YAML files parse', () => {
  it.each([...ALL, 'action.yml', '.github/dependabot.yml'])('%s', (file) => {
    expect(() => parse(read(file))).not.toThrow()
    expect(Object.keys(doc(file)).length).toBeGreaterThan(0)
  })

  it('the expected workflows and examples ship', () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/ddns.yml'
      ])
    )
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4)
  })
})

describe('inputs passed to this action exist', () => {
  const calls = ALL_USES.filter((u) => isThisAction(u.uses))
  it('some workflow and every example uses the action or the reusable workflow', () => {
    expect(calls.length).toBeGreaterThan(0)
    for (const file of EXAMPLES) {
      expect(
        usesIn(file).some((u) => isThisAction(u.uses) || isReusable(u.uses)),
        file
      ).toBe(true)
    }
  })
  it.each(calls.map((c) => [`${c.file} ${c.where}`, c] as const))('%s', (_label, call) => {
    for (const key of Object.keys(call.with)) expect(Object.keys(actionInputs), key).toContain(key)
  })

  const reusable = doc('.github/workflows/ddns.yml')
  const callInputs = obj(obj(obj(reusable.on).workflow_call).inputs)
  const reusableCalls = ALL_USES.filter((u) => isReusable(u.uses))
  it('calls of the reusable workflow pass only its inputs, and every required one', () => {
    expect(reusableCalls.length).toBeGreaterThan(0)
    for (const call of reusableCalls) {
      for (const key of Object.keys(call.with)) expect(Object.keys(callInputs), key).toContain(key)
      for (const [name, spec] of Object.entries(callInputs)) {
        if (obj(spec).required === true)
          expect(call.with, `${call.file}: ${name}`).toHaveProperty(name)
      }
    }
  })
})

describe('action.yml, INPUTS, README and the CLI agree', () => {
  it('action.yml inputs are the INPUTS table, same defaults', () => {
    expect(Object.keys(actionInputs)).toEqual(Object.keys(INPUTS))
    for (const [name, spec] of Object.entries(INPUTS)) {
      expect(String(obj(actionInputs[name]).default ?? ''), name).toBe(spec.default)
    }
  })

  it('every action.yml input is in README’s inputs table with the same default', () => {
    const readme = read('README.md')
    const section = readme.slice(readme.indexOf('## Inputs'), readme.indexOf('## Outputs'))
    const rows = new Map<string, string>()
    for (const line of section.split('\n')) {
      const m = /^\|\s*`([\w-]+)`\s*\|([^|]*)\|/.exec(line)
      if (m?.[1]) rows.set(m[1], (m[2] ?? '').trim().replace(/^`|`$/g, ''))
    }
    for (const [name, spec] of Object.entries(actionInputs)) {
      expect(rows.has(name), `README lacks input ${name}`).toBe(true)
      expect(rows.get(name), name).toBe(String(obj(spec).default ?? ''))
    }
    for (const name of rows.keys()) expect(Object.keys(actionInputs)).toContain(name)
  })

  it('CLI flags are the inputs, except the GitHub-OIDC ones and the failure issue (refused by the CLI)', () => {
    const flags = Object.keys(mainSpecs()).filter((f) => !(f in CLI_ONLY_FLAGS))
    const inputs = Object.keys(actionInputs)
    // The documented exception (README "Command line"): the CLI uses the AWS SDK default
    // credential chain, so the OIDC sign-in inputs are not flags.
    const oidc = ['role-to-assume', 'audience', 'role-session-name', 'role-duration-seconds']
    expect([...OIDC_ONLY_INPUTS]).toEqual(oidc)
    // The failure issue needs a workflow run's repository and token.
    const actionOnly = ['failure-issue', 'github-token']
    expect([...ACTION_ONLY_INPUTS]).toEqual(actionOnly)
    expect(flags.sort()).toEqual(
      inputs.filter((i) => !oidc.includes(i) && !actionOnly.includes(i)).sort()
    )
    const readme = read('README.md')
    const cliSection = readme.slice(
      readme.indexOf('## Command line'),
      readme.indexOf('## Workflows')
    )
    for (const name of [...oidc, ...actionOnly]) expect(cliSection, name).toContain(`--${name}`)
  })
})

describe('supply chain and permissions', () => {
  const thirdParty = ALL_USES.filter(
    (u) => !u.uses.startsWith('./') && !isThisAction(u.uses) && !isReusable(u.uses)
  )
  it('third-party actions are pinned by a full commit SHA with a version comment', () => {
    expect(thirdParty.length).toBeGreaterThan(0)
    for (const u of thirdParty) {
      expect(u.uses, `${u.file} ${u.where}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      const line = read(u.file)
        .split('\n')
        .find((l) => l.includes(u.uses))
      expect(line, `${u.file}: ${u.uses}`).toMatch(/@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}\s*$/)
    }
  })

  it('the same action is pinned to the same SHA everywhere', () => {
    const pins = new Map<string, Set<string>>()
    for (const u of thirdParty) {
      const [name = '', sha = ''] = u.uses.split('@')
      pins.set(name, (pins.get(name) ?? new Set()).add(sha))
    }
    for (const [name, shas] of pins) expect(shas.size, name).toBe(1)
  })

  it.each(ALL)('%s: top-level permissions default to contents: read', (file) => {
    const perms = obj(doc(file).permissions)
    expect(perms.contents, file).toBe('read')
    for (const [scope, level] of Object.entries(perms)) {
      if (scope === 'id-token') expect(level).toBe('write')
      else expect(level, `${file}: ${scope}`).toBe('read')
    }
    // Only workflows that sign in to AWS ask for an OIDC token.
    const signsIn = usesIn(file).some(
      (u) => (isThisAction(u.uses) && 'role-to-assume' in u.with) || isReusable(u.uses)
    )
    const isReusableDef = file === '.github/workflows/ddns.yml'
    expect(perms['id-token'] === 'write', file).toBe(signsIn || isReusableDef)
  })

  it('ci and check-dist only read', () => {
    for (const f of ['.github/workflows/ci.yml', '.github/workflows/check-dist.yml']) {
      expect(doc(f).permissions).toEqual({ contents: 'read' })
    }
  })

  it('setup-node takes the Node version from .node-version', () => {
    const setups = ALL_USES.filter((u) => u.uses.startsWith('actions/setup-node@'))
    expect(setups.length).toBeGreaterThan(0)
    for (const s of setups) expect(s.with['node-version-file'], s.file).toBe('.node-version')
  })
})

describe('the project’s own workflows', () => {
  const ci = doc('.github/workflows/ci.yml')
  const jobs = Object.values(obj(ci.jobs)).map(obj)
  const runs = (j: Obj): string =>
    (Array.isArray(j.steps) ? j.steps : []).map((s) => String(obj(s).run ?? '')).join('\n')

  it('ci runs lint, typecheck, npm ci && npm test, and the action in a dry run with an explicit ip', () => {
    const all = jobs.map(runs).join('\n')
    expect(all).toContain('npm run lint')
    expect(all).toContain('npm run typecheck')
    expect(all).toMatch(/npm ci[^\n]*&& npm test/)
    const self = usesIn('.github/workflows/ci.yml').filter((u) => u.uses === './')
    expect(self).toHaveLength(1)
    expect(String(self[0]?.with['dry-run'])).toBe('true')
    expect(self[0]?.with.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
  })

  it('check-dist runs npm run check-dist', () => {
    const cd = doc('.github/workflows/check-dist.yml')
    expect(Object.values(obj(cd.jobs)).map(obj).map(runs).join('\n')).toContain(
      'npm run check-dist'
    )
  })

  it('ddns.yml is a reusable workflow: inputs, runs-on via fromJSON, per-zone concurrency, outputs', () => {
    const wf = doc('.github/workflows/ddns.yml')
    const call = obj(obj(wf.on).workflow_call)
    const inputs = obj(call.inputs)
    for (const name of ['hostnames', 'hosted-zone-id', 'role-to-assume', 'runs-on']) {
      expect(inputs, name).toHaveProperty(name)
    }
    const [job] = Object.values(obj(wf.jobs)).map(obj)
    expect(String(job?.['runs-on'])).toContain('fromJSON(inputs.runs-on)')
    const concurrency = obj(job?.concurrency ?? wf.concurrency)
    expect(String(concurrency.group)).toMatch(/^route53-ddns-\$\{\{ inputs\.hosted-zone-id/)
    expect(concurrency['cancel-in-progress']).toBe(false)
    // Every action output is a workflow output, through the job's outputs.
    const outputs = obj(call.outputs)
    const jobOutputs = obj(job?.outputs)
    for (const name of Object.keys(actionOutputs)) {
      expect(String(obj(outputs[name]).value)).toBe(`\${{ jobs.ddns.outputs.${name} }}`)
      expect(jobOutputs[name]).toBe(`\${{ steps.ddns.outputs.${name} }}`)
    }
    // Every workflow input reaches the action (hostnames → hostname, runs-on → the job).
    const step = usesIn('.github/workflows/ddns.yml').find((u) => isThisAction(u.uses))
    for (const name of Object.keys(inputs)) {
      if (name === 'runs-on') continue
      const target = name === 'hostnames' ? 'hostname' : name
      expect(step?.with[target], name).toBe(`\${{ inputs.${name} }}`)
    }
  })
})
