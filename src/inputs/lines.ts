/**
 * The one reader of the line-based inputs (`host-map`, `ipv6-host-ids`): one `key = value` entry
 * a line, any line ending (LF, CRLF, CR), `#` comments and blank lines ignored, each key once.
 * The parsers word their own errors; the line numbers are the user's, counted from 1. Pure.
 */

/** One line that says something: its number, its text without comment and outer blanks. */
interface EntryLine {
  n: number
  line: string
  /** The text before the first '=', trimmed; undefined when the line has no '='. */
  key: string | undefined
  /** The text after the first '=' (untrimmed: it may hold more '='). */
  value: string
}

/** The lines of `text` that say something, in order. */
export function entryLines(text: string): EntryLine[] {
  const out: EntryLine[] = []
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim()
    if (line === '') return
    const eq = line.indexOf('=')
    out.push({
      n: i + 1,
      line,
      key: eq < 0 ? undefined : line.slice(0, eq).trim(),
      value: eq < 0 ? '' : line.slice(eq + 1)
    })
  })
  return out
}

/** Remembers the line each key was first given on: `repeated` says where, when it was. */
export class KeyLines {
  private readonly first = new Map<string, number>()

  /** The earlier line of `key`, or undefined (and `n` is remembered as its line). */
  repeated(key: string, n: number): number | undefined {
    const earlier = this.first.get(key)
    if (earlier === undefined) this.first.set(key, n)
    return earlier
  }
}
