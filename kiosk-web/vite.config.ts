import { defineConfig } from 'vitest/config';
import { defaultClientConditions } from 'vite';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The kiosk's service worker (README, "Loads with no uplink"): precaches the built app shell so
 * a kiosk starts with the server unreachable. Nothing else is cached: the API (/graphql) and the
 * site path always go to the network. `prompt`: a new release waits until the kiosk is at rest
 * (src/app/app-update.ts), so it never reloads under a person's hands.
 */
const serviceWorker = VitePWA({
  strategies: 'generateSW',
  registerType: 'prompt',
  injectRegister: false,
  manifest: false,
  // Only the built app: the dev server and vitest run without a service worker.
  devOptions: { enabled: false },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2,wav,mp3}'],
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/graphql/],
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    // The first install takes the open page at once; later releases wait (registerType above).
    clientsClaim: true,
    // The kiosk is one bundle (see build below): above workbox's default 2 MiB cap it would
    // silently be left out of the precache and the kiosk would not start offline.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  },
});

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// Served by the server under /kiosk/; the dev server forwards the API (HTTP and WebSocket).
export default defineConfig({
  base: '/kiosk/',
  plugins: [react(), ...(process.env.VITEST ? [] : [serviceWorker])],
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
