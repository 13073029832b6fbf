/** Flags and ROUTE53_DDNS_* variables → Config, shared by the one-shot and watch commands. */
import { hostname as osHostname } from 'node:os'
import { InputError } from '../model/errors.js'
import { INPUTS, parseInputs, type InputName } from '../inputs/inputs.js'
import type { Config } from '../model/types.js'
import { UsageError, inputGetter } from './args.js'
import type { Io } from './io.js'

/** A bad input value as a usage error naming the flag or variable it came from. */
export function inputUsageError(err: InputError, source: (name: string) => string): UsageError {
  return new UsageError(
    Object.hasOwn(INPUTS, err.input) ? `${source(err.input)}: ${err.problem}` : err.message
  )
}

/** The validated config from `get`; a bad value is a usage error (see inputUsageError). */
export function configFrom(
  get: (name: InputName) => string,
  source: (name: string) => string,
  io: Io
): Config {
  try {
    return parseInputs(get, { machine: io.machine ?? osHostname(), env: io.env })
  } catch (err) {
    if (err instanceof InputError) throw inputUsageError(err, source)
    throw err
  }
}

/**
 * The validated config, and `source` naming where an input came from (`--ttl` or
 * `ROUTE53_DDNS_TTL`). A bad value is a usage error naming that flag or variable.
 */
export function readConfig(
  values: Map<string, string>,
  io: Io
): { config: Config; source: (name: string) => string } {
  const { get, source } = inputGetter(values, io.env)
  return { config: configFrom(get, source, io), source }
}
