import type { Change, Route53Client } from '@aws-sdk/client-route-53'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { UpdateError } from '../model/errors.js'
import { hostAddresses } from '../inputs/host-ids.js'
import { RunStopped, stoppedWhile, type Stop } from './lifecycle.js'
import { listedName } from '../model/names.js'
import { givenAddresses } from '../model/address.js'
import { planRecord, splitBatches, type PlannedRecord, type Target } from './plan.js'
import {
  createRoute53Client,
  discoverZones,
  explainError,
  isConflict,
  lostAnswer,
  readNames,
  submitBatch,
  waitForSync
} from '../aws/route53.js'
import type { RetryTiming } from '../aws/retry.js'
import type { Detected } from '../detect/index.js'
import { answerLimitWarning, memberRows, type OtherMembers } from './members.js'
import type {
  AddressOrigin,
  Config,
  DetectionConfig,
  Logger,
  RecordReport,
  RecordType
} from '../model/types.js'

/** What a run did (or in a dry run would do). */
export interface UpdateReport {
  dryRun: boolean
  records: RecordReport[]
  ipv4: string[]
  ipv6: string[]
  origins: AddressOrigin[]
  changeIds: string[]
  /** A record was written; `unknown` when the only writes were sent and never answered. */
  changed: boolean | 'unknown'
  /** On failure: every record the run planned, applied rows with their change ids. */
  attempted: RecordReport[]
  /** With set-identifier: per name and type, the other members of the multivalue record. */
  members?: OtherMembers[]
  /** The run was cancelled: `records` holds only what was applied before it stopped. */
  cancelled?: boolean
}

/** The report, plus the error that stopped the run part way, if any. */
export interface UpdateOutcome {
  report: UpdateReport
  error?: Error
}

/** What an update needs besides the config (tests and watch inject their own). */
export interface UpdateDeps {
  logger: Logger
  /** Credentials for Route 53; undefined uses the SDK's default chain. */
  credentials?: AwsCredentialIdentity
  /** Finds this machine's addresses when the config gives none. */
  detect?: (cfg: DetectionConfig) => Promise<Detected>
  /** A ready client (tests); otherwise one is made from the config. */
  client?: Route53Client
  /** Retry and polling timing (tests inject zero delays); never an input. */
  timing?: RetryTiming
  /** Cancellation and the run's time bound: no batch is submitted once `stop.signal` is aborted. */
  stop?: Stop
}

/** Guarded writes are retried this many times when a record changed under us. */
const MAX_CONFLICT_RETRIES = 3

const key = (t: { name: string; type: RecordType }): string => `${listedName(t.name)} ${t.type}`

/** Every name the run manages: `hostname` (and `host-map`), then the `ipv6-host-ids` names. */
export function managedNames(config: Config): string[] {
  return [...config.hostnames, ...(config.hostIds?.hosts.map((h) => h.name) ?? [])]
}

/** Without this machine's IPv6 address the hosts behind it cannot be published. */
const hostIdsLeftAlone = (names: string[]): string =>
  `ipv6-host-ids: this machine's IPv6 address is not known, so the hosts' AAAA records (${names.join(', ')}) are left as they are.`

function targetsFor(config: Config, ipv4: string[], ipv6: string[], logger: Logger): Target[] {
  const targets: Target[] = []
  for (const name of config.hostnames) {
    if (config.state === 'absent' || ipv4.length > 0)
      targets.push({ name, type: 'A', values: ipv4 })
    if (config.state === 'absent' || ipv6.length > 0)
      targets.push({ name, type: 'AAAA', values: ipv6 })
  }
  const hostIds = config.hostIds
  if (hostIds && hostIds.hosts.length > 0) {
    if (config.state === 'absent') {
      for (const h of hostIds.hosts) targets.push({ name: h.name, type: 'AAAA', values: [] })
    } else if (ipv6.length === 0) {
      // Only with ip-version both, when IPv6 was not detected (inputs require IPv6 otherwise).
      logger.warning(hostIdsLeftAlone(hostIds.hosts.map((h) => h.name)))
    } else {
      let hosts: { name: string; address: string }[]
      try {
        hosts = hostAddresses(hostIds, ipv6)
      } catch (err) {
        throw new UpdateError(`ipv6-host-ids: ${(err as Error).message}.`)
      }
      for (const h of hosts) targets.push({ name: h.name, type: 'AAAA', values: [h.address] })
    }
  }
  return targets
}

