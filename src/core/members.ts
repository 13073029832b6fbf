// What a multivalue (set-identifier) run reports besides its own rows: the other members found
// at each name, and a warning when a name has more members than Route 53 puts in one answer.
import { MULTIVALUE_ANSWERS } from './plan.js'
import type { RecordReport, RecordType } from '../model/types.js'

/** The other members found at one name and type, besides this machine's. */
export interface OtherMembers {
  name: string
  type: RecordType
  zoneId: string
  /** Their identifiers, sorted. */
  others: string[]
}

/** One name's members as the summary shows them: this machine's row and the others. */
export interface MemberRow {
  record: RecordReport
  others: string[]
  /** Members after the run (in a dry run: after it would have run). */
  total: number
}

export function memberRows(records: RecordReport[], members: OtherMembers[]): MemberRow[] {
  const key = (r: { name: string; type: string; zoneId: string }): string =>
    `${r.zoneId} ${r.name} ${r.type}`
  const byKey = new Map(members.map((m) => [key(m), m.others]))
  return records
    .filter((r) => r.setIdentifier !== '')
    .map((record) => {
      const others = byKey.get(key(record)) ?? []
      return { record, others, total: others.length + (record.after.length > 0 ? 1 : 0) }
    })
}

/** The warning for a name with more members than one DNS answer carries, if it has. */
export function answerLimitWarning(row: MemberRow): string | undefined {
  if (row.total <= MULTIVALUE_ANSWERS) return undefined
  return `${row.record.name} ${row.record.type} has ${row.total} multivalue members: Route 53 answers each query with at most ${MULTIVALUE_ANSWERS} healthy ones, so each resolver sees only ${MULTIVALUE_ANSWERS}.`
}
