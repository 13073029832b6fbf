import { domainToASCII } from 'node:url'
import { InputError, shown } from './errors.js'

const LABEL = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/

/**
 * Normalise a hostname as written by a user: trim, lowercase, drop one trailing dot, punycode
 * internationalised labels. Returns the name without a trailing dot.
 */
export function normalizeName(raw: string): string {
  let name = raw.trim().toLowerCase()
  if (name.endsWith('.')) name = name.slice(0, -1)
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(name)) {
    const wildcard = name.startsWith('*.')
    const ascii = domainToASCII(wildcard ? name.slice(2) : name)
    // A '*' that IDNA made from a look-alike is left unconverted, for hostnameProblem to refuse.
    if (ascii && !ascii.includes('*')) name = wildcard ? `*.${ascii}` : ascii
  }
  return name
}

/** Why a normalised name is not a valid FQDN for an A/AAAA record, or undefined if it is. */
export function hostnameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty'
  if (name.length > 253) return `is ${name.length} characters long (at most 253)`
  const starLike = [...name].find((ch) => ch > '\x7f' && domainToASCII(`${ch}.x`).includes('*'))
  if (starLike) {
    const codePoint = `U+${starLike.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`
    return `${codePoint} in '${name}' becomes '*' under IDNA: a wildcard needs an ASCII '*'`
  }
  const labels = name.split('.')
  if (labels.length < 2) return `'${name}' is not a fully qualified domain name (it needs a dot)`
  for (const [i, label] of labels.entries()) {
    if (label.length === 0) return `'${name}' has an empty label`
    if (label.length > 63) return `'${name}' has a label longer than 63 characters`
    if (label === '*') {
      if (i !== 0) return `'${name}' has '*' that is not the whole leftmost label`
      continue
    }
    if (!LABEL.test(label)) {
      return `'${name}' has an invalid label '${label}' (letters, digits, '-' and '_' only; no leading or trailing '-')`
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return `'${name}' ends in a numeric label`
  return undefined
}

const ZONE_ID = /^(?:\/hostedzone\/)?(Z[A-Z0-9]{1,32})$/

/**
 * The bare id (`Z…`) of a hosted zone id a user wrote, bare or as `/hostedzone/Z…`.
 * Throws InputError('hosted-zone-id') when it is neither.
 */
export function parseZoneId(text: string): string {
  const m = ZONE_ID.exec(text.trim())
  if (!m?.[1]) {
    throw new InputError(
      'hosted-zone-id',
      `'${shown(text.trim())}' is not a hosted zone id (Z… in capitals and digits, or /hostedzone/Z…)`
    )
  }
  return m[1]
}

/** The bare id of a zone id Route 53 returned (`/hostedzone/Z…`). Never throws: messages use it. */
export function bareZoneId(id: string): string {
  return id.trim().replace(/^\/?hostedzone\//, '')
}

/**
 * The name as Route 53 lists it: lowercase, trailing dot, each character outside `a-z 0-9 - _ .`
 * as `\` + three octal digits per UTF-8 byte (`*` → `\052`); existing escapes are kept.
 */
export function listedName(name: string): string {
  let out = ''
  const lower = name.replace(/[A-Z]/g, (c) => c.toLowerCase())
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i] as string
    if (ch === '\\' && /^[0-7]{3}$/.test(lower.slice(i + 1, i + 4))) {
      out += lower.slice(i, i + 4)
      i += 3
    } else if (/[a-z0-9_.-]/.test(ch)) {
      out += ch
    } else {
      const cp = lower.codePointAt(i) ?? 0
      if (cp > 0xffff) i++ // one code point in two UTF-16 units
      for (const byte of Buffer.from(String.fromCodePoint(cp), 'utf8')) {
        out += '\\' + byte.toString(8).padStart(3, '0')
      }
    }
  }
  return out.endsWith('.') ? out : out + '.'
}

/** The name in the form users read: lowercase, no trailing dot, `\052` shown as `*`. */
export function displayName(name: string): string {
  const unescaped = name.replace(/\\([0-7]{3})/g, (_m, oct: string) =>
    String.fromCharCode(parseInt(oct, 8))
  )
  return normalizeName(unescaped)
}

/** Compare two names in Route 53's list order: labels reversed, each label in ASCII order. */
export function compareNames(a: string, b: string): number {
  const la = listedName(a).slice(0, -1).split('.').reverse()
  const lb = listedName(b).slice(0, -1).split('.').reverse()
  for (let i = 0; i < Math.min(la.length, lb.length); i++) {
    const x = la[i] as string
    const y = lb[i] as string
    if (x !== y) return x < y ? -1 : 1
  }
  return la.length - lb.length
}

/** Parent suffixes of a name, longest first, including the name itself. */
export function suffixes(name: string): string[] {
  const labels = normalizeName(name).split('.')
  const out: string[] = []
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'))
  out.push(labels[labels.length - 1] as string)
  return out.filter((s) => !s.startsWith('*'))
}
