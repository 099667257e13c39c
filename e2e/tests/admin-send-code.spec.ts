// Support sends a new code to the customer, in a real Chromium against the real server: an
// OPERATOR chooses the e-mail on file, sees what will happen, gives a reason and confirms;
// the old code is refused from then on and the audit log names the operator. A VIEWER is not
// offered the action and the API refuses it.
import { expect, test } from '@playwright/test';
import { adminToken, adminUrl, codeOf, gql, issueCode, LOGIN, shot, signIn, stack } from './admin-support.js';
import { violations } from './kiosk-support.js';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'send-code-long-password';
const CREATE_USER = `mutation($e: String!, $p: String!, $r: Role!) {
  createUser(email: $e, password: $p, role: $r) { id } }`;
const SCAN = `mutation($siteId: ID!, $payload: String!) { scanAccessCode(siteId: $siteId, payload: $payload) { outcome } }`;
const SEND = `mutation($id: ID!) { sendNewAccessCode(sessionId: $id, channel: EMAIL, reason: "e2e") { sentTo } }`;

test.describe('admin send a new code', () => {
  const stamp = Date.now();
  const operator = `e2e-send-op-${stamp}@example.com`;
  const viewer = `e2e-send-viewer-${stamp}@example.com`;
  const customer = `traveller-${stamp}@example.com`;

  test.beforeAll(async () => {
    const admin = await adminToken();
    await gql(admin, CREATE_USER, { e: operator, p: PASSWORD, r: 'OPERATOR' });
    await gql(admin, CREATE_USER, { e: viewer, p: PASSWORD, r: 'VIEWER' });
  });

  test('an OPERATOR sends a new code by e-mail; the old one is refused', async ({ page }) => {
    const issued = await issueCode(customer);
    await signIn(page, operator, PASSWORD);
    await page.goto(adminUrl('sessions', issued.sessionId));
    await page.getByRole('button', { name: 'Send a new code to the customer' }).click();
    const form = page.getByRole('form', { name: 'Send a new code to the customer' });
    await expect(form.getByRole('radio', { name: `E-mail to ${customer}` })).toBeChecked();
    await expect(form).toContainText('The current code stops working at once');
    await form.getByLabel(/Reason for/).fill('Customer lost the e-mail (e2e)');
    expect(await violations(page)).toEqual([]);
    await shot(page, 'send-code-confirm');
    await form.getByRole('button', { name: 'Confirm: Send a new code to the customer' }).click();
    await expect(page.getByTestId('code-sent')).toHaveText(
      `New code sent by e-mail to t•••@example.com. The previous code no longer works.`,
    );
    await shot(page, 'send-code-sent');

    const env = stack();
    const old = await gql<{ scanAccessCode: { outcome: string } }>(env.kioskToken, SCAN, {
      siteId: env.siteId,
      payload: issued.payload,
    });
    expect(old.scanAccessCode.outcome).toBe('INVALID_CODE');
    await expect(page.getByTestId('timeline')).toContainText('Customer lost the e-mail (e2e)');
  });

  test('a VIEWER is not offered it and the API refuses it', async ({ page }) => {
    const issued = await issueCode(customer);
    await signIn(page, viewer, PASSWORD);
    await page.goto(adminUrl('sessions', issued.sessionId));
    await expect(page.getByTestId('session-status')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send a new code to the customer' })).toHaveCount(0);
    const { login } = await gql<{ login: { token: string } }>(null, LOGIN, { e: viewer, p: PASSWORD });
    expect(await codeOf(gql(login.token, SEND, { id: issued.sessionId }))).toBe('FORBIDDEN');
  });
});
