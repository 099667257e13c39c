// Account and device-token lifecycle in a real Chromium against the real server: an admin adds
// an operator, edits and resets them, and deactivates them while their own dashboard is open in
// another browser: that dashboard is back at the sign-in form within seconds. Then a kiosk's
// token is rotated (the new one works) and revoked (nothing works) from the devices tab.
// Last, a new site's compartment is edited, and a compartment, its bank and a tariff retired.
// Only accounts, a kiosk and a site this spec creates are touched: the demo's stay as they are.
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  adminToken as loginAdmin,
  adminUrl,
  codeOf,
  gql,
  LOGIN,
  shot,
  signIn,
  stack,
} from './admin-support.js';

test.describe.configure({ mode: 'serial' });

const SITES = '{ sites { id } }';

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}

test.describe('admin lifecycle: accounts and device tokens', () => {
  let admin: Page;
  let adminToken: string;
  const email = `e2e-operator-${Date.now()}@example.com`;
  const password = 'first-long-password';
  let userPassword = password;

  test.beforeAll(async ({ browser }) => {
    adminToken = await loginAdmin();
    admin = await freshPage(browser);
    await signIn(admin, stack().adminEmail, stack().adminPassword);
  });

  test.afterAll(async () => {
    await admin.context().close();
  });

  const row = () => admin.getByTestId(`user-${email}`);

  test('adds an operator, names them and makes them a viewer', async () => {
    await admin.goto(adminUrl('setup', 'users'));
    const form = admin.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel(/^Password/).fill(password);
    await form.getByLabel('Repeat password').fill(password);
    await form.getByRole('radio', { name: /^Operator/ }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(row()).toContainText('Operator');
    await expect(row()).toContainText('Active');

    await row().getByRole('button', { name: 'Edit' }).click();
    const edit = row().getByRole('form', { name: `Edit ${email}` });
    await edit.getByLabel('Name').fill('Erin Example');
    await edit.getByLabel('Role').selectOption('VIEWER');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(row()).toContainText('Erin Example');
    await expect(row()).toContainText('Viewer');
  });

  test('a password reset shows a one-time password that signs in; the old one stops', async () => {
    await row().getByRole('button', { name: 'Reset password' }).click();
    await row().getByRole('button', { name: 'Confirm: Reset password' }).click();
    const secret = row().getByTestId('secret-value');
    await expect(secret).toBeVisible();
    userPassword = (await secret.textContent())!.trim();
    expect(userPassword.length).toBeGreaterThanOrEqual(16);
    expect(await codeOf(gql(null, LOGIN, { e: email, p: password }))).toBe('UNAUTHENTICATED');
    const r = await gql<{ login: { token: string } }>(null, LOGIN, { e: email, p: userPassword });
    expect(r.login.token).toBeTruthy();
  });

  test("signing out everywhere ends the user's tokens", async () => {
    const { login } = await gql<{ login: { token: string } }>(null, LOGIN, { e: email, p: userPassword });
    await gql(login.token, SITES);
    await row().getByRole('button', { name: 'Sign out everywhere' }).click();
    await row().getByRole('button', { name: 'Confirm: Sign out everywhere' }).click();
    await expect.poll(() => codeOf(gql(login.token, SITES)), { timeout: 5_000 }).toBe('UNAUTHENTICATED');
  });

  test('deactivating the user takes their open dashboard back to sign-in within seconds', async ({
    browser,
  }) => {
    const theirs = await freshPage(browser);
    await signIn(theirs, email, userPassword);
    await theirs.goto(adminUrl('board'));
    await expect(theirs.getByTestId('connection-state')).toHaveText('Live');

    await row().getByRole('button', { name: 'Deactivate' }).click();
    const started = Date.now();
    await row().getByRole('button', { name: 'Confirm: Deactivate' }).click();
    await expect(row()).toContainText('Deactivated');
    await expect(theirs.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 5_000 });
    const ms = Date.now() - started;
    await shot(theirs, 'lifecycle-deactivated-signed-out');
    test.info().annotations.push({ type: 'signed out after (ms)', description: String(ms) });
    expect(ms).toBeLessThan(5_000);
    // and they cannot sign in again
    await theirs.getByLabel('Email').fill(email);
    await theirs.getByLabel('Password').fill(userPassword);
    await theirs.getByRole('button', { name: 'Sign in' }).click();
    await expect(theirs.getByRole('alert')).toBeVisible();
    await theirs.context().close();
  });

  test('reactivates, then deletes the user', async () => {
    await row().getByRole('button', { name: 'Reactivate' }).click();
    await row().getByRole('button', { name: 'Confirm: Reactivate' }).click();
    await expect(row()).toContainText('Active');
    expect(await codeOf(gql(null, LOGIN, { e: email, p: userPassword }))).toBe('OK');
    await row().getByRole('button', { name: 'Delete' }).click();
    await row().getByRole('button', { name: 'Confirm: Delete' }).click();
    await expect(row()).toHaveCount(0);
    expect(await codeOf(gql(null, LOGIN, { e: email, p: userPassword }))).toBe('UNAUTHENTICATED');
    await shot(admin, 'lifecycle-users');
  });

  test("a kiosk's token is rotated (the new one works) and revoked (nothing works)", async () => {
    const env = stack();
    const name = `E2E lifecycle kiosk ${Date.now()}`;
    const { registerKiosk } = await gql<{ registerKiosk: { token: string } }>(
      adminToken,
      'mutation($s: ID!, $n: String!) { registerKiosk(siteId: $s, name: $n) { token } }',
      { s: env.siteId, n: name },
    );
    const oldToken = registerKiosk.token;
    await gql(oldToken, SITES);

    await admin.goto(adminUrl('setup', 'devices'));
    await admin.reload(); // the set-up data was read before the kiosk existed
    const item = admin.getByRole('listitem').filter({ hasText: name });
    // it called the API once: it has been seen
    await expect(item).toContainText('last seen');
    await expect(item).not.toContainText('last seen —');
    await item.getByRole('button', { name: `Rotate token of ${name}` }).click();
    await item.getByRole('button', { name: `Confirm: Rotate token of ${name}` }).click();
    const secret = item.getByTestId('secret-value');
    await expect(secret).toBeVisible();
    const newToken = (await secret.textContent())!.trim();
    await expect(item).toContainText('The old token works until');
    expect(await codeOf(gql(newToken, SITES))).toBe('OK');
    expect(await codeOf(gql(oldToken, SITES))).toBe('OK'); // within its grace

    await item.getByRole('button', { name: `Revoke token of ${name}` }).click();
    await item.getByRole('button', { name: `Confirm: Revoke token of ${name}` }).click();
    await expect(item.getByRole('status').filter({ hasText: 'Token revoked.' })).toBeVisible();
    await expect.poll(() => codeOf(gql(newToken, SITES)), { timeout: 5_000 }).toBe('UNAUTHENTICATED');
    expect(await codeOf(gql(oldToken, SITES))).toBe('UNAUTHENTICATED');
    await shot(admin, 'lifecycle-devices');
  });

  test('edits and retires a compartment, a bank and a tariff of a new site', async () => {
    const { createSite } = await gql<{ createSite: { id: string } }>(
      adminToken,
      'mutation($n: String!) { createSite(name: $n, timezone: "Europe/Berlin") { id } }',
      { n: `E2E Lifecycle Site ${Date.now()}` },
    );
    const siteId = createSite.id;
    await gql(
      adminToken,
      `mutation($s: ID!) { createLockerBank(siteId: $s, label: "L", modbusEndpoint: "tcp://127.0.0.1:5999",
        compartments: [{ label: "L01", size: SMALL, unitId: 1, coil: 0, doorInput: 0 },
                       { label: "L02", size: SMALL, unitId: 1, coil: 1, doorInput: 1 }]) { id } }`,
      { s: siteId },
    );
    await gql(
      adminToken,
      `mutation($s: ID!) { setTariff(siteId: $s, size: SMALL, price: 0, currency: "EUR", includedMinutes: 60,
        overduePerHour: 100, graceMinutes: 5, securityAlertAfterMinutes: 60) { id } }`,
      { s: siteId },
    );
    await admin.goto(adminUrl('setup', 'banks'));
    await admin.reload(); // the site list was read before the site existed
    await admin.getByRole('combobox', { name: 'Site', exact: true }).selectOption(siteId);
    const bank = admin.getByTestId('bank-L');
    await bank.getByRole('button', { name: 'Edit L01' }).click();
    const edit = bank.getByRole('form', { name: 'Edit compartment L01' });
    await edit.getByLabel('Label').fill('L11');
    await edit.getByLabel('Size').selectOption('MEDIUM');
    await edit.getByRole('button', { name: 'Save' }).click();
    const edited = bank.getByRole('row').filter({ hasText: 'L11' });
    await expect(edited).toContainText('Medium');

    await bank.getByRole('button', { name: 'Retire L02' }).click();
    await bank.getByRole('button', { name: 'Confirm: Retire L02' }).click();
    await expect(bank.getByRole('row').filter({ hasText: 'L02' })).toContainText('Retired');
    await bank.getByRole('button', { name: 'Retire bank L' }).click();
    await bank.getByRole('button', { name: 'Confirm: Retire bank L' }).click();
    await expect(bank).toContainText('Retired');
    await expect(edited).toContainText('Retired');
    await shot(admin, 'lifecycle-banks');

    await admin.goto(adminUrl('setup', 'tariffs'));
    await admin.getByRole('button', { name: 'Retire Small' }).click();
    await admin.getByRole('button', { name: 'Confirm: Retire Small' }).click();
    await expect(admin.getByRole('table', { name: 'Tariffs' })).toContainText('Retired');
    const { site } = await gql<{ site: { availability: unknown[] } }>(
      null,
      'query($s: ID!) { site(id: $s) { availability { size } } }',
      { s: siteId },
    );
    expect(site.availability).toEqual([]);
  });
});
