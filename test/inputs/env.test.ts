import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import {
  actionInputVariable,
  cliInputVariable,
  secretInputs,
  secretKind,
  secretValues,
  withoutSecrets
} from '../../src/inputs/env.js'
import { addEnvSecrets, clearSecrets, redact } from '../../src/net/redact.js'
import { runCommand } from '../../src/detect/command.js'

describe('secret inputs and their variables', () => {
  it('the INPUTS table marks the token and the monitoring URLs secret', () => {
    expect(secretInputs()).toEqual(['heartbeat-url', 'notify-url', 'github-token'])
  })

  it('the runner’s and the CLI’s variable for an input', () => {
    expect(actionInputVariable('github-token')).toBe('INPUT_GITHUB-TOKEN')
    expect(cliInputVariable('heartbeat-url')).toBe('ROUTE53_DDNS_HEARTBEAT_URL')
  })

  it.each([
    ['INPUT_GITHUB-TOKEN', 'linux', 'value'],
    ['INPUT_HEARTBEAT-URL', 'linux', 'value'],
    ['ROUTE53_DDNS_NOTIFY_URL', 'linux', 'value'],
    ['AWS_SECRET_ACCESS_KEY', 'linux', 'value'],
    ['AWS_CONTAINER_AUTHORIZATION_TOKEN', 'linux', 'value'],
    ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'linux', 'pointer'],
    ['AWS_WEB_IDENTITY_TOKEN_FILE', 'linux', 'pointer'],
    ['AWS_BEARER_TOKEN_BEDROCK', 'linux', 'value'],
    ['ACTIONS_ID_TOKEN_REQUEST_URL', 'linux', 'pointer'],
    ['ACTIONS_RUNTIME_TOKEN', 'linux', 'value'],
    // Linux names are exact: the SDK never reads a lower-case spelling there.
    ['aws_secret_access_key', 'linux', undefined],
    ['aws_secret_access_key', 'win32', 'value'],
    ['Input_GitHub-Token', 'win32', 'value'],
    ['actions_id_token_request_token', 'win32', 'value'],
    ['INPUT_IP-COMMAND', 'linux', undefined],
    ['ROUTE53_DDNS_HOSTNAME', 'win32', undefined],
    ['AWS_PROFILE', 'linux', undefined],
    ['AWS_REGION', 'linux', undefined],
    ['PATH', 'win32', undefined]
  ] as const)('%s on %s: %s', (name, platform, kind) => {
    expect(secretKind(name, platform)).toBe(kind)
  })

  it('withoutSecrets keeps everything else, and matches case-insensitively on Windows only', () => {
    const env = { Path: 'C:\\bin', aws_access_key_id: 'AKIA1', AWS_REGION: 'eu-west-1' }
    expect(withoutSecrets(env, 'win32')).toEqual({ Path: 'C:\\bin', AWS_REGION: 'eu-west-1' })
    expect(withoutSecrets(env, 'linux')).toEqual(env)
  })

  it('secretValues lists secret values, never pointers', () => {
    const env = {
      AWS_SESSION_TOKEN: 'tok-1234567890',
      AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token',
      HOME: '/root'
    }
    expect(secretValues(env, 'linux')).toEqual([
      { name: 'AWS_SESSION_TOKEN', value: 'tok-1234567890' }
    ])
  })
})

