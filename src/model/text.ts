/**
 * Text from outside the program (remote answers, AWS and GitHub messages, a command's stderr, the
 * values of inputs) made safe to print: the one escaping every log line uses. Pure.
 */

/**
 * Controls (C0, DEL, C1: terminal escape sequences start with ESC or CSI), format characters
 * (bidi overrides, zero-width), line and paragraph separators, lone surrogates.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`
}

/**
 * `text` with every control and invisible character written as an escape (`\x1b`, `\u{202e}`),
 * so nothing it holds can move the cursor, clear or retitle a terminal, or reorder what is shown.
 * `keep` lists the characters its sink handles itself (line feeds and tabs, for text it splits
 * into lines; the runner's workflow commands also encode carriage returns).
 */
export function printable(text: string, keep = ''): string {
  return text.replace(UNSAFE, (ch) => (keep.includes(ch) ? ch : escapeChar(ch)))
}

/** What a sink that splits text into lines keeps: line feeds and tabs. */
export const LINES = '\n\t'

/** At most `max` characters, with `…` where it was cut. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text
}

/**
 * A remote text as one short printable line: masked first (`mask` removes the secrets), then
 * white space runs made one space, escaped, and cut to `max` characters. Masking before the cut
 * keeps a secret split by the cut from showing its first part.
 */
export function excerpt(text: string, max: number, mask: (text: string) => string): string {
  return cut(printable(mask(text).replace(/\s+/g, ' ').trim()), max)
}

/** What a masked secret is shown as. */
export const MASK = '***'

/** `text` with every occurrence of each value (longest first, so a longer one is masked whole) as `***`. */
export function maskValues(text: string, values: Iterable<string>): string {
  let out = text
  for (const value of [...values].filter((v) => v !== '').sort((a, b) => b.length - a.length)) {
    if (out.includes(value)) out = out.split(value).join(MASK)
  }
  return out
}
