// Counting Route 53 requests for `watch --metrics`: every attempt (retries included), by operation
// and outcome. The outcome is a fixed set, so a metric's labels stay few whatever AWS answers.
import type { Route53Client } from '@aws-sdk/client-route-53'

export type RequestOutcome =
  'success' | 'throttled' | 'server_error' | 'client_error' | 'network_error'

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'PriorRequestNotComplete',
  'TooManyRequestsException',
  'RequestLimitExceeded'
])

/** The outcome class of a failed attempt, from the SDK's error. */
function requestOutcome(err: unknown): RequestOutcome {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined
  const status = e?.$metadata?.httpStatusCode
  if (THROTTLING.has(e?.name ?? '') || status === 429) return 'throttled'
  if (status === undefined) return 'network_error'
  return status >= 500 ? 'server_error' : 'client_error'
}

/**
 * Call `record(operation, outcome)` for each attempt `client` makes, e.g.
 * `('ChangeResourceRecordSets', 'throttled')`. Sits inside the retry step, so each retry counts.
 */
export function observeRequests(
  client: Route53Client,
  record: (operation: string, outcome: RequestOutcome) => void
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '')
      try {
        const output = await next(args)
        record(operation, 'success')
        return output
      } catch (err) {
        record(operation, requestOutcome(err))
        throw err
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'route53DdnsObserveRequests' }
  )
}
