import { Route53Client } from '@aws-sdk/client-route-53'
import { retryStrategy } from '../../src/route53.js'
import type { StandIn } from '../stand-in/index.js'

/**
 * A Route 53 client configured as the action's, pointed at a stand-in with its static keys.
 * `hook` sees each command name before it is sent (to act between a read and a write).
 */
export function standInClient(standIn: StandIn, hook?: (command: string) => void): Route53Client {
  const env = standIn.env()
  const client = new Route53Client({
    endpoint: standIn.url,
    region: 'us-east-1',
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID!,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY!
    },
    retryStrategy: retryStrategy()
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
