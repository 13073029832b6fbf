// Route 53 state and operations for the stand-in: hosted zones, record sets, changes.
import { randomInt } from 'node:crypto'
import { isIPv6 } from 'node:net'
import type { AliasTarget, GeoLocation, ResourceRecordSet } from '@aws-sdk/client-route-53'
import { XMLParser } from 'fast-xml-parser'
import {
  canonicalName,
  compareNames,
  compareStrings,
  conditionName,
  decodeName,
  isInZone,
  labelsOf,
  nameProblem
} from './names.js'
import { ApiError, ROUTE53_NS, tag, wrap } from './xml.js'

export const RR_TYPES = [
  'SOA',
  'A',
  'TXT',
  'NS',
  'CNAME',
  'MX',
  'NAPTR',
  'PTR',
  'SRV',
  'SPF',
  'AAAA',
  'CAA',
  'DS',
  'TLSA',
  'SSHFP',
  'SVCB',
  'HTTPS'
] as const

const ACTIONS = ['CREATE', 'DELETE', 'UPSERT'] as const
const MAX_TTL = 2147483647

export interface Zone {
  id: string
  labels: string[]
  name: string
  private: boolean
  callerReference: string
  comment?: string
  records: Map<string, ResourceRecordSet>
  lastChangeAt?: number
}

interface ChangeEntry {
  id: string
  zoneId: string
  submittedAt: number
  comment?: string
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
export function randomId(prefix: string, length: number): string {
  let s = prefix
  for (let i = 0; i < length; i++) s += ALNUM[randomInt(ALNUM.length)]
  return s
}

export function recordKey(set: ResourceRecordSet): string {
  return `${set.Name ?? ''}|${set.Type ?? ''}|${set.SetIdentifier ?? ''}`
}

function describe(set: ResourceRecordSet): string {
  const sid = set.SetIdentifier !== undefined ? `, set-identifier='${set.SetIdentifier}'` : ''
  return `[name='${set.Name ?? ''}', type='${set.Type ?? ''}'${sid}]`
}

export function compareSets(a: ResourceRecordSet, b: ResourceRecordSet): number {
  return (
    compareNames(labelsOf(a.Name ?? ''), labelsOf(b.Name ?? '')) ||
    compareStrings(a.Type ?? '', b.Type ?? '') ||
    compareStrings(a.SetIdentifier ?? '', b.SetIdentifier ?? '')
  )
}

function routingKind(set: ResourceRecordSet): string | undefined {
  if (set.Weight !== undefined) return 'weighted'
  if (set.Region !== undefined) return 'latency'
  if (set.Failover !== undefined) return 'failover'
  if (set.GeoLocation !== undefined) return 'geolocation'
  if (set.MultiValueAnswer !== undefined) return 'multivalue'
  return undefined
}

/**
 * Route 53's refusal when a written set would share its name and type with another routing
 * policy (or a simple set with anything). Wording as AWS returns it; sources in the README.
 */
function mixingMessage(set: ResourceRecordSet, kind: string): string {
  const where = `RRSet with DNS name ${set.Name ?? ''}, type ${set.Type ?? ''}`
  if (kind === 'simple') {
    return `${where} cannot be created as other RRSets exist with the same name and type.`
  }
  const sid = `${where}, SetIdentifier ${set.SetIdentifier ?? ''}`
  if (kind === 'multivalue') {
    return `${sid} cannot be created because a non multivalue answer rrset exists with the same name and type.`
  }
  return `${sid} cannot be created as a non-${kind} set exists with the same name and type.`
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const CHAR_STRINGS = /^"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*$/

function valueProblem(type: string, value: string): string | undefined {
  const fatal = (code: string, text: string): string =>
    `Invalid Resource Record: 'FATAL problem: ${code} (${text}) encountered with '${value}''`
  if (value.length === 0) return fatal('EmptyValue', 'Value is empty')
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    return fatal('InvalidCharacter', 'Value contains control characters')
  }
  switch (type) {
    case 'A':
      return IPV4.test(value)
        ? undefined
        : fatal('ARRDATAIllegalIPv4Address', 'Value is not a valid IPv4 address')
    case 'AAAA':
      return isIPv6(value) && !value.includes('%')
        ? undefined
        : fatal('AAAARRDATAIllegalIPv6Address', 'Value is not a valid IPv6 address')
    case 'TXT':
    case 'SPF': {
      if (!CHAR_STRINGS.test(value)) {
        return fatal('InvalidCharacterString', 'Value should be enclosed in quotation marks')
      }
      const parts = value.match(/"(?:[^"\\]|\\.)*"/g) ?? []
      if (parts.some((p) => p.length - 2 > 255)) {
        return fatal('CharacterStringTooLong', 'Value is too long')
      }
      return undefined
    }
    case 'CNAME':
    case 'NS':
    case 'PTR': {
      const d = decodeName(value)
      if (!d.ok || /\s/.test(value) || d.labels.some((l) => l.length === 0 || l.length > 63)) {
        return fatal('DomainLabelEmpty', 'Domain name is not valid')
      }
      return undefined
    }
    case 'MX': {
      const m = /^(\d{1,5}) (\S+)$/.exec(value)
      if (!m || Number(m[1]) > 65535) return fatal('BadMXRecord', 'MX record is not valid')
      return undefined
    }
    case 'SRV': {
      const m = /^(\d{1,5}) (\d{1,5}) (\d{1,5}) (\S+)$/.exec(value)
      if (!m || [m[1], m[2], m[3]].some((n) => Number(n) > 65535)) {
        return fatal('BadSRVRecord', 'SRV record is not valid')
      }
      return undefined
    }
    case 'CAA':
      return /^\d{1,3} [a-zA-Z0-9]+ "(?:[^"\\]|\\.)*"$/.test(value)
        ? undefined
        : fatal('BadCAARecord', 'CAA record is not valid')
    default:
      return undefined
  }
}

