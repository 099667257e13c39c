// The admin dashboard in a real Chromium against the real server, gateway and simulator
// (started by the e2e harness). An operator watches a deposit made through the API appear
// live, acknowledges a forced door, regenerates a code (the old one is refused), opens a
// compartment remotely (the simulator pulses it), and a VIEWER is not offered any action.
import { expect, test, type Page } from '@playwright/test';
import type { HarnessEnv } from '../src/env.js';
import {
  adminToken as loginAdmin,
  adminUrl,
  codeOf,
  gql,
  LOGIN,
  modbusOf,
  pulsed,
  shot,
  signIn,
  sim,
  stack,
} from './admin-support.js';

let env: HarnessEnv;

const ISSUE = `mutation($siteId: ID!, $size: CompartmentSize!) {
  issueAccessCode(siteId: $siteId, size: $size) { session { id } code { payload } } }`;
const SCAN = `mutation($siteId: ID!, $payload: String!) {
  scanAccessCode(siteId: $siteId, payload: $payload) { outcome compartment { id label } session { id status } } }`;

interface Scan {
  scanAccessCode: {
    outcome: string;
    compartment: { id: string; label: string } | null;
    session: { id: string; status: string } | null;
  };
}

/** A SMALL (free) deposit through the kiosk API, up to the unlock; the door is not touched. */
async function startDeposit() {
  const issued = await gql<{ issueAccessCode: { session: { id: string }; code: { payload: string } } }>(
    env.kioskToken,
    ISSUE,
    {
      siteId: env.siteId,
      size: 'SMALL',
    },
  );
  const payload = issued.issueAccessCode.code.payload;
  const scan = await gql<Scan>(env.kioskToken, SCAN, { siteId: env.siteId, payload });
  expect(scan.scanAccessCode.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  const label = scan.scanAccessCode.compartment!.label;
  const compartmentId = scan.scanAccessCode.compartment!.id;
  return { sessionId: issued.issueAccessCode.session.id, compartmentId, label, payload, ...modbusOf(label) };
}

test.describe.configure({ mode: 'serial' });

test.describe('admin dashboard', () => {
  let page: Page;
  let deposit: Awaited<ReturnType<typeof startDeposit>>;

  let adminToken: string;

  test.beforeAll(async ({ browser }) => {
    env = stack();
    adminToken = await loginAdmin();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('sign-in page and board', async () => {
    await page.goto(adminUrl());
    // A token the server no longer accepts (expired, or from another server) ends on the form.
    await page.evaluate(() => sessionStorage.setItem('lockers.admin.token', 'stale-token'));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Locker operations' })).toBeVisible();
    await shot(page, 'login');
    await signIn(page, env.adminEmail, env.adminPassword);
    await expect(page.getByTestId('compartment-A01')).toBeVisible();
    await expect(page.getByTestId('compartment-B12')).toBeVisible();
    await expect(page.getByTestId('gateway-status').first()).toContainText('Online');
  });

  test('a deposit made through the API appears live on the board', async () => {
    const since = Date.now();
    deposit = await startDeposit();
    const { label, unit, input } = deposit;
    const cell = page.getByTestId(`compartment-${label}`);

    // No reload from here on: every change must arrive over the subscription.
    await expect(cell).toHaveAttribute('data-status', 'RESERVED');
    await expect.poll(() => pulsed(unit, input, since)).toBe(true);
    await sim('POST', `/doors/${unit}/${input}/open`);
    await expect(cell).toHaveAttribute('data-door', 'OPEN');
    await expect(page.getByTestId('door-events')).toContainText(`${label} Opened`);
    await sim('POST', `/doors/${unit}/${input}/close`);
    await expect(cell).toHaveAttribute('data-status', 'OCCUPIED');
    await expect(cell).toHaveAttribute('data-door', 'CLOSED');
    await shot(page, 'board');
  });

  test('an operator acknowledges a forced door, sees why it is out of allocation and records the inspection', async () => {
    const label = 'B12';
    const { unit, input } = modbusOf(label);
    await expect(page.getByTestId('controller-B')).toHaveAttribute('data-state', 'UP');
    await sim('POST', `/doors/${unit}/${input}/force`);
    const alert = page.getByTestId('alert').filter({ hasText: label }).filter({ hasText: 'Door forced' });
    await expect(alert).toBeVisible();
    await shot(page, 'board-alert');
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(alert).toHaveCount(0);
    await sim('POST', `/doors/${unit}/${input}/close`);

    // Nobody's session was in it: it waits for an inspection, and the board says why.
    const cell = page.getByTestId(`compartment-${label}`);
    await expect(cell).toHaveAttribute('data-status', 'NEEDS_INSPECTION');
    await expect(cell).toContainText('door forced open');
    await cell.click();
    const form = page.getByRole('form', { name: 'Record inspection' });
    await expect(form).toContainText('Needs inspection: door forced open');
    await form.getByLabel(/Item found/).check();
    await form.getByRole('button', { name: 'Record inspection' }).click();
    await expect(form.getByText('Say what was found and where it went.')).toBeVisible();
    await form.getByLabel(/^Note/).fill('Umbrella, to lost property LP-7 (e2e)');
    await shot(page, 'board-inspection');
    await form.getByRole('button', { name: 'Record inspection' }).click();
    await expect(cell).toHaveAttribute('data-status', 'AVAILABLE');
    await expect(form).toHaveCount(0);
    const recorded = await gql<{
      site: { compartments: { label: string; inspections: { outcome: string; note: string }[] }[] };
    }>(
      await loginAdmin(),
      'query($id: ID!) { site(id: $id) { compartments { label inspections { outcome note } } } }',
      { id: env.siteId },
    );
    expect(recorded.site.compartments.find((c) => c.label === label)?.inspections[0]).toEqual({
      outcome: 'ITEM_FOUND',
      note: expect.stringContaining('Umbrella, to lost property LP-7 (e2e)'),
    });
    await page.getByRole('button', { name: 'Close compartment details' }).click();
  });

  test('regenerating a code shows a new QR and the old code is refused', async () => {
    await page.goto(adminUrl('sessions', deposit.sessionId));
    await expect(page.getByTestId('session-status')).toHaveText('Stored');
    await page.getByRole('button', { name: 'Regenerate access code' }).click();
    await page.getByLabel(/Reason for/).fill('Customer lost the ticket (e2e)');
    await page.getByRole('button', { name: 'Confirm: Regenerate access code' }).click();
    await expect(page.getByTestId('new-qr')).toBeVisible();
    const newPayload = (await page.getByTestId('new-code-payload').textContent())!;
    expect(newPayload).not.toBe(deposit.payload);
    await shot(page, 'session');

    const old = await gql<Scan>(env.kioskToken, SCAN, { siteId: env.siteId, payload: deposit.payload });
    expect(old.scanAccessCode.outcome).toBe('INVALID_CODE');
    await expect(page.getByTestId('timeline')).toContainText(
      /by .+ — Customer lost the ticket|Customer lost the ticket/,
    );
  });

  test('opening a compartment remotely pulses its lock in the simulator', async () => {
    await page.goto(adminUrl('board'));
    const label = 'A11';
    const { unit, input } = modbusOf(label);
    const since = Date.now();
    await page.getByTestId(`compartment-${label}`).click();
    await page.getByRole('button', { name: 'Open remotely' }).click();
    await page.getByLabel(/Reason for/).fill('Maintenance check (e2e)');
    await page.getByRole('button', { name: 'Confirm: Open remotely' }).click();
    await expect.poll(() => pulsed(unit, input, since)).toBe(true);
    await expect
      .poll(
        async () =>
          (await sim<{ unitId: number; input: number; open: boolean }[]>('GET', '/doors')).find(
            (d) => d.unitId === unit && d.input === input,
          )?.open,
      )
      .toBe(true);
    await expect(page.getByTestId(`compartment-${label}`)).toHaveAttribute('data-door', 'OPEN');
    await sim('POST', `/doors/${unit}/${input}/close`);
    await expect(page.getByTestId(`compartment-${label}`)).toHaveAttribute('data-door', 'CLOSED');
  });

  test('an assistance request arrives live in the queue and is acknowledged', async () => {
    await page.goto(adminUrl('assistance'));
    await expect(page.getByRole('heading', { name: /Assistance requests/ })).toBeVisible();
    const reason = `Door did not open (e2e ${Date.now()})`;
    await gql(
      env.kioskToken,
      'mutation($s: ID!, $r: String!) { requestAssistance(siteId: $s, compartmentLabel: "A03", reason: $r) { id } }',
      {
        s: env.siteId,
        r: reason,
      },
    );
    const item = page.getByTestId('alert').filter({ hasText: reason });
    await expect(item).toBeVisible();
    await shot(page, 'assistance-queue');
    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(item).toContainText('Acknowledged');
  });

  test('out of service and back, from the board', async () => {
    await page.goto(adminUrl('board'));
    const cell = page.getByTestId('compartment-A10');
    await cell.click();
    await page.getByRole('button', { name: 'Mark out of service' }).click();
    await page.getByLabel(/Reason for/).fill('Broken hinge (e2e)');
    await page.getByRole('button', { name: 'Confirm: Mark out of service' }).click();
    await expect(cell).toHaveAttribute('data-status', 'OUT_OF_SERVICE');
    await page.getByRole('button', { name: 'Return to service' }).click();
    await page.getByRole('button', { name: 'Confirm: Return to service' }).click();
    await expect(cell).toHaveAttribute('data-status', 'AVAILABLE');
  });

  test('after a network drop the board reconnects and catches up on what it missed', async () => {
    test.setTimeout(90_000);
    await expect(page.getByTestId('connection-state')).toHaveText('Live');
    // Offline emulation stalls the socket without closing it: the app's ping gets no pong
    // and it reconnects (keep-alive 10 s + 5 s pong timeout).
    await page.context().setOffline(true);
    await expect(page.getByTestId('connection-state')).toHaveText('Reconnecting…', { timeout: 30_000 });

    // While the board cannot hear: a whole deposit happens.
    const since = Date.now();
    const missed = await startDeposit();
    await expect.poll(() => pulsed(missed.unit, missed.input, since)).toBe(true);
    const serverView = async () =>
      (
        await gql<{ session: { status: string; compartment: { doorState: string } } }>(
          adminToken,
          'query($id: ID!) { session(id: $id) { status compartment { doorState } } }',
          { id: missed.sessionId },
        )
      ).session;
    await sim('POST', `/doors/${missed.unit}/${missed.input}/open`);
    // Keep the door open until the gateway has reported it (it polls the inputs).
    await expect.poll(async () => (await serverView()).compartment.doorState).toBe('OPEN');
    await sim('POST', `/doors/${missed.unit}/${missed.input}/close`);
    await expect.poll(async () => (await serverView()).status).toBe('STORED');
    const cell = page.getByTestId(`compartment-${missed.label}`);
    await expect(cell).toHaveAttribute('data-status', 'AVAILABLE');

    await page.context().setOffline(false);
    await expect(page.getByTestId('connection-state')).toHaveText('Live', { timeout: 20_000 });
    // The events were lost with the old socket: only the reconnect snapshot can bring this.
    await expect(cell).toHaveAttribute('data-status', 'OCCUPIED');
    await expect(cell).toHaveAttribute('data-door', 'CLOSED');
    // Leave the compartment free for the specs that follow.
    await gql(
      adminToken,
      'mutation($id: ID!) { endSession(sessionId: $id, reason: "e2e clean-up") { id } }',
      { id: missed.sessionId },
    );
    // Ended by staff without its door cycle: the bag may still be inside, so someone looks first.
    await expect(cell).toHaveAttribute('data-status', 'NEEDS_INSPECTION');
    await gql(
      adminToken,
      'mutation($id: ID!) { recordCompartmentInspection(compartmentId: $id, outcome: EMPTY) { id } }',
      { id: missed.compartmentId },
    );
    await expect(cell).toHaveAttribute('data-status', 'AVAILABLE');
  });

  test('ending a session holds its compartment for an inspection, which frees it', async () => {
    await page.goto(adminUrl('sessions', deposit.sessionId));
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByLabel(/Reason for/).fill('Luggage handed over at the desk (e2e)');
    await page.getByRole('button', { name: 'Confirm: End session' }).click();
    await expect(page.getByTestId('session-status')).toHaveText('Completed');
    await expect(page.getByRole('button', { name: 'End session' })).toHaveCount(0);
    await page.goto(adminUrl('board'));
    const cell = page.getByTestId(`compartment-${deposit.label}`);
    // Ended by hand, not by the depositor's door cycle: nobody is given it until staff have looked.
    await expect(cell).toHaveAttribute('data-status', 'NEEDS_INSPECTION');
    await cell.click();
    const form = page.getByRole('form', { name: 'Record inspection' });
    await form.getByLabel('Empty: back in service').check();
    await form.getByRole('button', { name: 'Record inspection' }).click();
    await expect(cell).toHaveAttribute('data-status', 'AVAILABLE');
  });

  test('screenshots of the other pages', async () => {
    for (const [route, name, ready] of [
      ['sessions', 'sessions', 'Sessions'],
      ['assistance', 'assistance', 'Assistance requests'],
      ['reports', 'reports', 'Reports'],
      ['setup/site', 'setup-site', 'Site settings'],
      ['setup/banks', 'setup-banks', 'Add a locker bank'],
      ['setup/tariffs', 'setup-tariffs', 'Set a tariff'],
      ['setup/devices', 'setup-devices', 'Kiosks and gateways'],
      ['setup/users', 'setup-users', 'Users and roles'],
      ['setup/keys', 'setup-keys', 'API keys'],
    ] as const) {
      await page.goto(adminUrl(route));
      await expect(page.getByRole('heading', { name: ready }).first()).toBeVisible();
      if (route === 'reports')
        await expect(page.getByRole('figure', { name: 'Deposits and retrievals' })).toBeVisible();
      await shot(page, name);
    }
  });

  test('a VIEWER is not offered the actions, and the API refuses them', async ({ browser }) => {
    const email = `viewer-${Date.now()}@example.com`;
    const password = 'viewer-password-1';
    await gql(
      adminToken,
      'mutation($e: String!, $p: String!) { createUser(email: $e, password: $p, role: VIEWER) { id } }',
      { e: email, p: password },
    );

    const viewer = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(viewer, email, password);
    await expect(viewer.getByTestId('role')).toHaveText('viewer');
    await expect(viewer.getByRole('link', { name: 'Set-up' })).toHaveCount(0);
    await viewer.getByTestId('compartment-A11').click();
    await expect(viewer.getByText('Your role can view this compartment but not act on it.')).toBeVisible();
    await shot(viewer, 'viewer-board');
    await expect(viewer.getByRole('button', { name: 'Open remotely' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
    await viewer.goto(adminUrl('sessions', deposit.sessionId));
    await expect(viewer.getByText(/can view sessions but not act on them/)).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Regenerate access code' })).toHaveCount(0);
    await viewer.goto(adminUrl('setup'));
    await expect(viewer.getByText('Set-up is for admins.')).toBeVisible();

    const viewerLogin = await gql<{ login: { token: string } }>(null, LOGIN, { e: email, p: password });
    const board = await gql<{ site: { compartments: { id: string; label: string }[] } }>(
      viewerLogin.login.token,
      'query($id: ID!) { site(id: $id) { compartments { id label } } }',
      { id: env.siteId },
    );
    const a11 = board.site.compartments.find((c) => c.label === 'A11')!;
    const refused = await codeOf(
      gql(
        viewerLogin.login.token,
        'mutation($id: ID!) { operatorOpenCompartment(compartmentId: $id, reason: "viewer tries") { id } }',
        { id: a11.id },
      ),
    );
    expect(refused).toBe('FORBIDDEN');
    await viewer.close();
  });
});
