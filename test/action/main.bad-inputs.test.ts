// The whole bad-input corpus through the action's run() in-process, with a fake runner: the step
// fails once, naming the input, and no request reaches AWS (a stand-in is the only endpoint).
// test/action.e2e.test.ts runs a few of them through the bundled dist/index.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../src/action/main.js'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { BAD_INPUTS, VALID } from '../helpers/bad-inputs.js'
import { FakeRunner } from '../helpers/fake-runner.js'

let standIn: StandIn
const saved = { ...process.env }

beforeAll(async () => {
  standIn = await startStandIn({ rateLimit: false })
  standIn.addRole({ arn: 'arn:aws:iam::111122223333:role/ddns' })
  // The SDK reads endpoints from process.env: any request this file makes lands on the stand-in.
  Object.assign(process.env, standIn.env())
})
afterAll(async () => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
  Object.assign(process.env, saved)
  await standIn?.close()
})

it('control: valid input does reach the stand-in (so "no request" below can fail)', async () => {
  standIn.resetLog()
  const runner = new FakeRunner({ inputs: VALID })
  await run(runner, {
    env: { ...standIn.env(), RUNNER_ENVIRONMENT: 'self-hosted' },
    machine: 'web1'
  })
  expect(standIn.count('ListResourceRecordSets')).toBe(1)
  expect(runner.failed).toMatch(/does not exist/)
})

describe('bad input through run(): the step fails once naming the input, no AWS request', () => {
  it.each(BAD_INPUTS)('%s', async (_label, inputs, name) => {
    standIn.resetLog()
    const runner = new FakeRunner({
      inputs: { ...VALID, ...inputs },
      // A token request would itself be a failure of this test.
      getIDToken: () => Promise.reject(new Error('no token request expected'))
    })
    await run(runner, {
      env: { ...standIn.env(), RUNNER_ENVIRONMENT: 'self-hosted', GITHUB_REPOSITORY: 'octo/demo' },
      machine: 'web1'
    })
    expect(runner.messages('error')).toHaveLength(1)
    expect(runner.failed).toMatch(new RegExp(`^Input '${name}': `))
    expect(runner.audiences).toEqual([])
    expect(standIn.requests).toEqual([])
  })
})
