import type { Config } from '../../src/model/types.js'

/** A valid Config for core tests: one A record, explicit zone, default credentials; override freely. */
export function testConfig(over: Partial<Config> = {}): Config {
  return {
    hostnames: ['home.example.com'],
    ipv4: ['198.51.100.7'],
    ipv6: [],
    ttl: 300,
    dryRun: false,
    comment: 'test',
    region: 'us-east-1',
    state: 'present',
    privateZone: false,
    waitForSync: false,
    waitTimeout: 30,
    auth: { kind: 'default' },
    ...over
  }
}