function sameValues(a: ResourceRecordSet, b: ResourceRecordSet): boolean {
  const av = (a.ResourceRecords ?? []).map((r) => r.Value ?? '').sort()
  const bv = (b.ResourceRecords ?? []).map((r) => r.Value ?? '').sort()
  return av.length === bv.length && av.every((v, i) => v === bv[i])
}

function sameAlias(a?: AliasTarget, b?: AliasTarget): boolean {
  if (!a || !b) return a === b
  return (
    a.HostedZoneId === b.HostedZoneId &&
    a.DNSName === b.DNSName &&
    a.EvaluateTargetHealth === b.EvaluateTargetHealth
  )
}

function sameGeo(a?: GeoLocation, b?: GeoLocation): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** DELETE must give exactly the current set: TTL, values (order-insensitive), alias, routing. */
export function setsMatch(given: ResourceRecordSet, current: ResourceRecordSet): boolean {
  return (
    given.TTL === current.TTL &&
    sameValues(given, current) &&
    sameAlias(given.AliasTarget, current.AliasTarget) &&
    given.Weight === current.Weight &&
    given.Region === current.Region &&
    given.Failover === current.Failover &&
    given.MultiValueAnswer === current.MultiValueAnswer &&
    sameGeo(given.GeoLocation, current.GeoLocation) &&
    given.HealthCheckId === current.HealthCheckId
  )
}

// ---------------------------------------------------------------------------------------------
// XML output

export function rrsetXml(set: ResourceRecordSet): string {
  let inner =
    tag('Name', set.Name) + tag('Type', set.Type) + tag('SetIdentifier', set.SetIdentifier)
  inner += tag('Weight', set.Weight) + tag('Region', set.Region)
  if (set.GeoLocation) {
    const g = set.GeoLocation
    inner += wrap(
      'GeoLocation',
      tag('ContinentCode', g.ContinentCode) +
        tag('CountryCode', g.CountryCode) +
        tag('SubdivisionCode', g.SubdivisionCode)
    )
  }
  inner += tag('Failover', set.Failover) + tag('MultiValueAnswer', set.MultiValueAnswer)
  inner += tag('TTL', set.TTL)
  if (set.ResourceRecords) {
    inner += wrap(
      'ResourceRecords',
      set.ResourceRecords.map((r) => wrap('ResourceRecord', tag('Value', r.Value))).join('')
    )
  }
  if (set.AliasTarget) {
    const a = set.AliasTarget
    inner += wrap(
      'AliasTarget',
      tag('HostedZoneId', a.HostedZoneId) +
        tag('DNSName', a.DNSName) +
        tag('EvaluateTargetHealth', a.EvaluateTargetHealth)
    )
  }
  inner += tag('HealthCheckId', set.HealthCheckId)
  return wrap('ResourceRecordSet', inner)
}

function changeInfoXml(c: ChangeEntry, status: string): string {
  return wrap(
    'ChangeInfo',
    tag('Id', `/change/${c.id}`) +
      tag('Status', status) +
      tag('SubmittedAt', new Date(c.submittedAt).toISOString()) +
      tag('Comment', c.comment)
  )
}

function doc(root: string, inner: string): string {
  return `<?xml version="1.0"?>\n<${root} xmlns="${ROUTE53_NS}">${inner}</${root}>`
}

// ---------------------------------------------------------------------------------------------
// Request parsing

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  removeNSPrefix: true,
  isArray: (name) => name === 'Change' || name === 'ResourceRecord'
})

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined

function invalidInput(message: string): ApiError {
  return new ApiError(400, 'InvalidInput', message)
}

