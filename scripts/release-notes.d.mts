export function releaseNotes(changelog: string, version: string): string
export function versionOfTag(tag: string): string
