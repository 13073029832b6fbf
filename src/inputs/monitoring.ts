// The monitoring inputs, validated. Pure: no I/O, no runner.
import { InputError } from '../model/errors.js'
import { validateSecretUrl } from '../model/secret-url.js'
import type { MonitorConfig } from '../model/types.js'

export type MonitorInput = 'heartbeat-url' | 'notify-url' | 'failure-issue' | 'github-token'

/**
 * Read and check the monitoring inputs. `read` gives an input's trimmed value or its default;
 * `bool` parses a boolean input. Errors never quote a URL or the token.
 */
export function parseMonitoring(
  read: (name: MonitorInput) => string,
  bool: (name: MonitorInput, value: string) => boolean
): MonitorConfig {
  const heartbeat = read('heartbeat-url')
  const notify = read('notify-url')
  const failureIssue = bool('failure-issue', read('failure-issue'))
  const token = read('github-token')
  let githubToken: string | undefined
  if (failureIssue) {
    // Outside a runner the action.yml default `${{ github.token }}` arrives unexpanded.
    if (token === '' || token.startsWith('${{')) {
      throw new InputError(
        'github-token',
        'is empty: failure-issue needs a token that may write issues (by default the job token, github.token, with `permissions: issues: write`)'
      )
    }
    if (/\s/.test(token)) throw new InputError('github-token', 'must not contain white space')
    githubToken = token
  }
  return {
    ...(heartbeat ? { heartbeatUrl: validateSecretUrl('heartbeat-url', heartbeat) } : {}),
    ...(notify ? { notifyUrl: validateSecretUrl('notify-url', notify) } : {}),
    failureIssue,
    ...(githubToken ? { githubToken } : {})
  }
}
