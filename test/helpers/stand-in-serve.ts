// The stand-in as its own process (for runs inside a network namespace): prints one JSON line with
// its environment and zone id, then on SIGTERM one with the zone's records and request counts.
import { startStandIn } from '../stand-in/index.js'

const zone = process.argv[2] ?? 'example.com'
const s = await startStandIn({ rateLimit: false })
const zoneId = s.addZone({ name: zone })
process.stdout.write(`${JSON.stringify({ env: s.env(), zoneId })}\n`)
process.on('SIGTERM', () => {
  const counts = {
    list: s.count('ListResourceRecordSets'),
    change: s.count('ChangeResourceRecordSets')
  }
  process.stdout.write(`${JSON.stringify({ records: s.records(zoneId), counts })}\n`)
  void s.close().then(() => process.exit(0))
})
