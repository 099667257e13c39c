import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports": without this the tests load index.mjs and type-graphql
    // (externalised) loads index.js, and graphql refuses the second copy.
    alias: { graphql: 'graphql/index.js' },
  },
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
