/**
 * Helpers for the kiosk browser tests: the running stack (from the e2e harness), the simulator's
 * door control, the kiosk set-up in the browser, a QR code as a fake camera (Y4M), and the
 * one-time recovery code read from the server's notification outbox.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import pg from 'pg';
import QRCode from 'qrcode';
import { harnessEnvSync } from '../src/env';

/** What the kiosk tests need from the running stack. */
export interface KioskStack {
  /** Origin of the server, which serves the kiosk at /kiosk/ and the API at /graphql. */
  baseURL: string;
  kioskToken: string;
  siteId: string;
  /** The simulator's control API (POST /doors/<unit>/<input>/open|close). */
  simControlUrl: string;
  /** The run's database; null when the server embeds PostgreSQL (no local one). */
  databaseUrl: string | null;
  adminEmail: string;
  adminPassword: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = resolve(here, '../artifacts');

/** Chromium from Debian with the harness's flags, for the test that must start its own (camera). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

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
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
    return result.violations;
  });
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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
        localStorage.setItem('lockers.kiosk.config', JSON.stringify({ token, siteId, idleSeconds: Number(idle) }));
    },
    [stack.kioskToken, stack.siteId, String(idleSeconds)] as const,
  );
  await page.goto(`${stack.baseURL}/kiosk/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
}

/** Seed layout: bank A is Modbus unit 1, bank B unit 2; door input = number - 1 (A01 -> 0). */
export function doorOf(label: string): { unit: number; input: number } {
  const m = /^([A-Z])(\d+)$/.exec(label);
  if (!m) throw new Error(`unexpected compartment label ${label}`);
  return { unit: m[1]!.charCodeAt(0) - 64, input: Number(m[2]) - 1 };
}

/** Opens or closes a door on the simulated relay board, as a person at the locker would. */
export async function door(stack: KioskStack, label: string, action: 'open' | 'close'): Promise<void> {
  const { unit, input } = doorOf(label);
  const res = await fetch(`${stack.simControlUrl}/doors/${unit}/${input}/${action}`, { method: 'POST' });
  if (!res.ok) throw new Error(`simulator ${action} ${label}: ${res.status} ${await res.text()}`);
}

/** The compartment label the kiosk shows in big letters. */
export async function shownLocker(page: Page): Promise<string> {
  const label = page.locator('.locker-id');
  await expect(label).toBeVisible({ timeout: 15_000 });
  return (await label.textContent())?.trim() ?? '';
}

/**
 * Waits until the gateway has pulsed the lock of `label` (a pulse that started at or after
 * `since`, epoch ms). Opening the door by hand before that would race the simulated spring,
 * which pops the door open a moment after the pulse.
 */
export async function waitForPulse(stack: KioskStack, label: string, since: number): Promise<void> {
  const { unit, input } = doorOf(label);
  await expect
    .poll(
      async () => {
        const res = await fetch(`${stack.simControlUrl}/pulses?since=${since}`);
        const pulses = (await res.json()) as { unitId: number; coil: number }[];
        return pulses.some((p) => p.unitId === unit && p.coil === input);
      },
      { timeout: 15_000, message: `no pulse on ${label}` },
    )
    .toBe(true);
}

/**
 * Walks the door of `label` open and shut after its unlock pulse (sent at or after `since`),
 * checking what the kiosk says while it is open.
 */
export async function useDoor(page: Page, stack: KioskStack, label: string, name: string, since: number): Promise<void> {
  await waitForPulse(stack, label, since);
  await door(stack, label, 'open'); // already open if the lock sprang it; a no-op then
  await expect(page.getByRole('heading', { level: 1, name: 'Door open' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/then close the door\./)).toBeVisible();
  await shot(page, `${name}-door-open`);
  await door(stack, label, 'close');
}

/** Scans a code through the API with the kiosk token, as if at the kiosk. */
export async function scanByApi(stack: KioskStack, payload: string): Promise<{ outcome: string; label: string | null }> {
  const res = await fetch(`${stack.baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.kioskToken}` },
    body: JSON.stringify({
      query: 'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { label } } }',
      variables: { s: stack.siteId, p: payload },
    }),
  });
  const body = (await res.json()) as { data?: { scanAccessCode: { outcome: string; compartment: { label: string } | null } }; errors?: unknown };
  if (!body.data) throw new Error(`scanAccessCode failed: ${JSON.stringify(body.errors)}`);
  return { outcome: body.data.scanAccessCode.outcome, label: body.data.scanAccessCode.compartment?.label ?? null };
}

/** Waits until the server reports the door of `label` as `state`, read as the kiosk reads it. */
export async function waitForDoorState(stack: KioskStack, label: string, state: 'OPEN' | 'CLOSED'): Promise<void> {
  await expect
    .poll(
      async () => {
        const data = await kioskQuery<{ site: { compartments: { label: string; doorState: string }[] } }>(
          stack,
          `{ site(id: "${stack.siteId}") { compartments { label doorState } } }`,
        );
        return data.site.compartments.find((c) => c.label === label)?.doorState;
      },
      { timeout: 15_000 },
    )
    .toBe(state);
}

/** Waits until the session of `payload` has `status` (sessionByAccessCode, the public read). */
export async function waitForStatus(stack: KioskStack, payload: string, status: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await kioskQuery<{ sessionByAccessCode: { status: string } | null }>(
            stack,
            'query($s: ID!, $p: String!) { sessionByAccessCode(siteId: $s, payload: $p) { status } }',
            { s: stack.siteId, p: payload },
          )
        ).sessionByAccessCode?.status,
      { timeout: 15_000 },
    )
    .toBe(status);
}