export interface ParsedChange {
  action: string
  set: ResourceRecordSet
  labels: string[]
  /** Problem with the name, reported as InvalidChangeBatch. */
  nameProblem?: string
  rawName: string
}

export interface ParsedBatch {
  comment?: string
  changes: ParsedChange[]
}

function parseInt32(v: string | undefined, field: string, min: number, max: number): number {
  if (v === undefined || !/^-?\d+$/.test(v.trim())) {
    throw invalidInput(
      `Invalid XML ; value '${v ?? ''}' of element '${field}' is not a valid integer`
    )
  }
  const n = Number(v.trim())
  if (n < min || n > max) {
    throw invalidInput(
      `1 validation error detected: Value '${n}' at '${field}' failed to satisfy constraint: Member must have value between ${min} and ${max}`
    )
  }
  return n
}

function parseBool(v: string | undefined, field: string): boolean {
  if (v === 'true') return true
  if (v === 'false') return false
  throw invalidInput(
    `Invalid XML ; value '${v ?? ''}' of element '${field}' is not a valid boolean`
  )
}

/** Parses and schema-checks a ChangeResourceRecordSets body; throws InvalidInput like AWS. */
export function parseChangeBatch(body: string): ParsedBatch {
  let parsed: unknown
  try {
    parsed = parser.parse(body, true)
  } catch {
    throw invalidInput('Invalid XML ; could not parse the request body')
  }
  const root = isObj(parsed) ? parsed['ChangeResourceRecordSetsRequest'] : undefined
  if (!isObj(root)) {
    throw new ApiError(
      400,
      'MalformedInput',
      'ChangeBatch is not valid, expected ChangeResourceRecordSetsRequest'
    )
  }
  const batch = root['ChangeBatch']
  if (!isObj(batch)) throw invalidInput("Invalid XML ; element 'ChangeBatch' is missing")
  const comment = str(batch['Comment'])
  if (comment !== undefined && comment.length > 256) {
    throw invalidInput(
      '1 validation error detected: Comment must have length less than or equal to 256'
    )
  }
  const changesEl = batch['Changes']
  const list = isObj(changesEl) ? changesEl['Change'] : undefined
  if (!Array.isArray(list) || list.length === 0) {
    throw invalidInput(
      "Invalid XML ; cvc-complex-type.2.4.b: The content of element 'Changes' is not complete. One of '{\"https://route53.amazonaws.com/doc/2013-04-01/\":Change}' is expected."
    )
  }
  const changes: ParsedChange[] = []
  for (const raw of list) {
    if (!isObj(raw)) throw invalidInput("Invalid XML ; element 'Change' is not valid")
    const action = str(raw['Action'])
    if (action === undefined || !(ACTIONS as readonly string[]).includes(action)) {
      throw invalidInput(
        `Invalid XML ; cvc-enumeration-valid: Value '${action ?? ''}' is not facet-valid with respect to enumeration '[CREATE, DELETE, UPSERT]'.`
      )
    }
    const r = raw['ResourceRecordSet']
    if (!isObj(r)) throw invalidInput("Invalid XML ; element 'ResourceRecordSet' is missing")
    const rawName = str(r['Name'])
    const type = str(r['Type'])
    if (rawName === undefined || rawName.length === 0) {
      throw invalidInput("Invalid XML ; element 'Name' is missing")
    }
    if (rawName.length > 1024) {
      throw invalidInput(
        '1 validation error detected: Name must have length less than or equal to 1024'
      )
    }
    if (type === undefined || !(RR_TYPES as readonly string[]).includes(type)) {
      throw invalidInput(
        `Invalid XML ; cvc-enumeration-valid: Value '${type ?? ''}' is not facet-valid with respect to enumeration '[${RR_TYPES.join(', ')}]'.`
      )
    }
    const set: ResourceRecordSet = { Name: rawName, Type: type as ResourceRecordSet['Type'] }
    const d = decodeName(rawName)
    let labels: string[] = []
    let problem: string | undefined
    if (!d.ok)
      problem = `FATAL problem: DomainNameInvalid (${d.problem}) encountered with '${rawName}'`
    else {
      labels = d.labels
      problem = nameProblem(labels, rawName)
      set.Name = canonicalName(labels)
    }
    const sid = str(r['SetIdentifier'])
    if (sid !== undefined) {
      if (sid.length < 1 || sid.length > 128) {
        throw invalidInput(
          '1 validation error detected: SetIdentifier must have length between 1 and 128'
        )
      }
      set.SetIdentifier = sid
    }
    if (r['Weight'] !== undefined) set.Weight = parseInt32(str(r['Weight']), 'weight', 0, 255)
    if (r['Region'] !== undefined) set.Region = str(r['Region']) as ResourceRecordSet['Region']
    if (r['Failover'] !== undefined) {
      const f = str(r['Failover'])
      if (f !== 'PRIMARY' && f !== 'SECONDARY') {
        throw invalidInput(`Invalid XML ; value '${f ?? ''}' of element 'Failover' is not valid`)
      }
      set.Failover = f
    }
    if (r['MultiValueAnswer'] !== undefined) {
      set.MultiValueAnswer = parseBool(str(r['MultiValueAnswer']), 'MultiValueAnswer')
    }
    const geo = r['GeoLocation']
    if (geo !== undefined) {
      if (!isObj(geo)) throw invalidInput("Invalid XML ; element 'GeoLocation' is not valid")
      set.GeoLocation = {
        ...(str(geo['ContinentCode']) !== undefined
          ? { ContinentCode: str(geo['ContinentCode']) }
          : {}),
        ...(str(geo['CountryCode']) !== undefined ? { CountryCode: str(geo['CountryCode']) } : {}),
        ...(str(geo['SubdivisionCode']) !== undefined
          ? { SubdivisionCode: str(geo['SubdivisionCode']) }
          : {})
      }
    }
    for (const unsupported of [
      'CidrRoutingConfig',
      'GeoProximityLocation',
      'TrafficPolicyInstanceId'
    ]) {
      if (r[unsupported] !== undefined) {
        throw invalidInput(`The stand-in does not support ${unsupported}`)
      }
    }
    if (r['HealthCheckId'] !== undefined) {
      const hc = str(r['HealthCheckId']) ?? ''
      if (hc.length > 64) {
        throw invalidInput(
          '1 validation error detected: HealthCheckId must have length less than or equal to 64'
        )
      }
      set.HealthCheckId = hc
    }
    if (r['TTL'] !== undefined) set.TTL = parseInt32(str(r['TTL']), 'TTL', 0, MAX_TTL)
    const rrs = r['ResourceRecords']
    if (rrs !== undefined) {
      const items = isObj(rrs) ? rrs['ResourceRecord'] : undefined
      if (!Array.isArray(items) || items.length === 0) {
        throw invalidInput(
          "Invalid XML ; cvc-complex-type.2.4.b: The content of element 'ResourceRecords' is not complete."
        )
      }
      set.ResourceRecords = items.map((it) => {
        const v = isObj(it) ? str(it['Value']) : undefined
        if (v === undefined) throw invalidInput("Invalid XML ; element 'Value' is missing")
        if (v.length > 4000) {
          throw invalidInput(
            '1 validation error detected: Value must have length less than or equal to 4000'
          )
        }
        return { Value: v }
      })
    }
    const at = r['AliasTarget']
    if (at !== undefined) {
      if (!isObj(at)) throw invalidInput("Invalid XML ; element 'AliasTarget' is not valid")
      const hz = str(at['HostedZoneId'])
      const dns = str(at['DNSName'])
      const eth = str(at['EvaluateTargetHealth'])
      if (hz === undefined || dns === undefined || eth === undefined) {
        throw invalidInput(
          "Invalid XML ; element 'AliasTarget' must contain HostedZoneId, DNSName and EvaluateTargetHealth"
        )
      }
      const dd = decodeName(dns)
      set.AliasTarget = {
        HostedZoneId: hz,
        DNSName: dd.ok ? canonicalName(dd.labels) : dns,
        EvaluateTargetHealth: parseBool(eth, 'EvaluateTargetHealth')
      }
    }
    const desc = `[Action=${action}, Name=${set.Name ?? rawName}, Type=${type}, SetIdentifier=${sid ?? 'null'}]`
    const hasAlias = set.AliasTarget !== undefined
    const hasPlain = set.TTL !== undefined || set.ResourceRecords !== undefined
    if (
      hasAlias === hasPlain ||
      (!hasAlias && (set.TTL === undefined || set.ResourceRecords === undefined))
    ) {
      throw invalidInput(
        `Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found ${hasAlias && hasPlain ? 'more than one' : 'none'} in Change with ${desc}`
      )
    }
    const kinds = [
      set.Weight,
      set.Region,
      set.Failover,
      set.GeoLocation,
      set.MultiValueAnswer
    ].filter((v) => v !== undefined).length
    if (kinds > 1) {
      throw invalidInput(
        `Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, MultiValueAnswer, GeoProximityLocation, or CidrRoutingConfig], but found more than one in Change with ${desc}`
      )
    }
    if (sid !== undefined && kinds === 0) {
      throw invalidInput(
        `Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, MultiValueAnswer, GeoProximityLocation, or CidrRoutingConfig], but found none in Change with ${desc}`
      )
    }
    if (sid === undefined && kinds > 0) {
      throw invalidInput(`Invalid request: Missing field 'SetIdentifier' in Change with ${desc}`)
    }
    // Multivalue answer records: any type but NS and CNAME, never alias (Developer Guide).
    if (set.MultiValueAnswer !== undefined && (hasAlias || type === 'NS' || type === 'CNAME')) {
      throw invalidInput(
        `Invalid request: a multivalue answer record cannot be ${hasAlias ? 'an alias record' : `of type ${type}`} in Change with ${desc}`
      )
    }
    changes.push({ action, set, labels, rawName, ...(problem ? { nameProblem: problem } : {}) })
  }
  return { ...(comment !== undefined ? { comment } : {}), changes }
}

