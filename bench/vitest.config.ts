import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The smoke run starts real servers, databases and socket swarms.
    testTimeout: 180_000,
  },
});