async function kioskQuery<T>(stack: KioskStack, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return graphql<T>(stack, stack.kioskToken, query, variables);
}

/** One GraphQL request with a bearer token (or none); throws on errors. */
export async function graphql<T>(stack: KioskStack, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${stack.baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A staff token for set-up steps a test needs (the seed's admin). */
export async function adminToken(stack: KioskStack): Promise<string> {
  const data = await graphql<{ login: { token: string } }>(
    stack,
    null,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: stack.adminEmail, p: stack.adminPassword },
  );
  return data.login.token;
}

/**
 * Takes the luggage out again so the next spec finds the locker free: a retrieval scan through
 * the API, then the door opened and closed at the simulator once the unlock pulse came.
 */
export async function emptyLocker(stack: KioskStack, payload: string, label: string): Promise<void> {
  const since = Date.now();
  const { outcome } = await scanByApi(stack, payload);
  expect(outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
  await waitForPulse(stack, label, since);
  await door(stack, label, 'open');
  await waitForDoorState(stack, label, 'OPEN');
  await door(stack, label, 'close');
  await waitForStatus(stack, payload, 'COMPLETED');
}

/** Stores luggage without the browser (issue, scan, door open and shut): for tests that start later. */
export async function depositByApi(stack: KioskStack, size: string): Promise<{ payload: string; label: string }> {
  const payload = await issueCode(stack, size);
  const since = Date.now();
  const { outcome, label } = await scanByApi(stack, payload);
  expect(outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  await waitForPulse(stack, label!, since);
  await door(stack, label!, 'open');
  await waitForDoorState(stack, label!, 'OPEN');
  await door(stack, label!, 'close');
  await waitForStatus(stack, payload, 'STORED');
  return { payload, label: label! };
}

/** Types a code the way a keyboard-wedge scanner does: fast keys, then Enter. */
export async function hardwareScan(page: Page, payload: string): Promise<void> {
  await page.keyboard.type(payload, { delay: 3 });
  await page.keyboard.press('Enter');
}

/** Issues an access code straight through the API with the kiosk token (for the camera test). */
export async function issueCode(stack: KioskStack, size: string): Promise<string> {
  const res = await fetch(`${stack.baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.kioskToken}` },
    body: JSON.stringify({
      query: 'mutation($siteId: ID!, $size: CompartmentSize!) { issueAccessCode(siteId: $siteId, size: $size) { code { payload } } }',
      variables: { siteId: stack.siteId, size },
    }),
  });
  const body = (await res.json()) as { data?: { issueAccessCode: { code: { payload: string } } }; errors?: unknown };
  if (!body.data) throw new Error(`issueAccessCode failed: ${JSON.stringify(body.errors)}`);
  return body.data.issueAccessCode.code.payload;
}

/**
 * Writes a Y4M video (what Chromium's fake camera plays) showing the QR code of `payload`:
 * a header line, then per frame "FRAME\n" and the raw I420 planes (luma = the code, chroma grey).
 */
export async function qrVideo(payload: string, file: string, width = 640, height = 480, frames = 10): Promise<string> {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (n + 2 * quiet));
  const left = Math.floor((width - n * scale) / 2);
  const top = Math.floor((height - n * scale) / 2);
  const y = Buffer.alloc(width * height, 235); // white
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(row, col))
        for (let dy = 0; dy < scale; dy++) y.fill(16, (top + row * scale + dy) * width + left + col * scale, (top + row * scale + dy) * width + left + (col + 1) * scale);
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
  return file;
}

/**
 * Reads the one-time recovery code sent to `recipient` from the server's notification outbox.
 * The dispatcher clears the body of a sensitive message once delivered, so a trigger installed by
 * `captureNotifications` keeps a copy of each new row for the test.
 */
export async function captureNotifications(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`
      create table if not exists e2e_notification_copy (recipient text not null, body text, created_at timestamptz not null default now());
      create or replace function e2e_copy_notification() returns trigger language plpgsql as $$
      begin insert into e2e_notification_copy (recipient, body) values (new.recipient, new.body); return new; end $$;
      drop trigger if exists e2e_copy_notification on notification;
      create trigger e2e_copy_notification after insert on notification for each row execute function e2e_copy_notification();
    `);
  } finally {
    await client.end();
  }
}

/** The newest one-time code sent to `recipient` (the body says "Your one-time code is 123456."). */
export async function oneTimeCodeFor(databaseUrl: string, recipient: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query<{ body: string | null; created_at: Date }>(
        `select body, created_at from notification where recipient = $1 and body is not null
         union all select body, created_at from e2e_notification_copy where recipient = $1 and body is not null
         order by created_at desc`,
        [recipient],
      );
      const code = rows.map((r) => /code is ([A-Za-z0-9-]+)/.exec(r.body ?? '')?.[1]).find(Boolean);
      if (code) return code;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no one-time code for ${recipient}`);
  } finally {
    await client.end();
  }
}

/** The stack the e2e harness started (src/global-setup.ts), in the shape these tests use. */
export function kioskStack(): KioskStack {
  const env = harnessEnvSync();
  return {
    baseURL: env.baseUrl.replace(/\/$/, ''),
    kioskToken: env.kioskToken,
    siteId: env.siteId,
    simControlUrl: env.simControlUrl.replace(/\/$/, ''),
    databaseUrl: env.databaseUrl,
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
