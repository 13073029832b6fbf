import type { Change, ResourceRecordSet } from '@aws-sdk/client-route-53'
import { UpdateError, shown } from '../model/errors.js'
import { canonicalAddress } from '../model/address.js'
import { displayName, listedName } from '../model/names.js'
import type { DesiredState, RecordReport, RecordResult, RecordType } from '../model/types.js'

/** One record set the run is responsible for. */
export interface Target {
  /** Normalised FQDN, no trailing dot. */
  name: string
  type: RecordType
  /** Canonical addresses; ignored when state is absent. */
  values: string[]
}

/** A record's plan: the report row and the changes that would bring it about. */
export interface PlannedRecord extends Omit<RecordReport, 'changeId'> {
  changes: Change[]
  /** With a set identifier: the other members' identifiers at this name and type, sorted. */
  members: string[]
}

export interface PlanOptions {
  zoneId: string
  state: DesiredState
  ttl: number
  dryRun: boolean
  /** Manage only this identifier's member of a multivalue answer record. */
  setIdentifier?: string
  /** Health check for that member. */
  healthCheckId?: string
}

/** Route 53 answers a multivalue query with at most this many records. */
export const MULTIVALUE_ANSWERS = 8

/** The routing policy of a set, in the words of the Route 53 console. */
function policyOf(s: ResourceRecordSet): string {
  if (s.AliasTarget) return 'alias'
  if (s.MultiValueAnswer === true) return 'multivalue answer'
  if (s.Weight !== undefined) return 'weighted'
  if (s.Region !== undefined) return 'latency'
  if (s.Failover !== undefined) return 'failover'
  if (s.GeoLocation !== undefined) return 'geolocation'
  if (s.CidrRoutingConfig !== undefined) return 'IP-based (CIDR)'
  if (s.GeoProximityLocation !== undefined) return 'geoproximity'
  if (s.SetIdentifier !== undefined) return 'routing-policy'
  return 'simple'
}

const quoted = (ids: string[]): string => ids.map((id) => `'${shown(id)}'`).join(', ')

/** Every identifier of the sets of `first`'s type and routing policy among `sets`, sorted. */
function identifiersLike(first: ResourceRecordSet, sets: ResourceRecordSet[]): string[] {
  return sets
    .filter((s) => s.Type === first.Type && policyOf(s) === policyOf(first))
    .flatMap((s) => (s.SetIdentifier === undefined ? [] : [s.SetIdentifier]))
    .sort()
}

/** `SetIdentifier 'a'` for one, `identifiers 'a', 'b'` for several. */
const identified = (ids: string[]): string =>
  `${ids.length === 1 ? 'SetIdentifier' : 'identifiers'} ${quoted(ids)}`

function canonical(value: string): string {
  try {
    return canonicalAddress(value)
  } catch {
    return value
  }
}

function sameValues(a: string[], b: string[]): boolean {
  const x = [...new Set(a.map(canonical))].sort()
  const y = [...new Set(b.map(canonical))].sort()
  return x.length === y.length && x.every((v, i) => v === y[i])
}

const RESULT: Record<'create' | 'update' | 'delete', [RecordResult, RecordResult]> = {
  create: ['created', 'would-create'],
  update: ['updated', 'would-update'],
  delete: ['deleted', 'would-delete']
}

/**
 * Why the run must not touch a target's name, or undefined if it may; the one place that decides.
 * `here` is every set at the name, of any type. A name that belongs to something else is refused
 * whichever family is published (a simple A beside a weighted AAAA would split the name between
 * two owners):
 * - a CNAME;
 * - an alias or a routing-policy set (anything with a SetIdentifier), of any type;
 * - except that a machine publishing its own multivalue member (`set-identifier`) shares the name
 *   with the other multivalue members, and of its own type also refuses a simple record (Route 53
 *   does not mix routing policies at one name and type). Removing a member this machine does not
 *   have writes nothing, so it is never refused.
 */