/** IAM condition-key values for ChangeResourceRecordSets (deduplicated). */
export function conditionContext(batch: ParsedBatch): Record<string, string[]> {
  const names = new Set<string>()
  const types = new Set<string>()
  const actions = new Set<string>()
  for (const c of batch.changes) {
    const d = decodeName(c.rawName)
    names.add(d.ok ? conditionName(d.labels) : c.rawName.toLowerCase())
    types.add(c.set.Type ?? '')
    actions.add(c.action)
  }
  return {
    'route53:ChangeResourceRecordSetsNormalizedRecordNames': [...names],
    'route53:ChangeResourceRecordSetsRecordTypes': [...types],
    'route53:ChangeResourceRecordSetsActions': [...actions]
  }
}

// ---------------------------------------------------------------------------------------------
// The model

export class Route53Model {
  readonly zones = new Map<string, Zone>()
  /** Health check ids that exist; a record naming another fails with NoSuchHealthCheck. */
  readonly healthChecks = new Set<string>()
  private readonly changes = new Map<string, ChangeEntry>()

  constructor(
    private readonly now: () => number,
    private readonly changeSyncMs: () => number
  ) {}

  addZone(z: { name: string; private?: boolean; id?: string }): string {
    const d = decodeName(z.name)
    if (!d.ok) throw new Error(`invalid zone name ${z.name}: ${d.problem}`)
    const problem = nameProblem(d.labels, z.name)
    if (problem) throw new Error(`invalid zone name ${z.name}: ${problem}`)
    const id = z.id ?? randomId('Z', 20)
    if (!/^Z[A-Z0-9]{12,31}$/.test(id))
      throw new Error(`zone id ${id} does not look like a Route 53 id`)
    if (this.zones.has(id)) throw new Error(`zone id ${id} already exists`)
    const name = canonicalName(d.labels)
    const zone: Zone = {
      id,
      labels: d.labels,
      name,
      private: z.private ?? false,
      callerReference: randomId('standin-', 12).toLowerCase(),
      records: new Map()
    }
    const n = randomInt(2048)
    const ns = [
      `ns-${n}.awsdns-${String(n % 64).padStart(2, '0')}.com.`,
      `ns-${(n + 512) % 2048}.awsdns-${String((n + 1) % 64).padStart(2, '0')}.net.`,
      `ns-${(n + 1024) % 2048}.awsdns-${String((n + 2) % 64).padStart(2, '0')}.org.`,
      `ns-${(n + 1536) % 2048}.awsdns-${String((n + 3) % 64).padStart(2, '0')}.co.uk.`
    ]
    const soa: ResourceRecordSet = {
      Name: name,
      Type: 'SOA',
      TTL: 900,
      ResourceRecords: [
        { Value: `${ns[0]} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400` }
      ]
    }
    const nsSet: ResourceRecordSet = {
      Name: name,
      Type: 'NS',
      TTL: 172800,
      ResourceRecords: ns.map((v) => ({ Value: v }))
    }
    zone.records.set(recordKey(soa), soa)
    zone.records.set(recordKey(nsSet), nsSet)
    this.zones.set(id, zone)
    return id
  }