/** The line a record gets in the log, as the one-shot run prints it (watch mode reuses it). */
export function describeRecord(r: RecordReport): string {
  const values = (v: string[]): string => (v.length ? v.join(',') : '(none)')
  const change = r.changeId ? `, change ${r.changeId}` : ''
  const arrow =
    r.result === 'unchanged'
      ? values(r.after.length ? r.after : r.before)
      : `${values(r.before)} -> ${values(r.after)}`
  const member = r.setIdentifier ? ` (member '${r.setIdentifier}')` : ''
  return `${r.name} ${r.type}${member} in ${r.zoneId}: ${arrow}, TTL ${r.ttl} (${r.result}${change})`
}

/** The report row of a planned record. */
function row(
  { changes: _changes, members: _members, ...rest }: PlannedRecord,
  changeId: string
): RecordReport {
  return { ...rest, changeId }
}

/** True when a record was written; `unknown` when the only writes went unanswered. */
function changedOf(records: RecordReport[]): boolean | 'unknown' {
  if (records.some((r) => r.result !== 'unchanged' && r.result !== 'unknown')) return true
  return records.some((r) => r.result === 'unknown') ? 'unknown' : false
}

/** Throws the stop's reason once the run is stopping: called before anything new starts. */
function checkStop(stop: Stop | undefined): void {
  if (stop?.signal.aborted) throw stop.signal.reason as Error
}

async function planZone(
  client: Route53Client,
  zoneId: string,
  targets: Target[],
  config: Config,
  stop?: Stop
): Promise<PlannedRecord[]> {
  checkStop(stop)
  // A read needs no grace: it is dropped at once when the run stops.
  const live = await readNames(
    client,
    zoneId,
    targets.map((t) => t.name),
    stop?.signal
  )
  const options = {
    zoneId,
    state: config.state,
    ttl: config.ttl,
    dryRun: config.dryRun,
    ...(config.setIdentifier !== undefined ? { setIdentifier: config.setIdentifier } : {}),
    ...(config.healthCheckId ? { healthCheckId: config.healthCheckId } : {})
  }
  return targets.map((t) => planRecord(t, live.get(listedName(t.name)) ?? [], options))
}

/** One zone's write: what to apply, where, and where to record what settled. */
interface ZoneWrite {
  client: Route53Client
  zoneId: string
  targets: Target[]
  /** The plan made from the first read. */
  plans: PlannedRecord[]
  config: Config
  logger: Logger
  /** Records settled so far, by key: filled as each batch is accepted. */
  done: Map<string, RecordReport>
  /** Cancellation and the run's time bound. */
  stop?: Stop
}

/** Route 53 refused every attempt: the records changed between each read and write. */
const keptChanging = (zoneId: string, attempts: number, err: unknown): string =>
  `Records in hosted zone ${zoneId} kept changing while this run tried to update them (${attempts} attempts); nothing was overwritten. Last refusal: ${(err as Error).message}`

/** A record changed under the run: the zone is read again. */
const readingAgain = (zoneId: string, attempt: number): string =>
  `A record in hosted zone ${zoneId} changed since it was read; reading again (attempt ${attempt}).`

/**
 * Apply one zone's plan as guarded batches, recording each settled record in `done` as soon as
 * its batch is accepted (so a failure later still reports it). When a batch is refused because a
 * record changed since it was read, read again, plan again and retry.
 */
