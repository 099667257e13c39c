// Served by the server at /admin/; in dev, /graphql (HTTP and WebSocket), /reports and /exports go to the server.
import { defineConfig } from 'vitest/config';
import { defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.ADMIN_API_TARGET ?? 'http://127.0.0.1:4000';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  // @lockers/common is read from its TypeScript source (its "source" export): no build step first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    port: 5174,
    proxy: {
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      // The server's CSV exports (bearer token in the Authorization header).
      '/reports': { target: apiTarget, changeOrigin: true },
      '/exports': { target: apiTarget, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