describe('registered for masking from the same list', () => {
  afterEach(() => clearSecrets())

  it('secret inputs, a secret URL with its parts, credentials; case-insensitive on Windows', () => {
    addEnvSecrets(
      {
        'INPUT_GITHUB-TOKEN': 'ghs_abcdefghijkl',
        ROUTE53_DDNS_NOTIFY_URL: 'https://hooks.example.com/services/T0/B0/kq7Zp2Lx9Wm4QrSt',
        aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG',
        AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/token'
      },
      undefined,
      'win32'
    )
    expect(
      redact(
        'ghs_abcdefghijkl kq7Zp2Lx9Wm4QrSt wJalrXUtnFEMI/K7MDENG /var/run/secrets/token services'
      )
    ).toBe('*** *** *** /var/run/secrets/token services')
  })

  it('on Linux a lower-case name is an ordinary variable', () => {
    addEnvSecrets({ aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG' }, undefined, 'linux')
    expect(redact('wJalrXUtnFEMI/K7MDENG')).toBe('wJalrXUtnFEMI/K7MDENG')
  })
})

describe('the command’s environment, platform injected', () => {
  const dump = ['node', '-e', 'console.log(JSON.stringify(process.env))']
  const env = {
    PATH: process.env.PATH,
    aws_secret_access_key: 'lower',
    AWS_SECRET_ACCESS_KEY: 'upper',
    'INPUT_GITHUB-TOKEN': 'ghs_x',
    ROUTER: 'r'
  }
  it('win32: every spelling of a secret name is withheld', async () => {
    const seen = JSON.parse(await runCommand(dump, { env, platform: 'win32' })) as object
    expect(Object.keys(seen).sort()).toEqual(expect.arrayContaining(['PATH', 'ROUTER']))
    expect(Object.keys(seen)).not.toContain('aws_secret_access_key')
    expect(Object.keys(seen)).not.toContain('AWS_SECRET_ACCESS_KEY')
    expect(Object.keys(seen)).not.toContain('INPUT_GITHUB-TOKEN')
  })
  it('linux: exact names', async () => {
    const seen = JSON.parse(await runCommand(dump, { env, platform: 'linux' })) as object
    expect(seen).toMatchObject({ aws_secret_access_key: 'lower', ROUTER: 'r' })
    expect(Object.keys(seen)).not.toContain('AWS_SECRET_ACCESS_KEY')
  })
})

// Every AWS_* variable the SDK's credential providers (as installed) name is decided here: a
// secret or a pointer to one in env.ts, or listed below as not leading to a credential. An SDK
// update that reads a new variable fails this test until someone decides.
const NOT_CREDENTIALS = [
  // Identify or describe credentials, or choose a region or endpoint.
  'AWS_ACCOUNT_ID',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_CREDENTIAL_SCOPE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_DEFAULTS_MODE',
  'AWS_EXECUTION_ENV',
  'AWS_USE_DUALSTACK_ENDPOINT',
  'AWS_USE_FIPS_ENDPOINT',
  'AWS_AUTH_SCHEME_PREFERENCE',
  'AWS_DISABLE_CLOCK_SKEW_CORRECTION',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_EC2_METADATA_SERVICE_ENDPOINT',
  'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE',
  'AWS_EC2_METADATA_V1_DISABLED',
  // The user's standing configuration: the command reads the default places anyway.
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_LOGIN_CACHE_DIRECTORY'
]

describe('parity with the AWS SDK’s credential providers', () => {
  const require = createRequire(import.meta.url)
  const sources = [
    '@aws-sdk/credential-provider-env',
    '@aws-sdk/credential-provider-http',
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-login',
    '@aws-sdk/credential-provider-node',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-web-identity',
    '@smithy/credential-provider-imds',
    '@aws-sdk/token-providers',
    '@smithy/core/config',
    '@aws-sdk/core/httpAuthSchemes'
  ].map((m) => readFileSync(require.resolve(m), 'utf8'))
  // String literals and `process.env.X`: the names the SDK looks up, not its own identifiers.
  const named = new Set(
    sources.flatMap((s) =>
      [...s.matchAll(/["'](AWS_[A-Z0-9_]*[A-Z0-9])["']|process\.env\.(AWS_[A-Z0-9_]+)/g)].map(
        (m) => (m[1] ?? m[2]) as string
      )
    )
  )
  const prefixes = new Set(
    sources.flatMap((s) => [...s.matchAll(/`(AWS_[A-Z0-9_]+_)\$\{/g)].map((m) => m[1] as string))
  )

  it('finds the variables it should (the scan works)', () => {
    expect([...named]).toEqual(
      expect.arrayContaining([
        'AWS_ACCESS_KEY_ID',
        'AWS_CONTAINER_AUTHORIZATION_TOKEN',
        'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
        'AWS_WEB_IDENTITY_TOKEN_FILE'
      ])
    )
    expect([...prefixes]).toContain('AWS_BEARER_TOKEN_')
  })

  it('every variable the SDK reads is withheld or known not to lead to a credential', () => {
    const undecided = [...named].filter(
      (name) => secretKind(name, 'linux') === undefined && !NOT_CREDENTIALS.includes(name)
    )
    expect(undecided).toEqual([])
    for (const prefix of prefixes) expect(secretKind(`${prefix}ROUTE_53`, 'linux')).toBe('value')
  })
})