async function applyZone(write: ZoneWrite): Promise<void> {
  const { client, zoneId, config, logger, done, stop } = write
  let plans = write.plans
  for (let attempt = 0; ; attempt++) {
    const pending = plans.filter((p) => !done.has(key(p)))
    for (const p of pending.filter((p) => p.changes.length === 0)) done.set(key(p), row(p, ''))
    const batches = splitBatches(pending.map((p) => p.changes))
    const inBatch = (batch: Change[]): PlannedRecord[] =>
      pending.filter((p) => p.changes.length > 0 && batch.includes(p.changes[0]!))
    let current: Change[] = []
    /** The batch sent and not yet answered. */
    let sending: Change[] | undefined
    try {
      for (const batch of batches) {
        checkStop(stop)
        current = sending = batch
        const id = await submitBatch(client, zoneId, batch, config.comment, stop?.dropWrites)
        sending = undefined
        for (const p of inBatch(batch)) done.set(key(p), row(p, id))
      }
      break
    } catch (err) {
      if (err instanceof RunStopped || !isConflict(err)) {
        const thrown =
          err instanceof RunStopped
            ? err
            : explainError(err, {
                operation: 'ChangeResourceRecordSets',
                zoneId,
                changes: batches.flat()
              })
        throw thrown instanceof RunStopped && sending
          ? unanswered(thrown, inBatch(sending), write)
          : thrown
      }
      if (attempt >= MAX_CONFLICT_RETRIES) {
        throw new UpdateError(keptChanging(zoneId, attempt + 1, err), { cause: err })
      }
      const refused = inBatch(current)
      const rest = write.targets.filter((t) => !done.has(key(t)))
      plans = await planZone(client, zoneId, rest, config, stop)
      const doubt = lostAnswer(err)
      if (doubt) claimLostAnswers(refused, plans, doubt, write)
      if (refused.some((p) => !done.has(key(p))) || !doubt)
        logger.warning(readingAgain(zoneId, attempt + 2))
    }
  }
}

/** A record the retry found as planned after the first answer was lost. */
const lostAnswerFound = (record: RecordReport, doubt: string): string =>
  `${describeRecord(record)}: Route 53 applied this run's change but its answer was lost (${doubt}); the retry found the record already as planned. Change id unknown.`

/**
 * The run stopped while `sent` was sent and not answered: Route 53 may have applied it (a batch
 * applies whole or not at all). Its records' result is `unknown`, and the error says how to check.
 */
function unanswered(err: RunStopped, sent: PlannedRecord[], write: ZoneWrite): RunStopped {
  for (const p of sent) write.done.set(key(p), { ...row(p, ''), result: 'unknown' })
  const names = [...new Set(sent.map((p) => listedName(p.name)))]
  return err.unanswered(
    `the change to ${names.join(', ')} was sent and not answered, so it may have been applied (result unknown); no further change was submitted. ` +
      `Check with: aws route53 list-resource-record-sets --hosted-zone-id ${write.zoneId} --start-record-name ${names[0] ?? ''} --max-items ${2 * names.length}; or run again (it reads the records and finishes the job).`
  )
}

/**
 * A write whose answer was lost (a 5xx or a broken connection after sending) is retried by the SDK;
 * when the retry is refused as a conflict and every record of the batch now reads exactly as this
 * run planned, the first attempt was applied (a batch applies whole or not at all). Count those
 * records as this run's change, with a warning.
 */
function claimLostAnswers(
  refused: PlannedRecord[],
  replanned: PlannedRecord[],
  doubt: string,
  write: ZoneWrite
): void {
  const asPlanned = (was: PlannedRecord): boolean =>
    replanned.some((p) => key(p) === key(was) && p.changes.length === 0)
  if (refused.length === 0 || !refused.every(asPlanned)) return
  for (const was of refused) {
    write.done.set(key(was), row(was, ''))
    write.logger.warning(lostAnswerFound(row(was, ''), doubt))
  }
}

/** The report before anything ran: the addresses the config gives. */
function initialReport(config: Config): UpdateReport {
  return {
    dryRun: config.dryRun,
    records: [],
    ...givenAddresses(config),
    changeIds: [],
    changed: false,
    attempted: []
  }
}

