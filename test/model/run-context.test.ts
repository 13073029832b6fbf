import { describe, expect, it } from 'vitest'
import {
  defaultComment,
  defaultSessionName,
  runContextFrom,
  runContextFromEnv,
  runLine,
  runUrl,
  trigger,
  type ContextLike
} from '../../src/model/run-context.js'

const ctx = {
  runId: 4242,
  runAttempt: 1,
  eventName: 'schedule',
  actor: 'octocat',
  workflow: 'ddns',
  job: 'update',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com'
}

describe('runContextFrom', () => {
  it('is undefined outside a workflow run', () => {
    expect(runContextFrom(ctx, undefined)).toBeUndefined()
    expect(runContextFrom({ ...ctx, runId: NaN }, 'octo/demo')).toBeUndefined()
    expect(runContextFrom(ctx, 'not a repository')).toBeUndefined()
  })
  it('takes the fields and trims trailing slashes', () => {
    const run = runContextFrom({ ...ctx, serverUrl: 'https://ghe.example.com/' }, 'octo/demo')
    expect(run).toMatchObject({
      repository: 'octo/demo',
      runId: 4242,
      serverUrl: 'https://ghe.example.com'
    })
  })
  it('counts a missing attempt as the first', () => {
    expect(runContextFrom({ ...ctx, runAttempt: NaN }, 'octo/demo')?.runAttempt).toBe(1)
  })
})

describe('run words', () => {
  const run = runContextFrom(ctx, 'octo/demo')!
  it.each([
    [{}, 'https://github.com/octo/demo/actions/runs/4242'],
    [{ runAttempt: 3 }, 'https://github.com/octo/demo/actions/runs/4242/attempts/3']
  ])('runUrl %j', (over, url) => {
    expect(runUrl({ ...run, ...over })).toBe(url)
  })
  it.each([
    ['schedule', 'the schedule'],
    ['workflow_dispatch', 'a manual dispatch by octocat'],
    ['push', 'a push by octocat'],
    ['issue_comment', 'the issue_comment event by octocat']
  ])('trigger %s', (eventName, words) => {
    expect(trigger({ ...run, eventName })).toBe(words)
  })
  it('runLine', () => {
    expect(runLine({ ...run, runAttempt: 2 })).toBe(
      'octo/demo · workflow ddns · run 4242 (attempt 2) · triggered by the schedule'
    )
  })
  it('default comment and session name name the run', () => {
    expect(defaultComment(run)).toBe('route53-ddns: octo/demo run 4242 (schedule)')
    expect(defaultComment({ ...run, runAttempt: 2 })).toBe(
      'route53-ddns: octo/demo run 4242 attempt 2 (schedule)'
    )
    expect(defaultComment(undefined)).toBe('route53-ddns')
    expect(defaultSessionName(run)).toBe('route53-ddns-4242-1')
    expect(defaultSessionName(undefined, 17)).toBe('route53-ddns-17-1')
  })
})

describe('runContextFromEnv', () => {
  const env = {
    GITHUB_RUN_ID: '987654321',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'ddns',
    GITHUB_JOB: 'update',
    GITHUB_SERVER_URL: 'https://ghe.example.com',
    GITHUB_API_URL: 'https://ghe.example.com/api/v3'
  }
  /** @actions/github's own reading of the same variables (its Context, constructed afresh). */
  async function libraryReading(vars: Record<string, string>): Promise<ContextLike> {
    const { context } = await import('@actions/github')
    const Context = context.constructor as new () => ContextLike
    const saved = { ...process.env }
    for (const k of Object.keys(process.env)) if (k.startsWith('GITHUB_')) delete process.env[k]
    Object.assign(process.env, vars)
    try {
      return new Context()
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
      Object.assign(process.env, saved)
    }
  }

  it.each([
    ['every variable', env],
    ['defaults for the URLs', { GITHUB_RUN_ID: '7', GITHUB_REPOSITORY: 'octo/demo' }],
    ['no attempt', { ...env, GITHUB_RUN_ATTEMPT: '' }]
  ])('reads %s as @actions/github does', async (_, vars) => {
    const ours = runContextFromEnv(vars)
    expect(ours).toEqual(runContextFrom(await libraryReading(vars), vars.GITHUB_REPOSITORY))
    expect(ours?.runId).toBe(Number(vars.GITHUB_RUN_ID))
  })
  it('is undefined outside a workflow run', () => {
    expect(runContextFromEnv({})).toBeUndefined()
    expect(runContextFromEnv({ ...env, GITHUB_RUN_ID: undefined })).toBeUndefined()
  })
  it('names the run on GitHub Enterprise Server', () => {
    expect(runUrl(runContextFromEnv(env)!)).toBe(
      'https://ghe.example.com/octo/demo/actions/runs/987654321/attempts/2'
    )
  })
})
