/**
 * `route53-ddns health [--url URL]`: ask a running watch's `/healthz` and exit 0 when it answers
 * 200, 1 otherwise. For container health checks: images have no shell or curl.
 */
import { InputError } from '../model/errors.js'
import { healthUrl, parseListen } from '../inputs/listen.js'
import { httpRequest } from '../net/request.js'
import { UsageError, envName, parseFlags } from './args.js'
import { EXIT_FAILURE, EXIT_OK, oneLine, type Io } from './io.js'

/** The whole check, connection and answer: a health check must end by itself. */
const HEALTH_TIMEOUT_MS = 5_000

const HEALTH_HELP = `Usage: route53-ddns health [--url URL]

Ask a running 'route53-ddns watch --metrics' whether it is healthy: exit 0 when its /healthz
answers 200, 1 otherwise (not listening, 503, or no answer within 5 s), printing one line.

  --url URL     the /healthz URL to ask. Default: from ROUTE53_DDNS_METRICS (HOST:PORT or
                PORT, as the watch reads it), http://HOST:PORT/healthz; a wildcard host
                (0.0.0.0, [::]) is asked on loopback.
  -h, --help    print this help and exit.
`

/** The URL to ask: --url, else the watch's own ROUTE53_DDNS_METRICS. */
function target(values: Map<string, string>, env: Record<string, string | undefined>): string {
  const url = values.get('url')
  if (url !== undefined) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new UsageError(`--url: '${url}' is not a URL (e.g. http://127.0.0.1:9101/healthz)`)
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new UsageError(`--url: '${url}' is not an http:// or https:// URL`)
    }
    return parsed.href
  }
  const variable = envName('metrics')
  const listen = (env[variable] ?? '').trim()
  if (!listen) throw new UsageError(`give --url, or set ${variable} as for the watch`)
  try {
    return healthUrl(parseListen(variable, listen))
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(`${variable}: ${err.problem}`)
    throw err
  }
}

/** Run `health`; resolves to the exit code. */
export async function healthCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    url: { type: 'string', multiple: false },
    help: { type: 'boolean', multiple: false, short: 'h' }
  })
  if (values.get('help') === 'true') {
    io.stdout.write(HEALTH_HELP)
    return EXIT_OK
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
  const url = target(values, io.env)
  try {
    const answer = await httpRequest(url, {
      timeouts: { connectMs: HEALTH_TIMEOUT_MS, responseMs: HEALTH_TIMEOUT_MS },
      maxBytes: 1024,
      truncate: true
    })
    const said = oneLine(answer.body.trim()).slice(0, 200)
    const line = `${url}: HTTP ${answer.status}${said ? `: ${said}` : ''}`
    if (answer.status === 200) {
      io.stdout.write(`${line}\n`)
      return EXIT_OK
    }
    io.stderr.write(`unhealthy: ${line}\n`)
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    io.stderr.write(`unhealthy: ${url}: ${e.code ?? e.message}\n`)
  }
  return EXIT_FAILURE
}
