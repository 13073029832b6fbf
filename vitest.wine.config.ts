import { defineConfig } from 'vitest/config'

// The Windows end-to-end suite (test/windows/*.wine.test.ts): node.exe for win32 under Wine.
// Its own step in .ci/run (`npm run test:wine`), outside `npm test`'s one-minute budget: each
// Windows process starts in seconds under Wine.
export default defineConfig({
  test: {
    include: ['test/windows/**/*.wine.test.ts'],
    globalSetup: ['test/windows/global-teardown.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default']
  }
})
