/** A short, printable rendering of user input for error messages (no control characters). */
export function shown(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?')
  return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable
}

/** Bad input: names the input and what is wrong. Raised before any AWS call. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    readonly problem: string
  ) {
    super(`Input '${input}': ${problem}`)
  }
}

/** A failure in user terms (zone, record, permission), not a raw SDK dump. */
export class UpdateError extends Error {
  override name = 'UpdateError'
}