/** What the run has planned and applied so far, kept for the report of a failure. */
interface Progress {
  /** Every planned record's row, in plan order. */
  planned: RecordReport[]
  /** Records settled by an accepted batch (or found as planned), by key. */
  applied: Map<string, RecordReport>
  /** Every record settled and logged: a later failure (waiting for sync) keeps the records. */
  settled: boolean
}

/** Step 1: the addresses to publish, detected when the config gives none. */
async function resolveAddresses(
  config: Config,
  deps: UpdateDeps,
  report: UpdateReport
): Promise<void> {
  if (config.detection) {
    if (!deps.detect)
      throw new UpdateError('No address was given (ip) and detection is not available here.')
    let found: Detected
    try {
      found = await deps.detect(config.detection)
    } catch (err) {
      throw stoppedWhile(err, 'the address-echo providers', deps.stop?.signal) ?? err
    }
    report.ipv4 = found.ipv4
    report.ipv6 = found.ipv6
    report.origins = found.origins
  }
  if (config.state === 'present' && report.ipv4.length + report.ipv6.length === 0) {
    throw new UpdateError('No address to publish: none was given and none was detected.')
  }
  if (config.state === 'absent') {
    report.ipv4 = []
    report.ipv6 = []
  }
}

/** Step 2: each target's hosted zone (the given one, or discovered), targets grouped by zone. */
async function mapZones(
  client: Route53Client,
  targets: Target[],
  config: Config,
  deps: UpdateDeps
): Promise<Map<string, Target[]>> {
  const { logger, stop } = deps
  const names = [...new Set(targets.map((t) => t.name))]
  const zoneOf = new Map<string, string>()
  if (config.hostedZoneId) {
    for (const name of names) zoneOf.set(name, config.hostedZoneId)
  } else {
    checkStop(stop)
    const zones = await discoverZones(client, names, config.privateZone, stop?.signal)
    for (const [name, zone] of zones) {
      zoneOf.set(name, zone.id)
      logger.debug(`${name} is in hosted zone ${zone.id} (${zone.name})`)
    }
  }
  const byZone = new Map<string, Target[]>()
  for (const t of targets) {
    const zone = zoneOf.get(t.name)!
    byZone.set(zone, [...(byZone.get(zone) ?? []), t])
  }
  return byZone
}

/** Steps 3 and 4: read and plan every zone before anything is written. */
async function planAll(
  client: Route53Client,
  byZone: Map<string, Target[]>,
  config: Config,
  stop: Stop | undefined,
  progress: Progress
): Promise<Map<string, PlannedRecord[]>> {
  const plans = new Map<string, PlannedRecord[]>()
  for (const [zoneId, zoneTargets] of byZone) {
    const zonePlans = await planZone(client, zoneId, zoneTargets, config, stop)
    plans.set(zoneId, zonePlans)
    progress.planned.push(...zonePlans.map((p) => row(p, '')))
  }
  return plans
}

/** With set-identifier: per name and type, the other members the read found. */
function otherMembers(plans: Map<string, PlannedRecord[]>): OtherMembers[] {
  return [...plans.values()].flat().map((p) => ({
    name: p.name,
    type: p.type,
    zoneId: p.zoneId,
    others: p.members
  }))
}

/** Step 5: apply every zone's plan; the report's records are what settled. */
async function applyAll(
  client: Route53Client,
  byZone: Map<string, Target[]>,
  plans: Map<string, PlannedRecord[]>,
  config: Config,
  deps: UpdateDeps,
  progress: Progress
): Promise<RecordReport[]> {
  for (const [zoneId, zonePlans] of plans) {
    await applyZone({
      client,
      zoneId,
      targets: byZone.get(zoneId)!,
      plans: zonePlans,
      config,
      logger: deps.logger,
      done: progress.applied,
      ...(deps.stop ? { stop: deps.stop } : {})
    })
  }
  return progress.planned.map((p) => progress.applied.get(key(p)) ?? p)
}

