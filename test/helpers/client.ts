import type { Route53Client } from '@aws-sdk/client-route-53'
import { createRoute53Client } from '../../src/aws/route53.js'
import type { RetryTiming } from '../../src/aws/retry.js'
import type { StandIn } from '../stand-in/index.js'
import { NO_WAIT } from './timing.js'

/**
 * A Route 53 client built as the action builds it, pointed at a stand-in with its static keys,
 * with zero retry delays unless `timing` says otherwise. `hook` sees each command name before it
 * is sent (to act between a read and a write).
 */
export function standInClient(
  standIn: StandIn,
  hook?: (command: string) => void,
  timing: RetryTiming = NO_WAIT
): Route53Client {
  const env = standIn.env()
  const client = createRoute53Client({
    region: 'us-east-1',
    endpoint: standIn.url,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID!,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY!
    },
    timing
  })
  if (hook) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        hook(context.commandName ?? '')
        return next(args)
      },
      { step: 'initialize' }
    )
  }
  return client
}
