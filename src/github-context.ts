// The run's identity from @actions/github's public `context`. The package entry also builds
// Octokit, so it loads only inside a workflow run (GITHUB_RUN_ID set), never in the CLI.
import { runContextFrom, type RunContext } from './run-context.js'

/** This run's identity as @actions/github's `context` reads it; undefined outside a workflow run. */
export async function loadRunContext(): Promise<RunContext | undefined> {
  if (!process.env.GITHUB_RUN_ID) return undefined
  const { context } = await import('@actions/github')
  return runContextFrom(context, process.env.GITHUB_REPOSITORY)
}
