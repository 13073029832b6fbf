import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Podman builds and runs the image there: `npm run test:container` (vitest.container.config.ts).
    // The Windows suite under Wine: `npm run test:wine` (vitest.wine.config.ts).
    exclude: ['**/node_modules/**', 'test/container/**', 'test/windows/**/*.wine.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One process per worker, not per file: a fresh fork per file cost ~12 s of a 43 s run. Test
    // files restore the environment they change; `--sequence.shuffle.files` checks that.
    isolate: false,
    // Most test time is waiting on sockets and child processes, not CPU: two workers per core
    // (vitest's default is one fewer than the cores, a single worker on a 2-core machine).
    maxWorkers: availableParallelism() * 2,
    reporters: ['default']
  }
})
