// Alerts with a life in the admin app, in a real Chromium against the real server: a help
// request from the kiosk is given to an operator, noted, acknowledged and resolved with a note;
// its history names each person with times to the second in the site's zone (the demo site is
// in Europe/Berlin, the browser in UTC); resolved alerts stay findable; a VIEWER reads the
// history but is offered none of the actions.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminUrl, gql, LOGIN, adminToken as loginAdmin, shot, signIn, stack } from './admin-support.js';
import { violations } from './kiosk-support.js';

test.describe.configure({ mode: 'serial' });

const HELP = `mutation($s: ID!, $r: String!) { requestAssistance(siteId: $s, reason: $r) { id } }`;
const CREATE_USER = `mutation($e: String!, $p: String!, $r: Role!) {
  createUser(email: $e, password: $p, role: $r) { id } }`;
const PASSWORD = 'alerts-long-password';
const ZONE = 'Europe/Berlin';

/** hh:mm:ss of an instant in the site's zone, as the page must show it. */
function siteClock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

async function expectSiteTime(time: Locator): Promise<void> {
  const iso = await time.getAttribute('datetime');
  expect(iso).toBeTruthy();
  await expect(time).toContainText(siteClock(iso!));
}

test.describe('admin alerts: history, notes, assignment and resolution', () => {
  const stamp = Date.now();
  const reason = `Door stuck e2e-${stamp}`;
  const operatorEmail = `e2e-alert-operator-${stamp}@example.com`;
  const viewerEmail = `e2e-alert-viewer-${stamp}@example.com`;
  let alertId: string;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    const env = stack();
    const admin = await loginAdmin();
    await gql(admin, CREATE_USER, { e: operatorEmail, p: PASSWORD, r: 'OPERATOR' });
    await gql(admin, CREATE_USER, { e: viewerEmail, p: PASSWORD, r: 'VIEWER' });
    alertId = (
      await gql<{ requestAssistance: { id: string } }>(env.kioskToken, HELP, { s: env.siteId, r: reason })
    ).requestAssistance.id;
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signIn(page, env.adminEmail, env.adminPassword);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const history = () => page.getByRole('list', { name: 'History' }).getByRole('listitem');

  test('the alerts page lists open alerts; one opens with its history in the site’s zone', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
    await page.getByLabel('Status').selectOption('OPEN');
    const row = page.getByTestId(`alert-${alertId}`);
    await expect(row).toContainText(reason);
    await expect(row).toContainText('Open');
    await expectSiteTime(row.locator('time'));
    expect(await violations(page)).toEqual([]);
    await row.getByRole('link', { name: /Details/ }).click();
    await expect(page.getByRole('heading', { name: /Assistance requested/ })).toBeVisible();
    await expect(history()).toHaveCount(1);
    await expect(history().first()).toContainText('Raised');
    await expectSiteTime(history().first().locator('time'));
  });

  test('an admin gives it to an operator and notes what was done', async () => {
    await page.getByLabel('Assigned to').selectOption({ label: operatorEmail });
    await page.getByRole('button', { name: 'Assign' }).click();
    await expect(page.getByTestId('alert-assignee')).toHaveText(operatorEmail);
    await page.getByLabel('Note').fill('Called the customer, a technician is on the way');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(history()).toHaveCount(3);
    await expect(history().nth(1)).toContainText(`Assigned to ${operatorEmail}`);
    await expect(history().nth(1)).toContainText(stack().adminEmail);
    await expect(history().nth(2)).toContainText('Called the customer, a technician is on the way');
    await expect(page.getByLabel('Note')).toHaveValue('');
  });

  test('the operator acknowledges and resolves it with a note, named in the history', async ({ browser }) => {
    const other = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signIn(other, operatorEmail, PASSWORD);
    await other.goto(adminUrl('alerts', alertId));
    await other.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(other.getByTestId('alert-status')).toHaveText('Acknowledged');
    await other.getByLabel('Note').fill('Door freed, bag handed over');
    await other.getByRole('button', { name: 'Resolve' }).click();
    await expect(other.getByTestId('alert-status')).toHaveText('Resolved');
    const steps = other.getByRole('list', { name: 'History' }).getByRole('listitem');
    await expect(steps).toHaveCount(5);
    await expect(steps.nth(3)).toContainText('Acknowledged');
    await expect(steps.nth(3)).toContainText(operatorEmail);
    await expect(steps.nth(4)).toContainText('Resolved');
    await expect(steps.nth(4)).toContainText('Door freed, bag handed over');
    await expectSiteTime(steps.nth(4).locator('time'));
    // Resolved is final: nothing more to do.
    await expect(other.getByRole('button', { name: 'Resolve' })).toHaveCount(0);
    await expect(other.getByRole('button', { name: 'Add note' })).toHaveCount(0);
    expect(await violations(other)).toEqual([]);
    await shot(other, 'alert-resolved');
    await other.context().close();
  });

  test('resolved alerts stay findable; open ones no longer list it', async () => {
    await page.goto(adminUrl('alerts'));
    await page.getByLabel('Status').selectOption('RESOLVED');
    await expect(page.getByTestId(`alert-${alertId}`)).toContainText('Resolved');
    await page.getByLabel('Status').selectOption('OPEN');
    await expect(
      page.getByRole('table', { name: 'Alerts' }).or(page.getByText('No alerts match.')),
    ).toBeVisible();
    await expect(page.getByTestId(`alert-${alertId}`)).toHaveCount(0);
    await shot(page, 'alerts');
  });

  test('a VIEWER reads the history but is offered no actions', async ({ browser }) => {
    const other = await (await browser.newContext()).newPage();
    await signIn(other, viewerEmail, PASSWORD);
    await other.goto(adminUrl('alerts', alertId));
    await expect(other.getByRole('list', { name: 'History' }).getByRole('listitem')).toHaveCount(5);
    await expect(other.getByRole('button', { name: 'Add note' })).toHaveCount(0);
    await expect(other.getByRole('button', { name: 'Assign' })).toHaveCount(0);
    const { login } = await gql<{ login: { token: string } }>(null, LOGIN, { e: viewerEmail, p: PASSWORD });
    await expect(
      gql(login.token, `mutation($id: ID!) { addAlertNote(alertId: $id, note: "x") { id } }`, {
        id: alertId,
      }),
    ).rejects.toThrow(/FORBIDDEN/);
    await other.context().close();
  });
});