export function refusal(
  target: Target,
  here: ResourceRecordSet[],
  options: Pick<PlanOptions, 'zoneId' | 'state' | 'setIdentifier'>
): string | undefined {
  const name = displayName(target.name)
  const record = `${name} ${target.type} in zone ${options.zoneId}`
  const cname = here.find((s) => s.Type === 'CNAME')
  if (cname) {
    return `${name} holds a CNAME record; refusing to touch it (zone ${options.zoneId}). Remove the CNAME or choose another name.`
  }
  const sameType = here.filter((s) => s.Type === target.type)
  const otherTypes = here.filter((s) => s.Type !== target.type)
  const sid = options.setIdentifier
  if (sid !== undefined) {
    if (options.state === 'absent' && !sameType.some((s) => s.SetIdentifier === sid))
      return undefined
    const foreign =
      sameType.find((s) => s.AliasTarget || s.MultiValueAnswer !== true) ??
      otherTypes.find(
        (s) => s.AliasTarget || (s.SetIdentifier !== undefined && !s.MultiValueAnswer)
      )
    if (!foreign) return undefined
    const policy = policyOf(foreign)
    const which = foreign.Type === target.type ? policy : `${policy} ${foreign.Type ?? '?'}`
    const ids = foreign.AliasTarget ? [] : identifiersLike(foreign, here)
    const id = ids.length === 0 ? '' : ` (${identified(ids)})`
    const article = ids.length > 1 ? '' : /^[aeiou]/.test(which) ? 'an ' : 'a '
    return `${record} holds ${article}${which} record${ids.length > 1 ? 's' : ''}${id}; refusing to add this machine's multivalue answer record (set-identifier '${shown(sid)}'). Route 53 does not mix routing policies at one name and type, and converting the record would take the name from whoever made it: remove it or choose another name.`
  }
  const alias = sameType.find((s) => s.AliasTarget)
  if (alias) {
    return `${record} is an alias record (to ${alias.AliasTarget?.DNSName ?? '?'}); refusing to overwrite it.`
  }
  const multivalue = sameType.filter((s) => s.MultiValueAnswer === true)
  if (multivalue.length > 0 && multivalue.length === sameType.length) {
    const ids = multivalue.map((s) => s.SetIdentifier ?? '').sort()
    return `${record} holds multivalue answer records (identifiers ${quoted(ids)}); refusing to overwrite them. To publish this machine as one more member, set set-identifier.`
  }
  const routed = sameType.find((s) => s.SetIdentifier !== undefined)
  if (routed) {
    const ids = identifiersLike(routed, sameType)
    return `${record} has ${ids.length > 1 ? 'routing-policy record sets' : 'a routing-policy record set'} (${policyOf(routed)}, ${identified(ids)}); refusing to overwrite ${ids.length > 1 ? 'them' : 'it'}.`
  }
  const other = otherTypes.find((s) => s.AliasTarget || s.SetIdentifier !== undefined)
  if (other) {
    const ids = other.AliasTarget ? [] : identifiersLike(other, otherTypes)
    const what = other.AliasTarget
      ? `an alias ${other.Type ?? '?'} record (to ${other.AliasTarget.DNSName ?? '?'})`
      : `${ids.length > 1 ? '' : 'a '}${policyOf(other)} ${other.Type ?? '?'} record set${ids.length > 1 ? 's' : ''} (${identified(ids)})`
    const them = ids.length > 1 ? 'them' : 'it'
    return `${name} holds ${what} in zone ${options.zoneId}; refusing to write its ${target.type} beside ${them}. Remove ${them} or choose another name.`
  }
  return undefined
}

/**
 * Plan one target against every set currently at its name (as read). Pure. Throws UpdateError
 * naming the record when the name is refused (see `refusal`).
 */
export function planRecord(
  target: Target,
  setsAtName: ResourceRecordSet[],
  options: PlanOptions
): PlannedRecord {
  const listed = listedName(target.name)
  const here = setsAtName.filter((s) => listedName(s.Name ?? '') === listed)
  const refused = refusal(target, here, options)
  if (refused) throw new UpdateError(refused)
  const sameType = here.filter((s) => s.Type === target.type)
  if (options.setIdentifier !== undefined)
    return planMember(target, sameType, options, options.setIdentifier)
  const live = sameType[0]
  const before = (live?.ResourceRecords ?? []).map((r) => r.Value ?? '')
  const row = {
    name: target.name,
    type: target.type,
    zoneId: options.zoneId,
    setIdentifier: '',
    before,
    members: []
  }

  const desired: ResourceRecordSet = {
    Name: `${target.name}.`,
    Type: target.type,
    TTL: options.ttl,
    ResourceRecords: target.values.map((Value) => ({ Value }))
  }
  const inSync = (l: ResourceRecordSet): boolean =>
    l.TTL === options.ttl && sameValues(before, target.values)
  return reconcile(row, live, desired, inSync, target, options)
}

