import { defineConfig } from 'vitest/config';

// Vite's default server conditions, with @lockers/common's "source" export first.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports": without this the tests load index.mjs and type-graphql
    // (externalised) loads index.js, and graphql refuses the second copy.
    alias: { graphql: 'graphql/index.js' },
    // @lockers/common from its TypeScript source (its "source" export), as the apps read it
    conditions: conditions,
  },
  ssr: { resolve: { conditions: conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/global-setup.ts'],
    // each file gets its own database; files run in parallel on separate databases
    fileParallelism: true,
    maxWorkers: 2,
  },
});
