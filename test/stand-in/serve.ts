// Runs the stand-in as a separate process:
//   npx tsx test/stand-in/serve.ts [--zone example.com]... [--private-zone corp.example]...
//     [--role arn:aws:iam::111122223333:role/x]... [--subject repo:o/r:ref:refs/heads/main]
//     [--rate-limit off|BURST/REFILL] [--prior-window-ms N] [--sync-ms N] [--port N]
// Prints one line of JSON {"url", "env", "zones": {name: id}} and serves until SIGTERM/SIGINT.
// GET /__standin/requests → request log; GET /__standin/records?zone=Z… → records; /__standin/zones.
import { startStandIn } from './index.js'
import type { StandInOptions } from './index.js'

function fail(message: string): never {
  process.stderr.write(`serve.ts: ${message}\n`)
  process.exit(2)
}

function int(flag: string, v: string | undefined): number {
  if (v === undefined || !/^\d+$/.test(v)) fail(`${flag} needs a non-negative integer`)
  return Number(v)
}

const zones: Array<{ name: string; private: boolean }> = []
const roles: string[] = []
const options: StandInOptions = {}
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  const flag = args[i] as string
  const value = args[i + 1]
  const take = (): string => {
    if (value === undefined) fail(`${flag} needs a value`)
    i++
    return value
  }
  switch (flag) {
    case '--zone':
      zones.push({ name: take(), private: false })
      break
    case '--private-zone':
      zones.push({ name: take(), private: true })
      break
    case '--role':
      roles.push(take())
      break
    case '--subject':
      options.oidcSubject = take()
      break
    case '--rate-limit': {
      const v = take()
      if (v === 'off') options.rateLimit = false
      else {
        const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(v)
        if (!m) fail('--rate-limit takes off or BURST/REFILL_PER_SECOND')
        options.rateLimit = { burst: Number(m[1]), refillPerSecond: Number(m[2]) }
      }
      break
    }
    case '--prior-window-ms':
      options.priorRequestWindowMs = int(flag, take())
      break
    case '--sync-ms':
      options.changeSyncMs = int(flag, take())
      break
    case '--port':
      options.port = int(flag, take())
      break
    default:
      fail(`unknown argument ${flag}`)
  }
}

const standIn = await startStandIn(options)
const zoneIds: Record<string, string> = {}
for (const z of zones) zoneIds[z.name] = standIn.addZone({ name: z.name, private: z.private })
for (const arn of roles) standIn.addRole({ arn })
process.stdout.write(
  JSON.stringify({ url: standIn.url, env: standIn.env(), zones: zoneIds }) + '\n'
)

let closing = false
const stop = (): void => {
  if (closing) return
  closing = true
  standIn.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
