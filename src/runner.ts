// The runner interface the action uses, from @actions/core's own command, file-command and summary
// modules. The package entry also loads its OIDC client (undici, @actions/exec), which measured
// about 45 ms of a 176 ms no-op run; it is loaded only when a run signs in by OIDC.
import { EOL } from 'node:os'
import { issueCommand } from '../node_modules/@actions/core/lib/command.js'
import {
  issueFileCommand,
  prepareKeyValueMessage
} from '../node_modules/@actions/core/lib/file-command.js'
import { toCommandProperties } from '../node_modules/@actions/core/lib/utils.js'
export { summary } from '../node_modules/@actions/core/lib/summary.js'

/** As core.getInput: `INPUT_<NAME>` (spaces to underscores, upper-cased, hyphens kept), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** As core.setOutput. */
export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  } else {
    process.stdout.write(EOL)
    issueCommand('set-output', { name }, value)
  }
}

export const info = (message: string): void => void process.stdout.write(message + EOL)
export const debug = (message: string): void => issueCommand('debug', {}, message)
export const warning = (message: string): void =>
  issueCommand('warning', toCommandProperties({}), message)
export const setSecret = (secret: string): void => issueCommand('add-mask', {}, secret)

/** As core.setFailed: an error annotation and exit code 1. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issueCommand('error', toCommandProperties({}), message)
}

/** The runner's OIDC token for an audience; loads @actions/core in full, which masks the token. */
export async function getIDToken(audience: string): Promise<string> {
  const core = await import('@actions/core')
  return core.getIDToken(audience)
}