  nameServers(zone: Zone): string[] {
    const ns = zone.records.get(`${zone.name}|NS|`)
    return (ns?.ResourceRecords ?? []).map((r) => r.Value ?? '')
  }

  seed(zoneId: string, rrset: ResourceRecordSet): void {
    const zone = this.zones.get(bareId(zoneId, 'hostedzone'))
    if (!zone) throw new Error(`no zone ${zoneId}`)
    const d = decodeName(rrset.Name ?? '')
    if (!d.ok) throw new Error(`invalid name ${rrset.Name}`)
    if (!isInZone(d.labels, zone.labels))
      throw new Error(`${rrset.Name} is not in zone ${zone.name}`)
    const set: ResourceRecordSet = structuredClone(rrset)
    set.Name = canonicalName(d.labels)
    if (set.AliasTarget) {
      const a = decodeName(set.AliasTarget.DNSName ?? '')
      if (a.ok) set.AliasTarget.DNSName = canonicalName(a.labels)
      set.AliasTarget.HostedZoneId = bareId(set.AliasTarget.HostedZoneId ?? '', 'hostedzone')
    }
    zone.records.set(recordKey(set), set)
  }

  sortedRecords(zone: Zone): ResourceRecordSet[] {
    return [...zone.records.values()].sort(compareSets)
  }

