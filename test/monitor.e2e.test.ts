// The bundle with monitoring, as a runner runs it, under Node 20 and 24: the run context from
// @actions/github's Context, the lazily loaded Octokit chunk, pings and secrets kept out of sight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, runAction } from './helpers/run-action.js'
import { startRecorder, type Recorder } from './helpers/recorder.js'
import { startStandIn, type StandIn } from './stand-in/index.js'
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in/index.js'

const PING = '5e1f0c2a-9b8d-4e7f-a6c5-b4d3e2f1a0b9'
const TOKEN = 'ghs_e2eJobToken0123456789abcdef'

let standIn: StandIn
let zoneId: string
let server: Recorder
let gh: GitHubStandIn
let eventFile: string
beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
  zoneId = standIn.addZone({ name: 'example.com' })
  server = await startRecorder()
  gh = await startGitHubStandIn({ repository: 'octo/demo', token: TOKEN })
  eventFile = join(mkdtempSync(join(tmpdir(), 'r53-event-')), 'event.json')
  writeFileSync(eventFile, JSON.stringify({ schedule: '*/5 * * * *' }))
})
afterAll(async () => {
  await standIn?.close()
  await server?.close()
  await gh?.close()
})

describe.each(NODES)('dist/index.js with monitoring under %s', (label, node) => {
  it('fails, opens the issue and pings /fail; then recovers and closes it', async () => {
    const env = {
      ...standIn.env(),
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_ACTOR: 'octocat',
      GITHUB_WORKFLOW: 'ddns',
      GITHUB_JOB: `update-${label}`
    }
    const inputs = {
      hostname: `${label}.example.com`,
      ip: '198.51.100.7',
      'heartbeat-url': `${server.base}/${PING}`,
      'failure-issue': 'true',
      'github-token': TOKEN
    }
    const fails = (): number => server.requests.filter((r) => r.path === `/${PING}/fail`).length
    const before = fails()
    const failed = await runAction({
      node,
      inputs: { ...inputs, 'hosted-zone-id': 'ZNOSUCHZONE0000000000' },
      env
    })
    expect(failed.code).toBe(1)
    const mine = (): typeof gh.issues => gh.issues.filter((i) => i.title.includes(label))
    expect(mine()).toHaveLength(1)
    expect(mine()[0]?.body).toContain('https://github.com/octo/demo/actions/runs/4242')
    expect(fails() - before).toBe(1)
    expect(failed.summary).toContain('Triggered by a manual dispatch by octocat')

    const ok = await runAction({ node, inputs: { ...inputs, 'hosted-zone-id': zoneId }, env })
    expect(ok.code).toBe(0)
    expect(mine()[0]?.state).toBe('closed')
    expect(ok.stdout).toContain('Closed failure issue')
    for (const r of [failed, ok]) {
      const visible = [r.stdout, r.stderr, JSON.stringify(r.outputs), r.summary].join('\n')
      // Masked for the runner (add-mask), never printed otherwise.
      const unmasked = visible.replace(/^::add-mask::.*$/gm, '')
      expect(unmasked).not.toContain(PING)
      expect(unmasked).not.toContain(TOKEN)
    }
  })
})
