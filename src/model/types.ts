/** Record types the action manages. */
export type RecordType = 'A' | 'AAAA'

/** Whether the named records should exist (`present`) or be removed (`absent`). */
export type DesiredState = 'present' | 'absent'

/**
 * What happened, or in a dry run what would happen, to one record set. `unknown`: its change was
 * sent and never answered (the run stopped), so it may or may not have been applied.
 */
export type RecordResult =
  | 'created'
  | 'updated'
  | 'unchanged'
  | 'deleted'
  | 'unknown'
  | 'would-create'
  | 'would-update'
  | 'would-delete'

export type IpSource = 'public' | 'local' | 'command'
export type IpVersion = '4' | '6' | 'both'

/** How to find this machine's addresses when `ip` is not given. */
export interface DetectionConfig {
  source: IpSource
  version: IpVersion
  /** Echo-service URLs; empty means the built-in list. */
  providers: string[]
  /** For `local`: the one interface to read, if set. */
  interface?: string
  /** For `command`: the program and its arguments (run without a shell). */
  command?: string[]
  /** For `command`: limit on one run, in milliseconds. */
  commandTimeoutMs?: number
}

export type AuthConfig =
  | {
      kind: 'oidc'
      roleArn: string
      audience: string
      sessionName: string
      durationSeconds: number
    }
  | { kind: 'default' }

/** The monitoring inputs, validated. */
export interface MonitorConfig {
  heartbeatUrl?: string
  notifyUrl?: string
  /** Action only. */
  failureIssue: boolean
  /** Only with failureIssue. */
  githubToken?: string
}

/** One `ipv6-host-ids` line: a machine behind this one, published at this machine's prefix. */
export interface HostId {
  /** Normalised FQDN. */
  name: string
  /** The interface identifier as an IPv6 address with zero prefix bits, canonical (`::1:2:3:4`). */
  id: string
}

/** Validated configuration: everything downstream takes this, never raw inputs. */
export interface Config {
  /** Normalised FQDNs: lowercase, no trailing dot, `*` kept as `*`. */
  hostnames: string[]
  /** Bare hosted-zone id (`Z…`), or undefined to discover zones. */
  hostedZoneId?: string
  /** Explicit addresses in canonical form; when both are empty, `detection` is set. */
  ipv4: string[]
  ipv6: string[]
  detection?: DetectionConfig
  /** AAAA records made of this machine's IPv6 prefix and each host's interface identifier. */
  hostIds?: { prefixLength: number; hosts: HostId[] }
  ttl: number
  dryRun: boolean
  comment: string
  region: string
  state: DesiredState
  privateZone: boolean
  waitForSync: boolean
  /** Seconds. */
  waitTimeout: number
  auth: AuthConfig
  /** When set, each name is this machine's member of a multivalue answer record. */
  setIdentifier?: string
  /** Route 53 health check attached to this machine's member (only with setIdentifier). */
  healthCheckId?: string
  /** Heartbeat, webhook and failure issue; absent means all off. */
  monitor?: MonitorConfig
}

/** One record set as the report shows it. */
export interface RecordReport {
  name: string
  type: RecordType
  zoneId: string
  /** This machine's multivalue identifier; '' for a simple record. */
  setIdentifier: string
  before: string[]
  after: string[]
  ttl: number
  result: RecordResult
  changeId: string
}

/** How an address was found, for the summary. */
export interface AddressOrigin {
  family: 4 | 6
  address: string
  /** e.g. "input", "public: https://a, https://b agreed", "local: eth0" */
  how: string
}

/** Minimal logger so the core never imports @actions/core. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}