  /** Looks a zone up by id, as the API does: malformed → InvalidInput, unknown → NoSuchHostedZone. */
  zone(rawId: string): Zone {
    const id = bareId(rawId, 'hostedzone')
    if (id.length > 32) {
      throw invalidInput(
        `1 validation error detected: Value '${id}' at 'hostedZoneId' failed to satisfy constraint: Member must have length less than or equal to 32`
      )
    }
    if (!/^[A-Z0-9]+$/.test(id)) throw invalidInput(`Invalid hosted zone id: ${id}`)
    const zone = this.zones.get(id)
    if (!zone) throw new ApiError(404, 'NoSuchHostedZone', `No hosted zone found with ID: ${id}`)
    return zone
  }

  // --- operations -------------------------------------------------------------------------

  listResourceRecordSets(zone: Zone, q: URLSearchParams): string {
    const name = q.get('name')
    const type = q.get('type')
    const identifier = q.get('identifier')
    const maxRaw = q.get('maxitems')
    if (type !== null && name === null) {
      throw invalidInput('The input is not valid: StartRecordType requires StartRecordName')
    }
    if (identifier !== null && type === null) {
      throw invalidInput('The input is not valid: StartRecordIdentifier requires StartRecordType')
    }
    if (type !== null && !(RR_TYPES as readonly string[]).includes(type)) {
      throw invalidInput(`Invalid type: ${type}`)
    }
    let max = 300
    if (maxRaw !== null) {
      if (!/^\d+$/.test(maxRaw) || Number(maxRaw) < 1)
        throw invalidInput(`Invalid maxitems: ${maxRaw}`)
      max = Math.min(Number(maxRaw), 300)
    }
    let startLabels: string[] | undefined
    if (name !== null) {
      const d = decodeName(name)
      if (!d.ok || d.labels.some((l) => l.length === 0 || l.length > 63)) {
        throw invalidInput(`Invalid name: ${name}`)
      }
      startLabels = d.labels
    }
    const all = this.sortedRecords(zone)
    let start = 0
    if (startLabels) {
      const sl = startLabels
      start = all.findIndex((s) => {
        const c = compareNames(labelsOf(s.Name ?? ''), sl)
        if (c !== 0) return c > 0
        if (type === null) return true
        const t = compareStrings(s.Type ?? '', type)
        if (t !== 0) return t > 0
        if (identifier === null) return true
        return compareStrings(s.SetIdentifier ?? '', identifier) >= 0
      })
      if (start < 0) start = all.length
    }
    const page = all.slice(start, start + max)
    const next = all[start + max]
    let inner = wrap('ResourceRecordSets', page.map(rrsetXml).join(''))
    inner += tag('IsTruncated', next !== undefined)
    if (next) {
      inner += tag('NextRecordName', next.Name) + tag('NextRecordType', next.Type)
      inner += tag('NextRecordIdentifier', next.SetIdentifier)
    }
    inner += tag('MaxItems', maxRaw ?? '300')
    return doc('ListResourceRecordSetsResponse', inner)
  }

  listHostedZonesByName(q: URLSearchParams): string {
    const dnsname = q.get('dnsname')
    const hzid = q.get('hostedzoneid')
    const maxRaw = q.get('maxitems')
    if (hzid !== null && dnsname === null) {
      throw invalidInput('The input is not valid: hostedzoneid requires dnsname')
    }
    let max = 100
    if (maxRaw !== null) {
      if (!/^\d+$/.test(maxRaw) || Number(maxRaw) < 1)
        throw invalidInput(`Invalid maxitems: ${maxRaw}`)
      max = Math.min(Number(maxRaw), 100)
    }
    const all = [...this.zones.values()].sort(
      (a, b) => compareNames(a.labels, b.labels) || compareStrings(a.id, b.id)
    )
    let start = 0
    if (dnsname !== null) {
      const d = decodeName(dnsname)
      if (!d.ok || d.labels.some((l) => l.length === 0 || l.length > 63)) {
        throw new ApiError(400, 'InvalidDomainName', `The domain name is invalid: ${dnsname}`)
      }
      const bareHz = hzid !== null ? bareId(hzid, 'hostedzone') : null
      start = all.findIndex((z) => {
        const c = compareNames(z.labels, d.labels)
        if (c !== 0) return c > 0
        return bareHz === null || compareStrings(z.id, bareHz) >= 0
      })
      if (start < 0) start = all.length
    }
    const page = all.slice(start, start + max)
    const next = all[start + max]
    let inner = wrap('HostedZones', page.map((z) => this.zoneXml(z)).join(''))
    if (dnsname !== null) inner += tag('DNSName', dnsname)
    if (hzid !== null) inner += tag('HostedZoneId', hzid)
    inner += tag('IsTruncated', next !== undefined)
    if (next) inner += tag('NextDNSName', next.name) + tag('NextHostedZoneId', next.id)
    inner += tag('MaxItems', maxRaw ?? '100')
    return doc('ListHostedZonesByNameResponse', inner)
  }

