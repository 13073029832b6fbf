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
