import { LINES, cut, printable } from './text.js'

/** A short, printable rendering of user input or a command's output for error messages. */
export function shown(value: string): string {
  return cut(printable(value), 80)
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

/** The id AWS gave a request (from an SDK error or output), for support cases and CloudTrail. */
function requestIdOf(answer: unknown): string | undefined {
  return (answer as { $metadata?: { requestId?: string } })?.$metadata?.requestId || undefined
}

/** An UpdateError that keeps the SDK error (or answer) as its cause and names AWS's request id. */
export function awsFailure(message: string, cause: unknown): UpdateError {
  const id = requestIdOf(cause)
  const text = id
    ? `${message}${message.includes('\n') ? '\n' : ' '}(AWS request id ${id})`
    : message
  // AWS's message, or a proxy's answer in its place, reaches the log: no control sequences.
  return new UpdateError(printable(text, LINES), { cause })
}

/** A message without the AWS request id awsFailure adds (two failures alike but for the id). */
export function withoutRequestId(message: string): string {
  return message.replace(/\s*\(AWS request id [^)]*\)/g, '')
}
