// What the dashboard now takes from the server instead of guessing: the relay addressing of
// existing compartments (and the bulk-add form refusing coils and inputs already wired),
// refunds of captured payments, and the alert sound switch remembered across reloads.
import { expect, test, type Page } from '@playwright/test';
import { adminToken as loginAdmin, adminUrl, gql, shot, signIn, stack } from './admin-support.js';

test.describe.configure({ mode: 'serial' });

test.describe('admin addressing, refunds and alert sound', () => {
  let page: Page;
  let adminToken: string;

  test.beforeAll(async ({ browser }) => {
    adminToken = await loginAdmin();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, stack().adminEmail, stack().adminPassword);
    await page.getByRole('combobox', { name: 'Site', exact: true }).selectOption(stack().siteId);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('set-up shows existing addressing and bulk-add refuses coils and inputs already wired', async () => {
    await page.goto(adminUrl('setup', 'banks'));
    await page.getByText(/^(Bank )?A: 12 compartments/).click();
    const bankA = page.getByRole('table', { name: /^Addressing of (Bank )?A$/ });
    // Demo wiring: A07 is unit 1, coil 6, door input 6 on the simulator.
    const cells = bankA.getByRole('row').filter({ hasText: 'A07' }).getByRole('cell');
    await expect(cells.nth(3)).toHaveText(stack().simEndpoint);
    await expect(cells.nth(4)).toHaveText('1');
    await expect(cells.nth(5)).toHaveText('6');
    await expect(cells.nth(6)).toHaveText('6');
    await shot(page, 'setup-banks-addressing');

    const form = page.getByRole('form', { name: 'Add a locker bank' });
    await form.getByLabel(/^Bank label/).fill('Z');
    await form.getByLabel(/^Modbus endpoint/).fill(stack().simEndpoint);
    await form.getByLabel(/^Unit id/).fill('2');
    await form.getByRole('button', { name: 'Create bank' }).click();
    await expect(form.getByText(/Already wired on unit 2 of this endpoint: coil 0 \(B01\)/)).toBeVisible();
    await expect(form.getByText(/Already wired on unit 2 of this endpoint: input 0 \(B01\)/)).toBeVisible();
    await shot(page, 'setup-banks-clash');
    // Past bank B's coils and inputs on unit 2 the preview is offered again; nothing was sent.
    await form.getByLabel(/^First coil/).fill('12');
    await form.getByLabel(/^First door input/).fill('12');
    await expect(form.getByText(/Preview: 24 compartments, Z01–Z24, coils 12–35/)).toBeVisible();
    const banks = await gql<{ site: { banks: { label: string }[] } }>(
      adminToken,
      'query($id: ID!) { site(id: $id) { banks { label } } }',
      { id: stack().siteId },
    );
    expect(banks.site.banks).toHaveLength(2);
    expect(banks.site.banks.map((b) => b.label)).not.toContain('Z');
  });

  test('an admin refunds a captured payment with a reason, seeing its effect on the amount due first', async () => {
    const env = stack();
    const issued = await gql<{ issueAccessCode: { session: { id: string }; code: { payload: string } } }>(
      env.kioskToken,
      'mutation($s: ID!) { issueAccessCode(siteId: $s, size: MEDIUM) { session { id } code { payload } } }',
      { s: env.siteId },
    );
    const sessionId = issued.issueAccessCode.session.id;
    // a compartment is held before anything is charged
    const held = await gql<{ scanAccessCode: { outcome: string } }>(
      env.kioskToken,
      'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome } }',
      { s: env.siteId, p: issued.issueAccessCode.code.payload },
    );
    expect(held.scanAccessCode.outcome).toBe('PAYMENT_REQUIRED');
    const pay = await gql<{ createPayment: { id: string } }>(
      adminToken,
      'mutation($id: ID!) { createPayment(sessionId: $id) { id } }',
      { id: sessionId },
    );
    await gql(
      adminToken,
      'mutation($id: ID!) { confirmDemoPayment(paymentId: $id, outcome: APPROVE) { status } }',
      { id: pay.createPayment.id },
    );

    await page.goto(adminUrl('sessions', sessionId));
    const due = page.getByTestId('amount-due');
    const before = (await due.textContent())!;
    const row = page.getByTestId('payment').filter({ hasText: 'Captured' });
    await row.getByRole('button', { name: /^Refund/ }).click();
    // the default gives the money back and waives the fee: nothing becomes due
    await expect(page.getByTestId('refund-preview')).toHaveText(
      /goes back\. Amount due: .+ now, .+ after the refund\./,
    );
    const waived = (await page.getByTestId('refund-preview').textContent())!;
    await page.getByLabel('Cancel the charge').check();
    await expect(page.getByTestId('refund-preview')).not.toHaveText(waived); // the charge is due again after it
    await shot(page, 'session-refund-preview');
    await page.getByRole('button', { name: /^Confirm: Refund/ }).click();
    await expect(page.getByText('Please give a reason.')).toBeVisible();
    await page.getByLabel(/Reason for/).fill('Locker was dirty (e2e)');
    await page.getByRole('button', { name: /^Confirm: Refund/ }).click();
    await expect(page.getByTestId('payment').first()).toContainText('Refunded');
    await expect(page.getByTestId('payment').first()).toContainText('Locker was dirty (e2e)');
    await expect(page.getByTestId('payment').first()).toContainText('Charge cancelled: due again');
    await expect(page.getByTestId('payment').first()).toContainText(`by ${env.adminEmail}`);
    await expect(page.getByRole('button', { name: /^Refund/ })).toHaveCount(0);
    await expect(due).not.toHaveText(before);
    await shot(page, 'session-refunded');
    const server = await gql<{ payment: { status: string; refundReason: string; refundEffect: string } }>(
      adminToken,
      'query($id: ID!) { payment(id: $id) { status refundReason refundEffect } }',
      { id: pay.createPayment.id },
    );
    expect(server.payment).toEqual({
      status: 'REFUNDED',
      refundReason: 'Locker was dirty (e2e)',
      refundEffect: 'CANCEL_CHARGE',
    });
    await gql(
      adminToken,
      'mutation($id: ID!) { endSession(sessionId: $id, reason: "e2e clean-up") { id } }',
      { id: sessionId },
    );
  });

  test('the alert sound switch is remembered across a reload', async () => {
    await page.goto(adminUrl('board'));
    const on = page.getByRole('button', { name: 'Alert sound on' });
    await expect(on).toHaveAttribute('aria-pressed', 'true');
    await on.click();
    await expect(page.getByRole('button', { name: 'Alert sound off' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await page.reload();
    await expect(page.getByRole('button', { name: 'Alert sound off' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('lockers.admin.alertSoundMuted'))).toBe('1');
    await page.getByRole('button', { name: 'Alert sound off' }).click();
    await expect(page.getByRole('button', { name: 'Alert sound on' })).toBeVisible();
  });
});
