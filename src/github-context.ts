// The run's identity from @actions/github's own Context class. Only its context module is loaded
// (it needs fs and os alone); the package entry also builds Octokit with its proxy and fetch
// plumbing, which loads only when the failure issue is on.
import { Context } from '../node_modules/@actions/github/lib/context.js'
import { runContextFrom, type RunContext } from './run-context.js'

/** This run's identity as @actions/github's `context` reads it; undefined outside a workflow run. */
export function loadRunContext(): RunContext | undefined {
  if (!process.env.GITHUB_RUN_ID) return undefined
  return runContextFrom(new Context(), process.env.GITHUB_REPOSITORY)
}
