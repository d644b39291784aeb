import { defineConfig } from 'vitest/config';

// End-to-end specs drive the built dist/ in Debian's Chromium; they share one
// browser and server per file and run files one at a time on this 2-core box.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
