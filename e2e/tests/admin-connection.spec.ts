// The board's Live badge tells the truth, in a real Chromium against the real server: it leaves
// "Live" within seconds of the network going, shows the retries with a way to retry at once, and
// is Live again soon after the network is back. A sign-in ended on the server (here: signed out
// everywhere by an admin, as an expired one) returns to the sign-in form saying why.
import { expect, test } from '@playwright/test';
import { adminToken as loginAdmin, gql, shot, signIn, stack } from './admin-support.js';
import { violations } from './kiosk-support.js';

test.describe.configure({ mode: 'serial' });

const CREATE_USER = `mutation($e: String!, $p: String!) {
  createUser(email: $e, password: $p, role: OPERATOR) { id } }`;
const PASSWORD = 'connection-long-password';

test('the Live badge drops within seconds of the network going, shows retries, and comes back', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signIn(page, stack().adminEmail, stack().adminPassword);
  const badge = page.getByTestId('connection-state');
  await expect(badge).toHaveText('Live');

  await context.setOffline(true);
  // Not the 10 s keep-alive plus 5 s ping timeout: the browser said the network is gone.
  await expect(badge).toHaveText('Reconnecting…', { timeout: 3_000 });
  const retry = page.getByTestId('connection-retry');
  await expect(retry).toContainText(/attempt \d+/);
  await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await shot(page, 'connection-reconnecting');

  await context.setOffline(false);
  // Back online: retried at once, not after the back-off.
  await expect(badge).toHaveText('Live', { timeout: 5_000 });
  await expect(page.getByRole('button', { name: 'Retry now' })).toHaveCount(0);
  await context.close();
});

test('an ended sign-in returns to the sign-in form with a message', async ({ browser }) => {
  const email = `e2e-connection-${Date.now()}@example.com`;
  const admin = await loginAdmin();
  const { createUser } = await gql<{ createUser: { id: string } }>(admin, CREATE_USER, {
    e: email,
    p: PASSWORD,
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);

  await gql(admin, 'mutation($id: ID!) { signOutUserEverywhere(userId: $id) { id } }', { id: createUser.id });
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('alert')).toHaveText(
    'You were signed out: your sign-in expired or was ended. Please sign in again.',
  );
  await shot(page, 'signed-out');
  // Signing in again clears the message.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('who')).toContainText(email);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.close();
});
