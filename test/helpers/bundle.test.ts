import { afterEach, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { missingBundle } from './bundle.js'
import { ROOT } from './run-action.js'

afterEach(() => vi.restoreAllMocks())

describe('missingBundle (the e2e suites’ skip rule)', () => {
  const absent = join(ROOT, 'dist/no-such-bundle.js')

  it('runs the suite when the bundle exists', () => {
    expect(missingBundle(join(ROOT, 'package.json'), { CI: 'true' })).toBe(false)
  })

  it('skips locally, saying why', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(missingBundle(absent, {})).toBe(true)
    expect(missingBundle(absent, { CI: 'false' })).toBe(true)
    expect(warn).toHaveBeenCalledWith(
      'skipped: dist/no-such-bundle.js is missing (build it with npm run package)'
    )
  })

  it('fails in CI: a missing bundle is an error there, not a pass', () => {
    expect(() => missingBundle(absent, { CI: 'true' })).toThrow(
      'dist/no-such-bundle.js is missing (build it with npm run package): in CI a missing bundle is an error'
    )
  })
})
