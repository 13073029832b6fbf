import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One process per worker, not per file: a fresh fork per file cost ~12 s of a 43 s run. Test
    // files restore the environment they change; `--sequence.shuffle.files` checks that.
    isolate: false,
    reporters: ['default']
  }
})
