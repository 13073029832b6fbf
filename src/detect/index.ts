import os from 'node:os'
import { InputError, UpdateError } from '../model/errors.js'
import type { AddressOrigin, DetectionConfig, Logger } from '../model/types.js'
import { detectLocal, readIpv6Flags, type Interfaces } from './local.js'
import { DEFAULT_PROVIDERS, detectPublic } from './public.js'
import { commandLabel } from '../inputs/ip-command.js'
import { parseCommandOutput, runCommand } from './command.js'

export interface Detected {
  ipv4: string[]
  ipv6: string[]
  origins: AddressOrigin[]
}

export interface DetectDeps {
  logger: Logger
  /** Defaults to os.networkInterfaces (for `local`). */
  networkInterfaces?: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>
  /**
   * IPv6 address flags (temporary, deprecated, …) by canonical address. Defaults to reading
   * /proc/net/if_inet6 when networkInterfaces is not injected, and to none when it is.
   */
  ipv6Flags?: () => Map<string, number>
  /** Per-request limit for public providers (default 5 s). */
  timeoutMs?: number
  /** Bound on public detection of one family (default 15 s). */
  overallMs?: number
  /** For `command`: the environment it inherits (default process.env, credentials removed). */
  env?: NodeJS.ProcessEnv
  /** Stops a running command and ends public detection at once (cancelled, or the run's bound). */
  signal?: AbortSignal
}

/** `command`: one run for all requested families; each family succeeds or fails on its own. */
async function detectByCommand(
  families: (4 | 6)[],
  cfg: DetectionConfig,
  deps: DetectDeps
): Promise<PromiseSettledResult<AddressOrigin>[]> {
  const argv = cfg.command ?? []
  if (argv.length === 0) throw new InputError('ip-command', "is required with ip-source 'command'")
  const label = commandLabel(argv)
  const stdout = await runCommand(argv, {
    ...(cfg.commandTimeoutMs !== undefined ? { timeoutMs: cfg.commandTimeoutMs } : {}),
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.signal ? { signal: deps.signal } : {})
  })
  const parsed = parseCommandOutput(stdout, families)
  return families.map((family) => {
    const r = parsed.get(family)
    if (r?.ok) {
      deps.logger.debug(`${label} answered ${r.address}`)
      return {
        status: 'fulfilled',
        value: { family, address: r.address, how: `command: ${argv[0] ?? ''}` }
      }
    }
    return {
      status: 'rejected',
      reason: new UpdateError(
        `Could not detect the IPv${family} address: ${label} ${r?.reason ?? 'gave no answer'}.`
      )
    }
  })
}

async function detectFamily(
  family: 4 | 6,
  cfg: DetectionConfig,
  deps: DetectDeps
): Promise<AddressOrigin> {
  if (cfg.source === 'local') {
    const networkInterfaces: () => Interfaces = deps.networkInterfaces ?? os.networkInterfaces
    const ipv6Flags = deps.ipv6Flags ?? (deps.networkInterfaces ? undefined : readIpv6Flags)
    const found = detectLocal(family, {
      logger: deps.logger,
      networkInterfaces,
      ...(cfg.interface !== undefined ? { interface: cfg.interface } : {}),
      ...(ipv6Flags ? { ipv6Flags } : {})
    })
    return { family, address: found.address, how: found.how }
  }
  const providers = cfg.providers.length > 0 ? cfg.providers : DEFAULT_PROVIDERS[family]
  const found = await detectPublic(family, providers, {
    logger: deps.logger,
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(deps.overallMs !== undefined ? { overallMs: deps.overallMs } : {}),
    ...(deps.signal ? { signal: deps.signal } : {})
  })
  return { family, address: found.address, how: found.how }
}

/**
 * Find this machine's addresses for the families `cfg.version` asks for. With 'both', a family that
 * cannot be detected is a warning and is left out (its record is left as it is); throws only when
 * nothing was detected. Configuration mistakes (InputError) always throw.
 */
export async function detectAddresses(cfg: DetectionConfig, deps: DetectDeps): Promise<Detected> {
  const families: (4 | 6)[] = cfg.version === '4' ? [4] : cfg.version === '6' ? [6] : [4, 6]
  const results =
    cfg.source === 'command'
      ? await detectByCommand(families, cfg, deps)
      : await Promise.allSettled(families.map((f) => detectFamily(f, cfg, deps)))
  const detected: Detected = { ipv4: [], ipv6: [], origins: [] }
  const failures: string[] = []
  results.forEach((r, i) => {
    const family = families[i] as 4 | 6
    if (r.status === 'fulfilled') {
      ;(family === 4 ? detected.ipv4 : detected.ipv6).push(r.value.address)
      detected.origins.push(r.value)
      return
    }
    if (r.reason instanceof InputError || families.length === 1) throw r.reason
    const message = r.reason instanceof Error ? r.reason.message : String(r.reason)
    failures.push(message)
  })
  if (detected.origins.length === 0) {
    throw new UpdateError(failures.join(' '))
  }
  for (const message of failures) {
    deps.logger.warning(`${message} Leaving those records as they are.`)
  }
  return detected
}

/**
 * Runner policy: detecting the address of a GitHub-hosted runner publishes a shared cloud address
 * that changes every job. Refuse (InputError on `ip`) unless this is a dry run, which only warns.
 * Call only when `ip` is empty.
 */
export function checkDetectionAllowed(
  env: NodeJS.ProcessEnv,
  dryRun: boolean,
  logger: Logger
): void {
  if (env.RUNNER_ENVIRONMENT !== 'github-hosted') return
  const problem =
    'the address of a GitHub-hosted runner is a shared cloud address that changes every job: run on a self-hosted runner, or pass ip'
  if (dryRun) {
    logger.warning(`Input 'ip': ${problem} (dry run: detecting anyway)`)
    return
  }
  throw new InputError('ip', problem)
}
