// scripts/release-notes.mjs, as the release workflow runs it: the notes of a tag's CHANGELOG section.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './helpers/run-action.js'
import { releaseNotes, versionOfTag } from '../scripts/release-notes.mjs'

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

- Not yet.

## [1.2.0] - 2026-11-20

### Added

- A flag.

### Fixed

- A bug.

## [1.1.0] - 2026-10-01

- Older.

## [1.0.0] - Unreleased

- First.

[Unreleased]: https://github.com/OWNER/route53-ddns/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/OWNER/route53-ddns/compare/v1.1.0...v1.2.0
`

function notes(tag: string, changelog = CHANGELOG, version = tag.replace(/^v/, '')) {
  const dir = mkdtempSync(join(tmpdir(), 'r53-notes-'))
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }))
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts/release-notes.mjs'),
      tag,
      '--changelog',
      join(dir, 'CHANGELOG.md'),
      '--package',
      join(dir, 'package.json')
    ],
    { encoding: 'utf8' }
  )
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('release-notes.mjs', () => {
  it('prints the body of the tag’s section, up to the next section', () => {
    expect(notes('v1.2.0')).toEqual({
      code: 0,
      stdout: '### Added\n\n- A flag.\n\n### Fixed\n\n- A bug.\n',
      stderr: ''
    })
    expect(releaseNotes(CHANGELOG, '1.1.0')).toBe('- Older.\n')
  })

  it('leaves out the link definitions that close the file', () => {
    const last = CHANGELOG.replace(
      '## [1.1.0] - 2026-10-01\n\n- Older.\n\n## [1.0.0] - Unreleased\n\n- First.\n',
      ''
    )
    expect(last).not.toContain('1.1.0] -')
    expect(releaseNotes(last, '1.2.0')).toBe('### Added\n\n- A flag.\n\n### Fixed\n\n- A bug.\n')
  })

  it.each([
    ['1.2.0', 'tag "1.2.0" is not a release tag vX.Y.Z'],
    ['v1.2', 'tag "v1.2" is not a release tag vX.Y.Z'],
    ['v1.2.0-rc.1', 'tag "v1.2.0-rc.1" is not a release tag vX.Y.Z']
  ])('refuses the tag %s', (tag, message) => {
    expect(() => versionOfTag(tag)).toThrow(message)
  })

  it.each([
    ['1.3.0', CHANGELOG, 'CHANGELOG has no "## [1.3.0]" section'],
    ['1.0.0', CHANGELOG, 'CHANGELOG heading "## [1.0.0] - Unreleased" needs the release date'],
    [
      '1.2.0',
      '## [1.2.0] - 2026-11-20\n\n## [1.1.0] - 2026-10-01\n- x\n',
      'CHANGELOG section "## [1.2.0] - 2026-11-20" is empty'
    ]
  ])('refuses version %s without a dated, non-empty section', (version, changelog, message) => {
    expect(() => releaseNotes(changelog, version)).toThrow(message)
  })

  it('refuses a tag that package.json does not match', () => {
    const r = notes('v1.2.0', CHANGELOG, '1.1.0')
    expect(r).toMatchObject({ code: 1, stdout: '' })
    expect(r.stderr).toContain('has version 1.1.0, the tag says 1.2.0')
  })
})
