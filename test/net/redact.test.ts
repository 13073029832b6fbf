import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addEnvSecrets,
  addSecret,
  clearSecrets,
  MIN_SECRET_LENGTH,
  redact,
  secretCount
} from '../../src/net/redact.js'

// Files share a worker process (vitest isolate: false): start and end with an empty registry.
beforeEach(() => clearSecrets())
afterEach(() => clearSecrets())

describe('redact', () => {
  it('masks every registered secret wherever it appears', () => {
    addSecret('eyJhbGciOi.payload.signature')
    addSecret('AKIAIOSFODNN7EXAMPLE')
    expect(
      redact(
        'token eyJhbGciOi.payload.signature for AKIAIOSFODNN7EXAMPLE, again AKIAIOSFODNN7EXAMPLE'
      )
    ).toBe('token *** for ***, again ***')
  })

  it('masks the URL-encoded form too (a quoted query string or form body)', () => {
    addSecret('abc/def+ghi=')
    expect(redact('WebIdentityToken=abc%2Fdef%2Bghi%3D&x=1')).toBe('WebIdentityToken=***&x=1')
  })

  it('masks a longer secret whole even when a shorter one is inside it', () => {
    addSecret('short-secret')
    addSecret('prefix-short-secret-suffix')
    expect(redact('x prefix-short-secret-suffix y short-secret')).toBe('x *** y ***')
  })

  it('ignores empty and very short values, so ordinary text is not garbled', () => {
    const before = secretCount()
    addSecret('')
    addSecret(undefined)
    addSecret('a'.repeat(MIN_SECRET_LENGTH - 1))
    expect(secretCount()).toBe(before)
    expect(redact('aaaaaaa')).toBe('aaaaaaa')
  })

  it('registers each line of a multi-line secret', () => {
    addSecret('line-one-secret\nline-two-secret')
    expect(redact('quoted: line-two-secret')).toBe('quoted: ***')
  })

  it('registers the AWS keys and the token-request token from the environment', () => {
    addEnvSecrets({
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLE',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-value',
      AWS_REGION: 'us-east-1'
    })
    expect(
      redact(
        'AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY IQoJb3JpZ2luX2VjEXAMPLE request-token-value us-east-1'
      )
    ).toBe('*** *** *** *** us-east-1')
  })
})
