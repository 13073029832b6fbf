// DNS name handling for the Route 53 stand-in: decoding of input names, AWS's output escaping and
// AWS's list ordering (labels reversed, ASCII order).

export interface DecodedName {
  /** Labels, lowercase, escapes decoded (`\052` -> `*`), without the root label. */
  labels: string[]
}

export type NameResult = { ok: true; labels: string[] } | { ok: false; problem: string }

/**
 * Decodes a name as given on input: case-insensitive, trailing dot optional, `\ddd` octal escapes
 * decoded. Returns the labels without checking which characters they contain.
 */
export function decodeName(input: string): NameResult {
  let s = input
  if (s.endsWith('.') && !s.endsWith('\\.')) s = s.slice(0, -1)
  if (s === '') return { ok: false, problem: 'empty name' }
  const labels: string[] = []
  let cur = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string
    if (ch === '\\') {
      const oct = s.slice(i + 1, i + 4)
      if (/^[0-7]{3}$/.test(oct)) {
        const code = parseInt(oct, 8)
        if (code > 255) return { ok: false, problem: `invalid escape \\${oct}` }
        cur += String.fromCharCode(code)
        i += 3
        continue
      }
      const next = s[i + 1]
      if (next === undefined) return { ok: false, problem: 'dangling escape' }
      cur += next
      i += 1
      continue
    }
    if (ch === '.') {
      labels.push(cur)
      cur = ''
      continue
    }
    cur += ch
  }
  labels.push(cur)
  return { ok: true, labels: labels.map((l) => l.toLowerCase()) }
}

/**
 * Validates labels as the stand-in accepts them for record names (at least as strict as Route 53):
 * labels 1..63 octets, name <= 253 characters without the final dot, characters a-z 0-9 - _ only,
 * `*` only as the whole leftmost label.
 */
export function nameProblem(labels: string[], display: string): string | undefined {
  for (const l of labels) {
    if (l.length === 0) {
      return `FATAL problem: DomainLabelEmpty (Domain label is empty) encountered with '${display}'`
    }
    if (l.length > 63) {
      return `FATAL problem: DomainLabelTooLong (Domain label is too long) encountered with '${display}'`
    }
  }
  const length = labels.reduce((n, l) => n + l.length, 0) + labels.length - 1
  if (length > 253) {
    return `FATAL problem: DomainNameTooLong (Domain name is too long) encountered with '${display}'`
  }
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as string
    if (l === '*' && i === 0) continue
    if (l.includes('*')) {
      return `FATAL problem: InvalidWildcard (A wildcard must be the whole leftmost label) encountered with '${display}'`
    }
    if (!/^[a-z0-9_-]+$/.test(l)) {
      return `FATAL problem: InvalidCharacter (Domain name contains a character that is not permitted) encountered with '${display}'`
    }
  }
  return undefined
}

/** Escapes one label as Route 53 returns it: characters other than a-z 0-9 - _ as `\` + 3 octal digits. */
export function escapeLabel(label: string): string {
  let out = ''
  for (const ch of label) {
    if (/^[a-z0-9_-]$/.test(ch)) out += ch
    else {
      const code = ch.charCodeAt(0)
      out += '\\' + (code & 0xff).toString(8).padStart(3, '0')
    }
  }
  return out
}

/** `www.example.com.` form: lowercase, escaped, trailing dot. */
export function canonicalName(labels: string[]): string {
  return labels.map(escapeLabel).join('.') + '.'
}

/** IAM condition-key form: lowercase, escaped, no trailing dot. */
export function conditionName(labels: string[]): string {
  return labels.map(escapeLabel).join('.')
}

/** Decodes a canonical name (as produced by canonicalName) back into labels. */
export function labelsOf(canonical: string): string[] {
  const r = decodeName(canonical)
  return r.ok ? r.labels : []
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Orders names as Route 53 lists them: labels reversed, compared label by label, ASCII order. */
export function compareNames(a: string[], b: string[]): number {
  const ra = [...a].reverse().map(escapeLabel)
  const rb = [...b].reverse().map(escapeLabel)
  const n = Math.min(ra.length, rb.length)
  for (let i = 0; i < n; i++) {
    const c = cmpStr(ra[i] as string, rb[i] as string)
    if (c !== 0) return c
  }
  return ra.length - rb.length
}

export function compareStrings(a: string, b: string): number {
  return cmpStr(a, b)
}

/** True when `labels` equals the zone or lies under it (whole labels). */
export function isInZone(labels: string[], zone: string[]): boolean {
  if (labels.length < zone.length) return false
  const off = labels.length - zone.length
  return zone.every((l, i) => labels[off + i] === l)
}
