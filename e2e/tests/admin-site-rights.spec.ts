// Per-site rights in a real Chromium against the real server: an admin adds an operator limited
// to the demo site, and the operator's dashboard offers that site only, its board showing it.
// Then the admin moves the operator to another site: the operator's next page load shows that
// one, without signing in again. Only an account and a site this spec creates are touched.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { adminToken as loginAdmin, adminUrl, gql, shot, signIn, stack } from './admin-support.js';

test.describe.configure({ mode: 'serial' });

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}

test.describe('admin site rights: an operator limited to chosen sites', () => {
  let admin: Page;
  let operator: Page;
  let demoSite: string;
  const otherSite = `E2E Other Station ${Date.now()}`;
  const email = `e2e-site-operator-${Date.now()}@example.com`;
  const password = 'site-operator-password';

  test.beforeAll(async ({ browser }) => {
    const token = await loginAdmin();
    demoSite = (
      await gql<{ site: { name: string } }>(token, 'query($id: ID!) { site(id: $id) { name } }', {
        id: stack().siteId,
      })
    ).site.name;
    await gql(token, 'mutation($n: String!) { createSite(name: $n, timezone: "Europe/Berlin") { id } }', {
      n: otherSite,
    });
    admin = await freshPage(browser);
    await signIn(admin, stack().adminEmail, stack().adminPassword);
  });

  test.afterAll(async () => {
    await admin.context().close();
    await operator?.context().close();
  });

  const row = () => admin.getByTestId(`user-${email}`);
  const siteOptions = (page: Page) => page.getByRole('combobox', { name: 'Site' }).locator('option');

  test('the admin adds an operator limited to the demo site', async () => {
    await admin.goto(adminUrl('setup', 'users'));
    const form = admin.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel(/^Password/).fill(password);
    await form.getByLabel('Repeat password').fill(password);
    await form.getByRole('radio', { name: /^Operator/ }).check();
    await form.getByRole('radio', { name: /^Chosen sites/ }).check();
    await form.getByRole('group', { name: 'Sites to allow' }).getByLabel(demoSite, { exact: true }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(row()).toContainText('Operator');
    await expect(row()).toContainText(demoSite);
    await expect(row()).not.toContainText('All sites');
    await shot(admin, 'site-rights-users');
  });

  test("the operator's dashboard offers the demo site only, and its board shows it", async ({ browser }) => {
    operator = await freshPage(browser);
    await signIn(operator, email, password);
    await expect(siteOptions(operator)).toHaveText([demoSite]);
    await expect(operator.getByTestId('compartment-A01')).toBeVisible();
    await shot(operator, 'site-rights-operator-board');
  });

  test('moving the operator to another site applies at its next page load, still signed in', async () => {
    await row().getByRole('button', { name: 'Edit' }).click();
    const edit = row().getByRole('form', { name: `Edit ${email}` });
    const choices = edit.getByRole('group', { name: 'Sites to allow' });
    await choices.getByLabel(demoSite, { exact: true }).uncheck();
    await choices.getByLabel(otherSite, { exact: true }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(row()).toContainText(otherSite);
    await expect(row()).not.toContainText(demoSite);

    await operator.reload();
    await expect(operator.getByTestId('who')).toContainText(email);
    await expect(siteOptions(operator)).toHaveText([otherSite]);
    await shot(operator, 'site-rights-operator-moved');
  });
});
