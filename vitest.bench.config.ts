import { defineConfig } from 'vitest/config';

// `npm run bench` prints figures; nothing here is asserted.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
