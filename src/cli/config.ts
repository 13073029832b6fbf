/** Flags and ROUTE53_DDNS_* variables → Config, shared by the one-shot and watch commands. */
import { hostname as osHostname } from 'node:os'
import { InputError } from '../model/errors.js'
import { INPUTS, parseInputs } from '../inputs/inputs.js'
import type { Config } from '../model/types.js'
import { UsageError, inputGetter } from './args.js'
import type { Io } from './io.js'

/**
 * The validated config, and `source` naming where an input came from (`--ttl` or
 * `ROUTE53_DDNS_TTL`). A bad value is a usage error naming that flag or variable.
 */
export function readConfig(
  values: Map<string, string>,
  io: Io
): { config: Config; source: (name: string) => string } {
  const { get, source } = inputGetter(values, io.env)
  try {
    return {
      config: parseInputs(get, { machine: io.machine ?? osHostname(), env: io.env }),
      source
    }
  } catch (err) {
    if (err instanceof InputError) {
      throw new UsageError(
        Object.hasOwn(INPUTS, err.input) ? `${source(err.input)}: ${err.problem}` : err.message
      )
    }
    throw err
  }
}
