import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CI-size run starts the real processes and injects faults for about a minute.
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
