// Site autonomy, the traveller's view: a bag is stored, the server becomes unreachable, the
// kiosk says the lockers are offline and what still works, the code still opens the locker
// (through the gateway's site path on the local network), and once the server is back the
// kiosk is online again and the collection is on the server.
//
// The shared e2e system has no site path, and this spec kills its server: it starts its own
// (server, simulator, gateway with GATEWAY_SITE_PORT) with the launcher, as the harness does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Launch from '@lockers/launcher';
import {
  depositByApi,
  door,
  expect,
  hardwareScan,
  openKiosk,
  shot,
  test,
  waitForPulse,
  waitForStatus,
  type KioskStack,
} from './kiosk-support';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const launchModule = path.join(root, 'launcher/dist/index.js');

let stack: Launch.Stack;
let site: KioskStack;
let sitePathUrl: string;
let dataDir: string;

interface SiteStatus {
  online: boolean;
  pendingEvents: number;
  storedBags: number;
}
const siteStatus = async (): Promise<SiteStatus | null> => {
  try {
    return (await (await fetch(`${sitePathUrl}/site/status`)).json()) as SiteStatus;
  } catch {
    return null;
  }
};

test.use({ viewport: { width: 1080, height: 1920 } });
test.setTimeout(180_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const { startStack, freePort } = (await import(launchModule)) as typeof Launch;
  const sitePort = await freePort();
  sitePathUrl = `http://127.0.0.1:${sitePort}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockers-e2e-site-'));
  fs.chmodSync(dataDir, 0o777);
  const logs = path.join(root, 'e2e/artifacts/logs/site-autonomy');
  fs.mkdirSync(logs, { recursive: true });
  stack = await startStack({
    rootDir: root,
    database: 'scratch',
    dataDir,
    gateway: true,
    output: (name) => ({ file: path.join(logs, `${name}.log`) }),
    gatewayEnv: {
      GATEWAY_SITE_PORT: String(sitePort),
      GATEWAY_SITE_HOST: '127.0.0.1',
      GATEWAY_LINK_BACKOFF_MIN_MS: '100',
      GATEWAY_LINK_BACKOFF_MAX_MS: '500',
    },
  });
  site = {
    baseURL: stack.serverUrl.replace(/\/$/, ''),
    kioskToken: stack.seed.kioskToken,
    siteId: stack.seed.siteId,
    simControlUrl: stack.simControlUrl.replace(/\/$/, ''),
    adminEmail: stack.seed.adminEmail,
    adminPassword: stack.seed.adminPassword,
  };
  await expect.poll(async () => (await siteStatus())?.online, { timeout: 30_000 }).toBe(true);
});

test.afterAll(async () => {
  await stack?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('with the server unreachable, the kiosk says so and a stored bag is still collected', async ({
  page,
}) => {
  const { payload, label } = await depositByApi(site, 'SMALL');
  // the gateway's replica has the bag (from the server's live feed)
  await expect.poll(async () => (await siteStatus())?.storedBags, { timeout: 15_000 }).toBe(1);

  // the kiosk knows where the site path is (set once per kiosk)
  await page.addInitScript((url) => localStorage.setItem('lockers.kiosk.sitePath', url), sitePathUrl);
  await openKiosk(page, site);
  const banner = page.getByText('The lockers are offline.');
  await expect(banner).toBeHidden();

  // the site loses the server
  await stack.replicas[0]!.kill();
  await expect.poll(async () => (await siteStatus())?.online, { timeout: 15_000 }).toBe(false);
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Collecting a bag that is paid for still works/)).toBeVisible();
  await shot(page, 'offline-banner');

  // the traveller scans their code: the locker opens through the site path
  const since = Date.now();
  await hardwareScan(page, payload);
  await expect(page.getByTestId('site-answer')).toContainText(
    `Locker ${label} is open. Take your luggage and close the door.`,
  );
  await waitForPulse(site, label, since);
  await door(site, label, 'open'); // already open if the lock sprang it
  await shot(page, 'offline-collected');
  await door(site, label, 'close');
  expect((await siteStatus())?.pendingEvents).toBe(1);

  // the same code opens nothing more while offline
  await page.getByRole('button', { name: 'Done' }).click();
  await hardwareScan(page, payload);
  await expect(page.getByTestId('site-answer')).toContainText(
    'This locker was already opened with this code.',
  );
  await page.getByRole('button', { name: 'Done' }).click();

  // the server is back: the kiosk is online again, and the collection reached the server once
  await stack.replicas[0]!.start();
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect.poll(async () => (await siteStatus())?.pendingEvents, { timeout: 30_000 }).toBe(0);
  await waitForStatus(site, payload, 'COMPLETED');
  await shot(page, 'back-online');
});

test('offline, a free size is stored with a code the site issues; the server has the bag once back', async ({
  page,
}) => {
  await page.addInitScript((url) => localStorage.setItem('lockers.kiosk.sitePath', url), sitePathUrl);
  await openKiosk(page, site);
  await stack.replicas[0]!.kill();
  await expect.poll(async () => (await siteStatus())?.online, { timeout: 15_000 }).toBe(false);

  // the start screen offers storing in a free size; paid sizes wait for the connection
  const store = page.getByRole('button', { name: /Store luggage/ });
  await expect(store).toContainText('Offline: free sizes only', { timeout: 30_000 });
  await store.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Store luggage while offline' })).toBeVisible();
  await expect(
    page.getByText('Sizes that are paid for wait until the lockers are back online.'),
  ).toBeVisible();
  await expect(page.locator('[data-size="MEDIUM"]')).toHaveCount(0);
  await shot(page, 'offline-deposit-waiting');

  // the site takes deposits once the server can no longer allocate behind it
  const small = page.locator('[data-size="SMALL"]');
  await expect(small).toBeEnabled({ timeout: 60_000 });
  await expect(small).toContainText('Free of charge');
  await shot(page, 'offline-deposit-sizes');
  const since = Date.now();
  await small.click();
  await expect(page.getByTestId('site-deposit-ticket')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('img', { name: 'Your code' })).toBeVisible();
  await expect(page.getByText('Keep this code: it opens your locker.')).toBeVisible();
  const label = (await page.getByTestId('site-deposit-locker').textContent())!.trim();
  const code = (await page.getByTestId('site-deposit-code').textContent())!.replace(/\s+/g, '');
  expect(code).toMatch(/^LS1:[A-Z2-7]{32}$/);
  await shot(page, 'offline-deposit-ticket');
  await waitForPulse(site, label, since);
  await door(site, label, 'open');
  await door(site, label, 'close');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect.poll(async () => (await siteStatus())?.pendingEvents, { timeout: 10_000 }).toBe(1);

  // back online: the deposit is a session on the server, stored, and the site's code finds it
  await stack.replicas[0]!.start();
  await expect(page.getByText('The lockers are offline.')).toBeHidden({ timeout: 30_000 });
  await expect.poll(async () => (await siteStatus())?.pendingEvents, { timeout: 30_000 }).toBe(0);
  await waitForStatus(site, code, 'STORED');
});
