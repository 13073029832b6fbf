// What an endpoint answers reaches a warning masked first, then cut, and escaped: through the
// session (the real addSecret and redact, as both front doors use them) against a loopback recorder,
// with a logger that redacts again as the real sinks do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { monitorFromInputs } from '../../src/notify/session.js'
import { addSecret, clearSecrets, redact } from '../../src/net/redact.js'
import type { MonitorConfig } from '../../src/model/types.js'
import type { Logger } from '../../src/model/types.js'
import { startRecorder, type Recorder } from '../helpers/recorder.js'
import { RUN, controls, record } from './fixtures.js'
import { cli } from '../cli/helpers.js'
import type { UpdateOutcome } from '../../src/core/update.js'

const KEY = 'c0ffee00-1234-4abc-8def-0123456789ab'
const SHORT = 'kq7Zp2Lx9Wm4'
let server: Recorder
beforeEach(async () => {
  clearSecrets()
  server = await startRecorder()
})
afterEach(async () => {
  clearSecrets()
  await server.close()
})

async function warningsOf(config: Partial<MonitorConfig>): Promise<string[]> {
  const warnings: string[] = []
  const logger: Logger = {
    info: () => {},
    debug: () => {},
    warning: (m) => warnings.push(redact(m))
  }
  const monitor = monitorFromInputs(() => ({ failureIssue: false, ...config }), {
    logger,
    run: RUN,
    addSecret,
    redact,
    timeoutMs: 2000
  })
  await monitor.finish({ records: [record()], dryRun: false, hostnames: ['home.example.com'] })
  return warnings
}

describe('secrets in an endpoint’s answer', () => {
  it('a key split by the cut: masked before the answer is cut', async () => {
    // The page quotes the requested path so that the 200-character cut falls inside the key.
    const quoted = `/ping/${KEY}/fail`
    const page = `${'E'.repeat(185 - '/ping/'.length)}${quoted} was not found on this server`
    expect(page.indexOf(KEY)).toBe(185)
    server.answer('/ping/', 404, page)
    const warnings = await warningsOf({ heartbeatUrl: `${server.base}/ping/${KEY}` })
    expect(warnings.length).toBeGreaterThan(0)
    for (const w of warnings) {
      expect(w).toContain('was refused (HTTP 404: EEE')
      expect(w).not.toContain(KEY.slice(0, 8))
    }
  })

  it.each([
    ['a query value', `/hook?key=${SHORT}`],
    ['a path segment', `/hooks/${SHORT}`],
    ['a path segment, percent-encoded', `/hooks/${SHORT.slice(0, 6)}%2B${SHORT.slice(6)}`]
  ])('a webhook’s 403 quoting a short key held in %s', async (_where, path) => {
    const key = decodeURIComponent(path.split(/[/=]/).at(-1) as string)
    server.answer('/hook', 403, `invalid key ${key}`)
    const warnings = await warningsOf({ notifyUrl: `${server.base}${path}` })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/was refused \(HTTP 403: invalid key \*\*\*\)/)
    expect(warnings[0]).not.toContain(key)
  })
})

describe('hostile text in an endpoint’s answer', () => {
  const hostile = 'boom\u001b[2J\u001b]0;pwned\u0007 \u009b31m red \u202etxt.exe\r\nsecond line'

  it('is shown escaped: no terminal escape sequence or other control reaches the warning', async () => {
    server.answer('/hook', 500, hostile)
    const [warning] = await warningsOf({ notifyUrl: `${server.base}/hook/${KEY}` })
    expect(warning).toContain(
      'HTTP 500: boom\\x1b[2J\\x1b]0;pwned\\x07 \\x9b31m red \\u{202e}txt.exe second line'
    )
    expect(controls(warning as string)).toEqual([])
  })

  it('the CLI prints it escaped', async () => {
    server.answer('/', 500, hostile)
    const unchanged = async (): Promise<UpdateOutcome> => ({
      report: {
        dryRun: false,
        records: [],
        ipv4: [],
        ipv6: [],
        origins: [],
        changeIds: [],
        changed: false,
        attempted: []
      }
    })
    const r = await cli(
      ['--hostname', 'home.example.com', '--hosted-zone-id', 'Z1', '--ip', '198.51.100.7'],
      { env: { ROUTE53_DDNS_HEARTBEAT_URL: `${server.base}/${KEY}` }, update: unchanged }
    )
    expect(r.stderr).toContain('\\x1b[2J\\x1b]0;pwned\\x07')
    expect(controls(r.stderr + r.stdout)).toEqual([])
  })
})
