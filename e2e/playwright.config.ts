/**
 * E2E: real Chromium (Debian's, never a downloaded one) against the real system, which
 * src/global-setup.ts starts once for all specs on free ports. Specs share that one
 * system, so they run one at a time. Artifacts (screenshots, traces, logs, report) go to
 * e2e/artifacts/.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './src/chromium.js';

export default defineConfig({
  testDir: './tests',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './src/global-setup.ts',
  // Playwright empties this at start: concurrent runs in one tree need E2E_OUTPUT_DIR apart.
  outputDir: process.env.E2E_OUTPUT_DIR ?? './artifacts/test-results',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: './artifacts/report', open: 'never' }]],
  use: {
    // Set by the global setup before the workers start (they re-read this file).
    baseURL: process.env.E2E_BASE_URL,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM,
  },
});