/** The distinct change ids of these records, in order. */
function changeIdsOf(records: RecordReport[]): string[] {
  return [...new Set(records.map((r) => r.changeId).filter(Boolean))]
}

/** Log every record, and for a multivalue record its other members and any answer-limit warning. */
function logRecords(report: UpdateReport, logger: Logger): void {
  for (const r of report.records) logger.info(describeRecord(r))
  for (const row of memberRows(report.records, report.members ?? [])) {
    const others = row.others.length
    if (others > 0) logger.info(`${row.record.name} ${row.record.type}: ${others} other member(s)`)
    const tooMany = answerLimitWarning(row)
    if (tooMany) logger.warning(tooMany)
  }
}

/** Step 6: wait until every change this run made is INSYNC. */
async function waitForChanges(
  client: Route53Client,
  records: RecordReport[],
  config: Config,
  deps: UpdateDeps
): Promise<void> {
  const { logger, stop } = deps
  const zoneOfChange = new Map(records.filter((r) => r.changeId).map((r) => [r.changeId, r.zoneId]))
  for (const r of records.filter((r) => r.result !== 'unchanged' && !r.changeId))
    logger.warning(`Cannot wait for ${r.name} ${r.type} to be in sync: its change id is unknown.`)
  for (const [id, zoneId] of zoneOfChange) {
    checkStop(stop)
    logger.info(`Waiting for change ${id} to be in sync...`)
    // A cancel ends the wait at once: the change is applied and completes anyway.
    await waitForSync(client, id, zoneId, config.waitTimeout, deps.timing, stop?.signal)
    logger.info(`Change ${id} is INSYNC.`)
  }
}

/**
 * The outcome of a run that failed: `attempted` shows the whole plan for the summary; failing
 * before every record settled, `records` hold only what was written.
 */
function failure(
  report: UpdateReport,
  progress: Progress,
  err: unknown,
  logger: Logger
): UpdateOutcome {
  const { planned, applied } = progress
  report.attempted = planned.map((p) => applied.get(key(p)) ?? p)
  if (!progress.settled) {
    report.records = planned.flatMap((p) => {
      const r = applied.get(key(p))
      return r && r.result !== 'unchanged' ? [r] : []
    })
    for (const r of report.records) logger.info(describeRecord(r))
    report.changeIds = changeIdsOf(report.records)
    report.changed = changedOf(report.records)
  }
  if (err instanceof RunStopped && err.kind === 'cancelled') report.cancelled = true
  return { report, error: err instanceof Error ? err : new Error(String(err)) }
}

/**
 * The one update both the action and the CLI run: find addresses, find zones, read, plan, and
 * apply guarded changes. Every read and plan happens before the first write, so a refusal
 * (a CNAME, an alias, a bad zone) writes nothing anywhere.
 */
export async function update(config: Config, deps: UpdateDeps): Promise<UpdateOutcome> {
  const report = initialReport(config)
  const progress: Progress = { planned: [], applied: new Map(), settled: false }
  try {
    await resolveAddresses(config, deps, report)
    const client =
      deps.client ??
      createRoute53Client({
        region: config.region,
        ...(deps.credentials ? { credentials: deps.credentials } : {}),
        ...(deps.timing ? { timing: deps.timing } : {})
      })
    const targets = targetsFor(config, report.ipv4, report.ipv6, deps.logger)
    const byZone = await mapZones(client, targets, config, deps)
    const plans = await planAll(client, byZone, config, deps.stop, progress)
    if (config.setIdentifier !== undefined) report.members = otherMembers(plans)
    if (config.dryRun) {
      report.records = progress.planned
    } else {
      report.records = await applyAll(client, byZone, plans, config, deps, progress)
      report.changeIds = changeIdsOf(report.records)
    }
    report.changed = changedOf(report.records)
    logRecords(report, deps.logger)
    progress.settled = true
    if (config.waitForSync && !config.dryRun)
      await waitForChanges(client, report.records, config, deps)
    return { report }
  } catch (err) {
    return failure(report, progress, err, deps.logger)
  }
}
