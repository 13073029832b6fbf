import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { ROOT } from './run-action.js'

/**
 * Whether an end-to-end suite skips because its bundle (`dist/…`) is missing. Locally it skips and
 * says why; in CI (`CI=true`, as GitHub Actions sets it) a missing bundle is an error, thrown
 * while the suite loads, so the run fails instead of passing without the bundle ever running.
 */
export function missingBundle(path: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (existsSync(path)) return false
  const shown = path.startsWith(`${ROOT}/`) ? relative(ROOT, path) : path
  const why = `${shown} is missing (build it with npm run package)`
  if (env.CI === 'true') throw new Error(`${why}: in CI a missing bundle is an error`)
  console.warn(`skipped: ${why}`)
  return true
}
