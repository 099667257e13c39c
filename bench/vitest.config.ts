import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The smoke run starts real servers, databases and socket swarms.
    // ~2-3 minutes on two quiet cores; more while other suites share them.
    testTimeout: 420_000,
  },
});
