import { defineConfig } from 'vitest/config'

// The container tests (test/container/): podman builds the image and runs it. Minutes, not
// seconds, so they are their own step of .ci/run (`npm run test:container`), not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/container/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One file at a time: the builds share podman's storage.
    fileParallelism: false,
    reporters: ['default']
  }
})