/**
 * Plan this machine's member of a multivalue answer record: only the record with its identifier
 * is compared and written; the other members are read, reported, and never part of a batch.
 * What it must not share the name with is decided by `refusal`.
 */
function planMember(
  target: Target,
  sameType: ResourceRecordSet[],
  options: PlanOptions,
  sid: string
): PlannedRecord {
  const live = sameType.find((s) => s.SetIdentifier === sid && s.MultiValueAnswer === true)
  const members = sameType
    .filter((s) => s !== live && s.MultiValueAnswer === true)
    .map((s) => s.SetIdentifier ?? '')
    .sort()
  const before = (live?.ResourceRecords ?? []).map((r) => r.Value ?? '')
  const row = {
    name: target.name,
    type: target.type,
    zoneId: options.zoneId,
    setIdentifier: sid,
    before,
    members
  }

  const desired: ResourceRecordSet = {
    Name: `${target.name}.`,
    Type: target.type,
    SetIdentifier: sid,
    MultiValueAnswer: true,
    TTL: options.ttl,
    ResourceRecords: target.values.map((Value) => ({ Value })),
    ...(options.healthCheckId ? { HealthCheckId: options.healthCheckId } : {})
  }
  const inSync = (l: ResourceRecordSet): boolean =>
    l.TTL === options.ttl &&
    sameValues(before, target.values) &&
    (l.HealthCheckId ?? '') === (options.healthCheckId ?? '')
  return reconcile(row, live, desired, inSync, target, options)
}

/**
 * The reconciliation both planners share: delete what was read (absent), create when nothing is
 * there, nothing when in sync, else compare-and-swap: the DELETE carries exactly what was read, so
 * a concurrent edit fails the batch.
 */
function reconcile(
  row: Omit<PlannedRecord, 'after' | 'ttl' | 'result' | 'changes'>,
  live: ResourceRecordSet | undefined,
  desired: ResourceRecordSet,
  inSync: (live: ResourceRecordSet) => boolean,
  target: Target,
  options: PlanOptions
): PlannedRecord {
  const pick = (kind: keyof typeof RESULT): RecordResult => RESULT[kind][options.dryRun ? 1 : 0]
  if (options.state === 'absent') {
    if (!live) return { ...row, after: [], ttl: options.ttl, result: 'unchanged', changes: [] }
    return {
      ...row,
      after: [],
      ttl: live.TTL ?? options.ttl,
      result: pick('delete'),
      changes: [{ Action: 'DELETE', ResourceRecordSet: live }]
    }
  }
  const after = [...target.values]
  if (!live) {
    return {
      ...row,
      after,
      ttl: options.ttl,
      result: pick('create'),
      changes: [{ Action: 'CREATE', ResourceRecordSet: desired }]
    }
  }
  if (inSync(live)) return { ...row, after, ttl: options.ttl, result: 'unchanged', changes: [] }
  return {
    ...row,
    after,
    ttl: options.ttl,
    result: pick('update'),
    changes: [
      { Action: 'DELETE', ResourceRecordSet: live },
      { Action: 'CREATE', ResourceRecordSet: desired }
    ]
  }
}

/** Route 53's per-request limits on ChangeResourceRecordSets. */
const BATCH_LIMITS = { records: 1000, valueChars: 32000 }

function weight(changes: Change[]): { records: number; chars: number } {
  let records = 0
  let chars = 0
  for (const c of changes) {
    for (const r of c.ResourceRecordSet?.ResourceRecords ?? []) {
      records += 1
      chars += r.Value?.length ?? 0
    }
  }
  return { records, chars }
}

/**
 * Split records' changes into as few batches as Route 53's limits allow, never separating the
 * changes of one record (its DELETE and CREATE must stay in one transaction).
 */
export function splitBatches(groups: Change[][], limits = BATCH_LIMITS): Change[][] {
  const batches: Change[][] = []
  let current: Change[] = []
  let used = { records: 0, chars: 0 }
  for (const group of groups) {
    if (group.length === 0) continue
    const w = weight(group)
    if (
      current.length > 0 &&
      (used.records + w.records > limits.records || used.chars + w.chars > limits.valueChars)
    ) {
      batches.push(current)
      current = []
      used = { records: 0, chars: 0 }
    }
    current.push(...group)
    used = { records: used.records + w.records, chars: used.chars + w.chars }
  }
  if (current.length > 0) batches.push(current)
  return batches
}
