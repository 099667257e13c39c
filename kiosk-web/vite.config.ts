import { defineConfig } from 'vitest/config';
import { defaultClientConditions } from 'vite';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// Served by the server under /kiosk/; the dev server forwards the API (HTTP and WebSocket).
export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  // Sent with every API call (x-client-version): operators see which kiosk runs which version.
  define: { __KIOSK_VERSION__: JSON.stringify(version) },
  // @lockers/common is read from its TypeScript source (its "source" export): no build step first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // One kiosk bundle loaded once from the local server; splitting would only add requests.
  build: { chunkSizeWarningLimit: 1000 },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true, changeOrigin: true },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
