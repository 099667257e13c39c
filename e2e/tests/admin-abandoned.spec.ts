// An abandoned bag on the admin session page: the clock marks it, staff record its removal to
// lost property (the compartment then needs an inspection), then a claim with its code after
// payment, or a disposal; each step shows on the page.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import {
  adminToken as loginAdmin,
  adminUrl,
  gql,
  issueCode,
  modbusOf,
  pulsed,
  shot,
  signIn,
  sim,
  stack,
} from './admin-support.js';

test.describe.configure({ mode: 'serial' });

const SCAN = `mutation($siteId: ID!, $payload: String!) { scanAccessCode(siteId: $siteId, payload: $payload) { outcome compartment { label } } }`;
const VIEW =
  'query($id: ID!) { session(id: $id) { status abandonment { abandonedAt } compartment { label status doorState } } }';

interface View {
  status: string;
  abandonment: { abandonedAt: string } | null;
  compartment: { label: string; status: string; doorState: string } | null;
}

/** A SMALL deposit through the kiosk API and the simulator's door. */
async function deposit(token: string): Promise<{ sessionId: string; payload: string; label: string }> {
  const env = stack();
  const { sessionId, payload } = await issueCode();
  const since = Date.now();
  const r = await gql<{ scanAccessCode: { outcome: string; compartment: { label: string } } }>(
    env.kioskToken,
    SCAN,
    { siteId: env.siteId, payload },
  );
  expect(r.scanAccessCode.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  const label = r.scanAccessCode.compartment.label;
  const { unit, input } = modbusOf(label);
  await expect.poll(() => pulsed(unit, input, since)).toBe(true);
  const view = async () => (await gql<{ session: View }>(token, VIEW, { id: sessionId })).session;
  await sim('POST', `/doors/${unit}/${input}/open`);
  await expect.poll(async () => (await view()).compartment?.doorState).toBe('OPEN');
  await sim('POST', `/doors/${unit}/${input}/close`);
  await expect.poll(async () => (await view()).status).toBe('STORED');
  return { sessionId, payload, label };
}

/** The bag was left: its storage ended ten days ago (past the site's 7-day retention). */
function leaveForTenDays(sessionId: string): void {
  execFileSync('psql', [
    stack().databaseUrl!,
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    `update storage_session set deposited_at = now() - interval '10 days 4 hours', due_at = now() - interval '10 days' where id = '${sessionId}'`,
  ]);
}

test.describe('admin: abandoned bags', () => {
  let page: Page;
  let token: string;

  test.skip(() => stack().databaseUrl === null, 'needs the harness database to age a session');

  test.beforeAll(async ({ browser }) => {
    token = await loginAdmin();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, stack().adminEmail, stack().adminPassword);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('marked abandoned by the clock; removal, then a claim with the code after payment', async () => {
    const a = await deposit(token);
    leaveForTenDays(a.sessionId);
    await expect
      .poll(
        async () =>
          (await gql<{ session: View }>(token, VIEW, { id: a.sessionId })).session.abandonment !== null,
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.goto(adminUrl('sessions', a.sessionId));
    const panel = page.getByTestId('abandonment');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('abandoned-flag')).toBeVisible();
    await expect(panel.getByTestId('abandonment-removed')).toHaveText('Still in its compartment');

    await panel.getByRole('button', { name: 'Record removal' }).click();
    const form = panel.getByRole('form', { name: 'Record removal' });
    await form.getByLabel('Where it went').fill('Station lost property');
    await form.getByLabel('Lost-property reference').fill('LP-77');
    await form.getByRole('button', { name: 'Confirm: Record removal' }).click();
    await expect(panel.getByTestId('abandonment-removed')).toContainText(
      'to Station lost property (lost property LP-77)',
    );
    await shot(page, 'session-abandoned-removed');
    const compartment = await gql<{ site: { compartments: { label: string; status: string }[] } }>(
      token,
      'query($s: ID!) { site(id: $s) { compartments { label status } } }',
      { s: stack().siteId },
    );
    expect(compartment.site.compartments.find((c) => c.label === a.label)?.status).toBe('NEEDS_INSPECTION');
    const rescan = await gql<{ scanAccessCode: { outcome: string; compartment: null } }>(
      stack().kioskToken,
      SCAN,
      { siteId: stack().siteId, payload: a.payload },
    );
    expect(rescan.scanAccessCode).toEqual({ outcome: 'COLLECT_FROM_STAFF', compartment: null });

    // ten days overdue: the fee is due before the bag is handed back
    await panel.getByRole('button', { name: 'Record claim' }).click();
    const claim = panel.getByRole('form', { name: 'Record claim' });
    await claim.getByLabel('Access code (or leave empty)').fill(a.payload);
    await claim.getByRole('button', { name: 'Confirm: Record claim' }).click();
    await expect(claim.getByRole('alert')).toContainText('is still due');
    const payment = await gql<{ createPayment: { id: string } }>(
      token,
      'mutation($id: ID!) { createPayment(sessionId: $id) { id } }',
      { id: a.sessionId },
    );
    await gql(
      token,
      'mutation($id: ID!) { confirmDemoPayment(paymentId: $id, outcome: APPROVE) { status } }',
      { id: payment.createPayment.id },
    );
    await claim.getByRole('button', { name: 'Confirm: Record claim' }).click();
    await expect(panel.getByTestId('abandonment-claimed')).toBeVisible();
    await expect(page.getByTestId('session-status')).toHaveText(/completed/i);
    await shot(page, 'session-abandoned-claimed');
  });

  test('a removed bag disposed of', async () => {
    const b = await deposit(token);
    leaveForTenDays(b.sessionId);
    await expect
      .poll(
        async () =>
          (await gql<{ session: View }>(token, VIEW, { id: b.sessionId })).session.abandonment !== null,
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.goto(adminUrl('sessions', b.sessionId));
    const panel = page.getByTestId('abandonment');
    await panel.getByRole('button', { name: 'Record removal' }).click();
    const form = panel.getByRole('form', { name: 'Record removal' });
    await form.getByLabel('Where it went').fill('Station lost property');
    await form.getByLabel('Lost-property reference').fill('LP-78');
    await form.getByRole('button', { name: 'Confirm: Record removal' }).click();
    await panel.getByRole('button', { name: 'Record disposal' }).click();
    const dispose = panel.getByRole('form', { name: 'Record disposal' });
    await dispose.getByLabel('How it was disposed of').fill('donated to charity');
    await dispose.getByRole('button', { name: 'Confirm: Record disposal' }).click();
    await expect(panel.getByTestId('abandonment-disposed')).toContainText('donated to charity');
    await expect(page.getByTestId('session-status')).toHaveText(/completed/i);
    await shot(page, 'session-abandoned-disposed');
  });
});
