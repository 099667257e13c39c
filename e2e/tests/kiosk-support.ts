/**
 * Helpers for the kiosk browser tests: the running stack as a fixture (from the e2e harness),
 * the kiosk set-up in the browser, screenshots, axe, and the scanner and door steps on a page.
 * kiosk-api.ts (GraphQL, simulator), kiosk-inputs.ts (camera video, one-time code) and the
 * run's mailbox (../src/mail.ts) are re-exported, so specs import from here only.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { harnessEnvSync } from '../src/env';
import { door, waitForPulse } from './kiosk-api';

export * from './kiosk-api';
export * from './kiosk-inputs';
export { receivedMail, waitForMail, type ReceivedMail } from '../src/mail';

/** What the kiosk tests need from the running stack. */
export interface KioskStack {
  /** Origin of the server, which serves the kiosk at /kiosk/ and the API at /graphql. */
  baseURL: string;
  kioskToken: string;
  siteId: string;
  /** The simulator's control API (POST /doors/<unit>/<input>/open|close). */
  simControlUrl: string;
  adminEmail: string;
  adminPassword: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = resolve(here, '../artifacts');

export { CHROMIUM } from '../src/chromium.js';

// axe-core is a dev dependency of kiosk-web (the app it checks), resolved from there.
const fromKiosk = createRequire(resolve(here, '../../kiosk-web/package.json'));
const AXE = fromKiosk.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe (WCAG 2.x A and AA, contrast included) on the current screen; returns readable violations. */
export async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations;
  });
  return found.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Fails the test when the current screen has axe violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await violations(page), `axe on ${screen}`).toEqual([]);
}

/** Saves a screenshot of the current screen as e2e/artifacts/kiosk-<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `kiosk-${name}.png`), fullPage: true });
}

/** Sets the kiosk up as an operator would (token and site in localStorage) and opens it. */
export async function openKiosk(page: Page, stack: KioskStack, idleSeconds = 600): Promise<void> {
  await page.addInitScript(
    ([token, siteId, idle]) => {
      if (!localStorage.getItem('lockers.kiosk.config'))
        localStorage.setItem(
          'lockers.kiosk.config',
          JSON.stringify({ token, siteId, idleSeconds: Number(idle) }),
        );
    },
    [stack.kioskToken, stack.siteId, String(idleSeconds)] as const,
  );
  await page.goto(`${stack.baseURL}/kiosk/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
}

/** The compartment label the kiosk shows in big letters. */
export async function shownLocker(page: Page): Promise<string> {
  const label = page.locator('.locker-id');
  await expect(label).toBeVisible({ timeout: 15_000 });
  return (await label.textContent())?.trim() ?? '';
}

/**
 * Walks the door of `label` open and shut after its unlock pulse (sent at or after `since`),
 * checking what the kiosk says while it is open.
 */
export async function useDoor(
  page: Page,
  stack: KioskStack,
  label: string,
  name: string,
  since: number,
): Promise<void> {
  await waitForPulse(stack, label, since);
  await door(stack, label, 'open'); // already open if the lock sprang it; a no-op then
  await expect(page.getByRole('heading', { level: 1, name: 'Door open' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/then close the door\./)).toBeVisible();
  await shot(page, `${name}-door-open`);
  await door(stack, label, 'close');
}

/** Types a code the way a keyboard-wedge scanner does: fast keys, then Enter. */
export async function hardwareScan(page: Page, payload: string): Promise<void> {
  await page.keyboard.type(payload, { delay: 3 });
  await page.keyboard.press('Enter');
}

/** The stack the e2e harness started (src/global-setup.ts), in the shape these tests use. */
export function kioskStack(): KioskStack {
  const env = harnessEnvSync();
  return {
    baseURL: env.baseUrl.replace(/\/$/, ''),
    kioskToken: env.kioskToken,
    siteId: env.siteId,
    simControlUrl: env.simControlUrl.replace(/\/$/, ''),
    adminEmail: env.adminEmail,
    adminPassword: env.adminPassword,
  };
}

/** Playwright's test with the running stack as a fixture. */
export const test = base.extend<{ stack: KioskStack }>({
  // eslint-disable-next-line no-empty-pattern
  stack: async ({}, use) => {
    await use(kioskStack());
  },
});
export { expect };
