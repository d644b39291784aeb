import { defineConfig } from 'vitest/config';

// `npm run bench` prints figures; nothing here is asserted. One file at a
// time, so the engine's timings and Chromium's do not share the two cores;
// `--expose-gc` lets the engine's memory be read after a full collection.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 900_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    pool: 'forks',
    execArgv: ['--expose-gc'],
  },
});
