import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports": make every import load the same copy.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
