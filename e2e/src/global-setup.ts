/**
 * Playwright global setup: starts the system under test from built artefacts (it builds
 * nothing: `pnpm test` in e2e/ runs ensure-built.mjs first) on free ports:
 * a fresh database e2e_<random> on the local PostgreSQL (embedded PostgreSQL when there is
 * none), the server (serving /kiosk/ and /admin/), seed-demo, the simulator and a gateway,
 * plus an in-process mail server the server delivers its e-mail to (src/mailbox.ts).
 * Returns the teardown, which stops everything and drops the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import type * as Launch from '@lockers/launcher';
import { ARTIFACTS_DIR, publishHarnessEnv } from './env.js';
import { startMailbox } from './mailbox.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The built launcher, loaded at run time (types from its source, so typecheck needs no build).
const launchModule = path.join(root, 'launcher/dist/index.js');

/** Starts the system; Playwright calls the returned function after the last spec. */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  // One folder per run: runs side by side (several people in one tree) keep their own logs.
  const logs = path.join(
    ARTIFACTS_DIR,
    'logs',
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`,
  );
  // Not under /root: embedded PostgreSQL runs as the postgres user and must enter it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockers-e2e-'));
  fs.chmodSync(dataDir, 0o777);
  const { startStack } = (await import(launchModule)) as typeof Launch;
  const mailbox = await startMailbox(path.join(logs, 'mail.jsonl'));
  const stack = await startStack({
    rootDir: root,
    database: 'scratch',
    dataDir,
    gateway: true,
    output: (name) => ({ file: path.join(logs, `${name}.log`) }),
    serverEnv: {
      SMTP_URL: mailbox.smtpUrl,
      MAIL_FROM: 'Lockers <no-reply@lockers.test>',
      // The job queue's shortest poll: e-mails arrive within about a second.
      QUEUE_POLL_INTERVAL_MS: '500',
      // The webhook spec's receiver listens on loopback, which production refuses.
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    },
    gatewayEnv: { LOG_LEVEL: 'debug' },
  }).catch(async (error: unknown) => {
    await mailbox.stop();
    throw error;
  });
  console.warn(`e2e system up: ${stack.serverUrl} (logs in ${path.relative(process.cwd(), logs)})`);
  publishHarnessEnv({
    baseUrl: stack.serverUrl,
    baseURL: stack.serverUrl,
    graphqlUrl: stack.graphqlUrl,
    siteId: stack.seed.siteId,
    kioskToken: stack.seed.kioskToken,
    kioskId: stack.seed.kioskId,
    gatewayToken: stack.seed.gatewayToken,
    gatewayId: stack.seed.gatewayId,
    adminEmail: stack.seed.adminEmail,
    adminPassword: stack.seed.adminPassword,
    simControlUrl: stack.simControlUrl,
    simEndpoint: stack.simEndpoint,
    databaseUrl: stack.databaseUrl,
    mailUrl: mailbox.httpUrl,
  });
  return async () => {
    await stack.stop();
    await mailbox.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
