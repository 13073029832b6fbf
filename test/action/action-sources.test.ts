// The action in-process with ip-source command and ipv6-host-ids: refused on GitHub-hosted runners
// like other detection, and published on a self-hosted one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/action/main.js'
import { FakeRunner } from '../helpers/fake-runner.js'
import { startStandIn, type StandIn } from '../stand-in/index.js'

let standIn: StandIn
let zoneId: string
let script: string
const saved = { ...process.env }

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
  zoneId = standIn.addZone({ name: 'example.com' })
  const dir = mkdtempSync(join(tmpdir(), 'r53-action-cmd-'))
  script = join(dir, 'router-ip')
  writeFileSync(script, '#!/bin/sh\necho 8.8.8.8\necho 2001:4860:4860:1::8888\n')
  chmodSync(script, 0o755)
  Object.assign(process.env, standIn.env(), {
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none')
  })
})
afterAll(async () => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
  Object.assign(process.env, saved)
  await standIn?.close()
})

const values = (name: string, type: string): string[] =>
  standIn
    .records(zoneId)
    .filter((s) => s.Name === `${name}.` && s.Type === type)
    .flatMap((s) => (s.ResourceRecords ?? []).map((r) => r.Value ?? ''))

describe('action with ip-source command', () => {
  const inputs = (name: string): Record<string, string> => ({
    hostname: name,
    'hosted-zone-id': zoneId,
    'ip-source': 'command',
    'ip-command': script,
    'ip-version': 'both',
    'ipv6-host-ids': `nas-${name} = ::5`
  })

  it('on a GitHub-hosted runner: refused before the command runs or AWS is asked', async () => {
    standIn.resetLog()
    const runner = new FakeRunner({ inputs: inputs('hosted.example.com') })
    await run(runner, { env: { ...process.env, RUNNER_ENVIRONMENT: 'github-hosted' } })
    expect(runner.failed).toMatch(/^Input 'ip': the address of a GitHub-hosted runner/)
    expect(standIn.count()).toBe(0)
  })

  it('on a self-hosted runner: the command’s addresses, and the host at its prefix', async () => {
    const name = 'selfhosted.example.com'
    const runner = new FakeRunner({ inputs: inputs(name) })
    await run(runner, { env: { ...process.env, RUNNER_ENVIRONMENT: 'self-hosted' } })
    expect(runner.failed, runner.everything()).toBeUndefined()
    expect(values(name, 'A')).toEqual(['8.8.8.8'])
    expect(values(name, 'AAAA')).toEqual(['2001:4860:4860:1::8888'])
    expect(values(`nas-${name}`, 'AAAA')).toEqual(['2001:4860:4860:1::5'])
    expect(runner.outputs.ipv6).toBe('2001:4860:4860:1::8888')
  })
})
