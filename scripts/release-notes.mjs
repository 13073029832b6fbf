// Print the CHANGELOG.md section of a release tag, for the GitHub release's notes.
// Usage: node scripts/release-notes.mjs vX.Y.Z [--changelog FILE] [--package FILE]
// Fails (exit 1, one line naming what is wrong) unless the tag is vX.Y.Z, package.json has version
// X.Y.Z, and the changelog has a dated, non-empty `## [X.Y.Z] - YYYY-MM-DD` section.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

/**
 * The body of the `## [version]` section of a Keep a Changelog file, without its heading and the
 * link definitions at the end of the file.
 * @param {string} changelog
 * @param {string} version
 * @returns {string}
 */
export function releaseNotes(changelog, version) {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n')
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`))
  if (start < 0) throw new Error(`CHANGELOG has no "## [${version}]" section`)
  const heading = lines[start]
  if (
    !new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`).test(heading)
  ) {
    throw new Error(
      `CHANGELOG heading "${heading}" needs the release date: "## [${version}] - YYYY-MM-DD"`
    )
  }
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l))
  if (end < 0) end = lines.length
  const body = lines.slice(start + 1, end)
  // Link definitions (`[1.0.0]: https://…`) close the file; they belong to no section.
  while (body.length > 0 && /^(\s*|\[[^\]]+\]: \S+)$/.test(body.at(-1))) body.pop()
  while (body.length > 0 && body[0].trim() === '') body.shift()
  if (body.length === 0) throw new Error(`CHANGELOG section "${heading}" is empty`)
  return `${body.join('\n')}\n`
}

/** @param {string} tag */
export function versionOfTag(tag) {
  const m = /^v(\d+\.\d+\.\d+)$/.exec(tag)
  if (!m) throw new Error(`tag "${tag}" is not a release tag vX.Y.Z`)
  return m[1]
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      changelog: { type: 'string', default: 'CHANGELOG.md' },
      package: { type: 'string', default: 'package.json' }
    }
  })
  if (positionals.length !== 1) throw new Error('usage: release-notes.mjs vX.Y.Z')
  const version = versionOfTag(positionals[0])
  const pkg = JSON.parse(readFileSync(values.package, 'utf8'))
  if (pkg.version !== version) {
    throw new Error(`${values.package} has version ${pkg.version}, the tag says ${version}`)
  }
  process.stdout.write(releaseNotes(readFileSync(values.changelog, 'utf8'), version))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main()
  } catch (e) {
    console.error(`release-notes: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  }
}