  getHostedZone(zone: Zone): string {
    let inner = this.zoneXml(zone)
    if (!zone.private) {
      inner += wrap(
        'DelegationSet',
        wrap(
          'NameServers',
          this.nameServers(zone)
            .map((n) => tag('NameServer', n.replace(/\.$/, '')))
            .join('')
        )
      )
    }
    return doc('GetHostedZoneResponse', inner)
  }

  private zoneXml(z: Zone): string {
    return wrap(
      'HostedZone',
      tag('Id', `/hostedzone/${z.id}`) +
        tag('Name', z.name) +
        tag('CallerReference', z.callerReference) +
        wrap('Config', tag('Comment', z.comment) + tag('PrivateZone', z.private)) +
        tag('ResourceRecordSetCount', z.records.size)
    )
  }

  getChange(rawId: string): string {
    const id = bareId(rawId, 'change')
    if (id.length > 32 || !/^[A-Z0-9]+$/.test(id)) throw invalidInput(`Invalid change id: ${id}`)
    const c = this.changes.get(id)
    if (!c) {
      throw new ApiError(
        404,
        'NoSuchChange',
        `A change with the specified change ID does not exist: ${id}`
      )
    }
    const status = this.now() - c.submittedAt >= this.changeSyncMs() ? 'INSYNC' : 'PENDING'
    return doc('GetChangeResponse', changeInfoXml(c, status))
  }

