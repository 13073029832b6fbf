/** `--help` text, generated from INPUTS (flags, defaults, descriptions) so it lists every input. */
import { INPUTS, type InputName } from '../inputs/inputs.js'
import { WATCH_OPTIONS } from './watch/options.js'
import {
  CLI_ONLY_FLAGS,
  FLAG_INPUTS,
  LIST_INPUTS,
  ACTION_ONLY_INPUTS,
  OIDC_ONLY_INPUTS,
  envName,
  isBooleanInput
} from './args.js'

const METAVAR: Partial<Record<InputName, string>> = {
  hostname: 'NAME',
  'host-map': 'TEXT',
  'hosted-zone-id': 'ID',
  ip: 'ADDRESS',
  'ip-source': 'public|local|command',
  'ip-version': '4|6|both',
  'ip-providers': 'URL',
  interface: 'NAME',
  'ip-command': 'COMMAND',
  'ip-command-timeout': 'SECONDS',
  'ipv6-host-ids': 'TEXT',
  'ipv6-prefix-length': 'BITS',
  ttl: 'SECONDS',
  state: 'present|absent',
  'wait-timeout': 'SECONDS',
  comment: 'TEXT',
  'aws-region': 'REGION'
}

/** Wrap `text` to `width` columns, every line indented by `indent` spaces. */
function wrap(text: string, indent: number, width = 80): string {
  const pad = ' '.repeat(indent)
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && pad.length + line.length + 1 + word.length > width) {
      lines.push(pad + line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(pad + line)
  return lines.join('\n')
}

const plain = (s: string): string => s.replace(/`/g, '')

/** The flag as help shows it, e.g. `--ttl SECONDS` or `--dry-run[=true|false]`. */
function flagUsage(name: InputName): string {
  if (isBooleanInput(name)) return `--${name}[=true|false]`
  return `--${name} ${METAVAR[name] ?? 'VALUE'}`
}

/** What the command does, its subcommands, and how options and variables relate. */
function usageLines(version: string): string[] {
  const out: string[] = []
  out.push(
    `route53-ddns ${version}: keep Route 53 A/AAAA records pointed at this machine.`,
    '',
    'Usage:',
    '  route53-ddns [options]               update the records (the action, without a runner)',
    '  route53-ddns watch [options]         keep them current: check often, write on change',
    '                                       (route53-ddns watch --help for its options)',
    '  route53-ddns health [--url URL]      exit 0 if a watch --metrics answers healthy, else 1',
    '  route53-ddns policy [options]        print the least-privilege IAM and OIDC trust policies',
    '                                       (route53-ddns policy --help for its options)',
    '',
    wrap(
      'Every option is the action input of the same name and takes the same values. Each can ' +
        'also be set by an environment variable (shown in brackets); an option on the command ' +
        'line wins over the variable. Options marked (repeatable) append: --hostname a ' +
        '--hostname b is the same as --hostname a,b. Booleans work bare (--dry-run) or as ' +
        '--dry-run=true|false.',
      0
    ),
    '',
    'Options:'
  )
  return out
}

/** Every input's flag with its variable, then the command line's own flags. */
function optionLines(): string[] {
  const out: string[] = []
  for (const name of FLAG_INPUTS) {
    const input = INPUTS[name]
    const repeat = (LIST_INPUTS as readonly string[]).includes(name) ? ' (repeatable)' : ''
    const def = input.default === '' ? '' : ` Default: ${input.default}.`
    out.push(`  ${flagUsage(name)}${repeat}  [${envName(name)}]`)
    out.push(wrap(`${plain(input.description)}${def}`, 6))
  }
  out.push('', 'Command-line options:')
  for (const [name, f] of Object.entries(CLI_ONLY_FLAGS)) {
    out.push(`  ${f.short ? `-${f.short}, ` : ''}--${name}`)
    out.push(wrap(plain(f.description), 6))
  }
  return out
}

/** Credentials, monitoring, exit status and examples. */
function closingLines(): string[] {
  const out: string[] = []
  out.push(
    '',
    'Credentials:',
    wrap(
      'The AWS SDK default credential chain: AWS_PROFILE (a profile may assume a role with ' +
        'role_arn), AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_ROLE_ARN with ' +
        'AWS_WEB_IDENTITY_TOKEN_FILE, or an instance role. The action’s GitHub OIDC inputs (' +
        OIDC_ONLY_INPUTS.map((n) => `--${n}`).join(', ') +
        ') are refused here with a usage error.',
      2
    ),
    '',
    'Monitoring:',
    wrap(
      '--heartbeat-url pings a dead-man’s switch on every run; --notify-url posts to a webhook ' +
        'when a record changed or the run failed. Both are secrets: prefer their variables. The ' +
        'action’s failure issue (' +
        ACTION_ONLY_INPUTS.map((n) => `--${n}`).join(', ') +
        ') is refused here.',
      2
    ),
    '',
    'Exit status:',
    '  0  success (records created, updated, deleted or already right)',
    '  1  failure (address detection, AWS, a refused record)',
    '  2  usage error (unknown option, bad value); nothing was sent to AWS',
    '  130, 143, 129, 149  cancelled by SIGINT, SIGTERM, SIGHUP, SIGBREAK (Windows) (what was applied before is printed)',
    '',
    'Examples:',
    '  route53-ddns --hostname home.example.com --hosted-zone-id Z0123456789ABCDEFGHIJ',
    '  route53-ddns --hostname home.example.com --ip-version both --dry-run',
    '  route53-ddns --hostname a.example.com --hostname b.example.com --ip 198.51.100.7 --json',
    '  ROUTE53_DDNS_HOSTNAME=home.example.com AWS_PROFILE=ddns route53-ddns --ip-source local',
    '  route53-ddns policy --hostname home.example.com --repository octo/home --json',
    ''
  )
  return out
}

/** The `route53-ddns --help` text. */
export function helpText(version: string): string {
  return [...usageLines(version), ...optionLines(), ...closingLines()].join('\n')
}

export function policyHelpText(): string {
  return [
    'Usage: route53-ddns policy --hostname NAME… [options]',
    '',
    wrap(
      'Print the least-privilege IAM permissions policy for the given record names and, with ' +
        '--repository, the trust policy that lets that repository’s GitHub Actions runs assume ' +
        'the role by OIDC. Nothing is sent to AWS.',
      0
    ),
    '',
    'Permissions policy:',
    '  --hostname NAME (repeatable)     record names (commas or spaces separate several)',
    '  --hosted-zone-id ID (repeatable) the zones; none: zone discovery (ListHostedZonesByName,',
    '                                   and records in hostedzone/*)',
    '  --host-map TEXT (repeatable)     a host map: the policy covers every machine’s names',
    '  --ipv6-host-ids TEXT (repeatable) the names of ipv6-host-ids lines',
    '  --state present|absent           absent needs only DELETE. Default: present',
    '  --wait-for-sync[=true|false]     also allow route53:GetChange',
    '',
    'Trust policy (only with --repository):',
    '  --repository OWNER/REPO          the repository whose workflows may assume the role',
    '  --owner-id N --repository-id N   also accept the immutable subject form',
    '  --ref REF                        branch or full ref. Default: main',
    '  --environment NAME               a deployment environment instead of a ref',
    '  --workflow-ref REF               pin a reusable workflow (owner/repo/.github/workflows/x.yml@ref)',
    '  --audience A                     Default: sts.amazonaws.com',
    '  --account-id 123456789012        Default: the placeholder ACCOUNT_ID',
    '',
    'Output:',
    '  --json                           one object {"permissionsPolicy": …, "trustPolicy": …}',
    '  -h, --help                       print this help',
    '',
    'Example:',
    '  route53-ddns policy --hostname home.example.com --hosted-zone-id Z0123456789ABCDEFGHIJ \\',
    '    --repository octo/home --account-id 111122223333',
    ''
  ].join('\n')
}

export function watchHelpText(): string {
  const out = [
    'Usage: route53-ddns watch [options]',
    '',
    wrap(
      'Keep the records current until stopped (SIGTERM or SIGINT, which finish a write in ' +
        'progress and exit 0). Each interval the address is detected as a one-shot run would; ' +
        'Route 53 is read and written (guarded) only when it differs from what was last ' +
        'published, and read at least every refresh interval to correct records changed by ' +
        'someone else. Failures are retried with exponential backoff (bounded at 10 minutes or ' +
        '4 intervals) and never end the watch. Every option of a one-shot run applies ' +
        '(route53-ddns --help), except --state absent; and these:',
      0
    ),
    ''
  ]
  for (const [name, o] of Object.entries(WATCH_OPTIONS)) {
    out.push(`  --${name}${o.metavar ? ` ${o.metavar}` : '[=true|false]'}  [${envName(name)}]`)
    out.push(wrap(plain(o.description), 6))
  }
  out.push(
    '',
    'Output:',
    wrap(
      'One line per record changed, one per failure (on stderr), and an "in sync" line at most ' +
        'once per refresh interval. With --json, one JSON object per event on stdout: start, ' +
        'change (with the record fields of the records output and a reason), heartbeat, ' +
        'failure, recovered, stop.',
      2
    ),
    '',
    'Monitoring:',
    wrap(
      '--heartbeat-url pings after the first check in sync, then every 5 minutes (or every ' +
        'interval, if longer) while checks succeed; /fail (Uptime Kuma: status=down) once when ' +
        'a failure streak starts, success when it ends; never twice within a minute. ' +
        '--notify-url tells of each check that wrote records and of the start and end of a ' +
        'failure streak.',
      2
    ),
    '',
    'Examples:',
    '  route53-ddns watch --hostname home.example.com --ip-source local --interface eth0',
    '  route53-ddns watch --hostname home.example.com --ip-version both --interval 120',
    ''
  )
  return out.join('\n')
}
