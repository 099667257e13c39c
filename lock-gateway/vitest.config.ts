import { defineConfig } from 'vitest/config';

// Vite's default server conditions, with the workspace packages' "source" export first.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports": make every import load the same copy.
    alias: { graphql: 'graphql/index.js' },
    // @lockers/launcher from its TypeScript source: no build step first.
    conditions,
  },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
