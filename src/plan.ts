import type { Change, ResourceRecordSet } from '@aws-sdk/client-route-53'
import { UpdateError } from './errors.js'
import { canonicalAddress } from './detect/classify.js'
import { displayName, listedName } from './names.js'
import type { DesiredState, RecordReport, RecordResult, RecordType } from './types.js'

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
}

export interface PlanOptions {
  zoneId: string
  state: DesiredState
  ttl: number
  dryRun: boolean
}

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
 * Plan one target against every set currently at its name (as read). Pure. Refuses, with an
 * error naming the record, to touch a name that holds a CNAME, an alias or a routing-policy set.
 */
export function planRecord(
  target: Target,
  setsAtName: ResourceRecordSet[],
  o: PlanOptions
): PlannedRecord {
  const listed = listedName(target.name)
  const here = setsAtName.filter((s) => listedName(s.Name ?? '') === listed)
  const shown = `${displayName(target.name)} ${target.type} in zone ${o.zoneId}`

  const cname = here.find((s) => s.Type === 'CNAME')
  if (cname) {
    throw new UpdateError(
      `${displayName(target.name)} holds a CNAME record; refusing to touch it (zone ${o.zoneId}). Remove the CNAME or choose another name.`
    )
  }
  const sameType = here.filter((s) => s.Type === target.type)
  const alias = sameType.find((s) => s.AliasTarget)
  if (alias) {
    throw new UpdateError(
      `${shown} is an alias record (to ${alias.AliasTarget?.DNSName ?? '?'}); refusing to overwrite it.`
    )
  }
  const routed = sameType.find((s) => s.SetIdentifier !== undefined)
  if (routed) {
    throw new UpdateError(
      `${shown} has a routing-policy record set (SetIdentifier '${routed.SetIdentifier}'); refusing to overwrite it.`
    )
  }

  const live = sameType[0]
  const before = (live?.ResourceRecords ?? []).map((r) => r.Value ?? '')
  const pick = (kind: keyof typeof RESULT): RecordResult => RESULT[kind][o.dryRun ? 1 : 0]
  const row = { name: target.name, type: target.type, zoneId: o.zoneId, before }

  if (o.state === 'absent') {
    if (!live) return { ...row, after: [], ttl: o.ttl, result: 'unchanged', changes: [] }
    return {
      ...row,
      after: [],
      ttl: live.TTL ?? o.ttl,
      result: pick('delete'),
      changes: [{ Action: 'DELETE', ResourceRecordSet: live }]
    }
  }

  const desired: ResourceRecordSet = {
    Name: `${target.name}.`,
    Type: target.type,
    TTL: o.ttl,
    ResourceRecords: target.values.map((Value) => ({ Value }))
  }
  const after = [...target.values]
  if (!live) {
    return {
      ...row,
      after,
      ttl: o.ttl,
      result: pick('create'),
      changes: [{ Action: 'CREATE', ResourceRecordSet: desired }]
    }
  }
  if (live.TTL === o.ttl && sameValues(before, target.values)) {
    return { ...row, after, ttl: o.ttl, result: 'unchanged', changes: [] }
  }
  // Compare-and-swap: the DELETE carries exactly what was read, so a concurrent edit fails the batch.
  return {
    ...row,
    after,
    ttl: o.ttl,
    result: pick('update'),
    changes: [
      { Action: 'DELETE', ResourceRecordSet: live },
      { Action: 'CREATE', ResourceRecordSet: desired }
    ]
  }
}

/** Route 53's per-request limits on ChangeResourceRecordSets. */
export const BATCH_LIMITS = { records: 1000, valueChars: 32000 }

function weight(changes: Change[]): { records: number; chars: number } {
  let records = 0
  let chars = 0
  for (const c of changes) {
    const k = c.Action === 'UPSERT' ? 2 : 1
    for (const r of c.ResourceRecordSet?.ResourceRecords ?? []) {
      records += k
      chars += k * (r.Value?.length ?? 0)
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