  /** Validates the whole batch, then applies all or nothing. */
  changeResourceRecordSets(zone: Zone, batch: ParsedBatch): string {
    for (const c of batch.changes) {
      const hc = c.set.HealthCheckId
      if (c.action !== 'DELETE' && hc !== undefined && !this.healthChecks.has(hc)) {
        throw new ApiError(
          404,
          'NoSuchHealthCheck',
          `No health check exists with the specified ID: ${hc}`
        )
      }
    }
    const messages: string[] = []
    // Per-request quotas (UPSERT counts twice).
    let recordCount = 0
    let valueChars = 0
    for (const c of batch.changes) {
      const factor = c.action === 'UPSERT' ? 2 : 1
      for (const r of c.set.ResourceRecords ?? []) {
        recordCount += factor
        valueChars += factor * (r.Value ?? '').length
      }
    }
    if (recordCount > 1000) messages.push('Number of records limit of 1000 exceeded.')
    if (valueChars > 32000) messages.push('Value characters limit of 32000 exceeded.')

    // Same name+type(+SetIdentifier) more than once: only DELETE followed by CREATE is allowed.
    const sequences = new Map<string, string[]>()
    for (const c of batch.changes) {
      const k = recordKey(c.set)
      sequences.set(k, [...(sequences.get(k) ?? []), c.action])
    }
    const badKeys = new Set<string>()
    for (const [k, seq] of sequences) {
      if (seq.length > 1 && !(seq.length === 2 && seq[0] === 'DELETE' && seq[1] === 'CREATE')) {
        badKeys.add(k)
        const [name, type] = k.split('|')
        messages.push(
          `The request contains an invalid set of changes for a resource record set '${type ?? ''} ${name ?? ''}'`
        )
      }
    }

    const state = new Map(zone.records)
    const touched = new Set<string>()
    for (const c of batch.changes) {
      const set = c.set
      if (c.nameProblem) {
        messages.push(c.nameProblem)
        continue
      }
      if (!isInZone(c.labels, zone.labels)) {
        messages.push(`RRSet with DNS name ${set.Name ?? ''} is not permitted in zone ${zone.name}`)
        continue
      }
      const vals = set.ResourceRecords ?? []
      if (vals.length > 400) {
        messages.push(
          `RRSet with DNS name ${set.Name ?? ''}, type ${set.Type ?? ''} contains more than 400 resource records`
        )
      }
      if (c.action !== 'DELETE') {
        for (const v of vals) {
          const p = valueProblem(set.Type ?? '', v.Value ?? '')
          if (p) messages.push(p)
        }
        const apex = c.labels.length === zone.labels.length
        if (set.Type === 'CNAME' && apex) {
          messages.push(
            `RRSet of type CNAME with DNS name ${set.Name ?? ''} is not permitted at apex in zone ${zone.name}`
          )
        }
        if (set.Type === 'CNAME' && vals.length > 1) {
          messages.push(
            `RRSet of type CNAME with DNS name ${set.Name ?? ''} has more than one resource record; a CNAME can have only one value`
          )
        }
        if (set.Type === 'SOA' && !apex) {
          messages.push(
            `RRSet of type SOA with DNS name ${set.Name ?? ''} is not permitted outside the apex`
          )
        }
        if (set.Type === 'SOA' && vals.length !== 1) {
          messages.push('A HostedZone must contain exactly one SOA record.')
        }
        if (set.AliasTarget) {
          if ((set.Type === 'NS' || set.Type === 'SOA') && apex) {
            messages.push(`Alias RRSet of type ${set.Type} is not permitted at the apex`)
          }
          const targetZone = this.zones.get(
            bareId(set.AliasTarget.HostedZoneId ?? '', 'hostedzone')
          )
          if (targetZone) {
            const tl = labelsOf(set.AliasTarget.DNSName ?? '')
            const where = `Tried to create an alias that targets ${set.AliasTarget.DNSName ?? ''}, type ${set.Type ?? ''} in zone ${targetZone.id}`
            if (!isInZone(tl, targetZone.labels)) {
              messages.push(
                `${where}, but the alias target name does not lie within the target zone`
              )
            } else {
              const pool =
                targetZone === zone ? [...state.values()] : [...targetZone.records.values()]
              const found = pool.some(
                (s) => s.Name === canonicalName(tl) && (s.Type === set.Type || s.Type === 'CNAME')
              )
              if (!found) messages.push(`${where}, but that target was not found`)
            }
          }
        }
      }
      const k = recordKey(set)
      if (badKeys.has(k)) continue
      touched.add(set.Name ?? '')
      const current = state.get(k)
      if (c.action === 'CREATE') {
        if (current)
          messages.push(
            `Tried to create resource record set ${describe(set)} but it already exists`
          )
        else state.set(k, set)
      } else if (c.action === 'DELETE') {
        if (!current)
          messages.push(`Tried to delete resource record set ${describe(set)} but it was not found`)
        else if (!setsMatch(set, current)) {
          messages.push(
            `Tried to delete resource record set ${describe(set)} but the values provided do not match the current values`
          )
        } else state.delete(k)
      } else {
        state.set(k, set)
      }
    }

    // Whole-state rules for every name the batch touched.
    for (const name of touched) {
      const here = [...state.values()].filter((s) => s.Name === name)
      if (here.some((s) => s.Type === 'CNAME') && here.some((s) => s.Type !== 'CNAME')) {
        messages.push(
          `RRSet of type CNAME with DNS name ${name} is not permitted as it conflicts with other records with the same DNS name in zone ${zone.name}`
        )
      }
      const byType = new Map<string, ResourceRecordSet[]>()
      for (const s of here) byType.set(s.Type ?? '', [...(byType.get(s.Type ?? '') ?? []), s])
      for (const [type, sets] of byType) {
        const kinds = new Set(sets.map((s) => routingKind(s) ?? 'simple'))
        if (kinds.size === 1 && !(kinds.has('simple') && sets.length > 1)) continue
        // Name each set this batch wrote that now shares its name and type with another policy.
        const written = batch.changes
          .filter((c) => c.action !== 'DELETE' && c.set.Name === name && c.set.Type === type)
          .map((c) => c.set)
        for (const set of written) {
          const kind = routingKind(set) ?? 'simple'
          const mixed =
            kind === 'simple'
              ? sets.length > 1
              : sets.some((s) => (routingKind(s) ?? 'simple') !== kind)
          if (mixed) messages.push(mixingMessage(set, kind))
        }
        if (written.length === 0) {
          messages.push(
            `RRSet with DNS name ${name}, type ${type} cannot be created as other RRSets exist with the same name and type.`
          )
        }
      }
      if (name === zone.name) {
        if (!here.some((s) => s.Type === 'SOA')) {
          messages.push('A HostedZone must contain exactly one SOA record.')
        }
        if (!here.some((s) => s.Type === 'NS')) {
          messages.push('A HostedZone must contain at least one NS record for the zone itself.')
        }
      }
    }

    if (messages.length > 0) {
      throw new ApiError(400, 'InvalidChangeBatch', `[${[...new Set(messages)].join(', ')}]`)
    }
    zone.records = state
    const entry: ChangeEntry = {
      id: randomId('C', 20),
      zoneId: zone.id,
      submittedAt: this.now(),
      ...(batch.comment !== undefined ? { comment: batch.comment } : {})
    }
    this.changes.set(entry.id, entry)
    zone.lastChangeAt = entry.submittedAt
    return doc('ChangeResourceRecordSetsResponse', changeInfoXml(entry, 'PENDING'))
  }
}

export function bareId(id: string, kind: 'hostedzone' | 'change'): string {
  const p = `/${kind}/`
  return id.startsWith(p) ? id.slice(p.length) : id
}
