// The audit log in the admin app, in a real Chromium against the real server: accounts created
// by two named admins are found by who made them, by action and by day (in the site's zone),
// newest first, a page at a time; a VIEWER is offered no audit log and the API refuses them.
// Only accounts this spec creates are touched.
import { expect, test, type Page } from '@playwright/test';
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
import { violations } from './kiosk-support.js';

test.describe.configure({ mode: 'serial' });

const CREATE_USER = `mutation($e: String!, $p: String!, $r: Role!) {
  createUser(email: $e, password: $p, role: $r) { id } }`;
const PASSWORD = 'audit-long-password';
const PAGE = 25;

test.describe('admin audit log', () => {
  const stamp = Date.now();
  const auditor = `e2e-auditor-${stamp}@example.com`;
  const viewer = `e2e-audit-viewer-${stamp}@example.com`;
  const made = (i: number) => `e2e-audit-${stamp}-${i}@example.com`;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    const admin = await loginAdmin();
    // More accounts than one page holds, all created by the seeded admin, oldest first.
    for (let i = 0; i < PAGE + 2; i++)
      await gql(admin, CREATE_USER, { e: made(i), p: PASSWORD, r: 'OPERATOR' });
    await gql(admin, CREATE_USER, { e: auditor, p: PASSWORD, r: 'ADMIN' });
    await gql(admin, CREATE_USER, { e: viewer, p: PASSWORD, r: 'VIEWER' });
    // The second admin creates one account of their own.
    const { login } = await gql<{ login: { token: string } }>(null, LOGIN, { e: auditor, p: PASSWORD });
    await gql(login.token, CREATE_USER, {
      e: `e2e-audit-by-auditor-${stamp}@example.com`,
      p: PASSWORD,
      r: 'VIEWER',
    });

    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signIn(page, stack().adminEmail, stack().adminPassword);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const rows = () => page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');
  const filters = () => page.getByRole('search', { name: 'Filter the audit log' });

  test('lists changes to accounts with the person, the action and the time to the second', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await filters().getByLabel('Scope').selectOption('all');
    await filters().getByLabel('Action').fill('user.create');
    const first = rows().first();
    await expect(first).toContainText(`e2e-audit-by-auditor-${stamp}@example.com`);
    await expect(first).toContainText(auditor);
    await expect(first).toContainText('user.create');
    // Seconds are shown: hh:mm:ss.
    await expect(first.locator('td').first()).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
    expect(await violations(page)).toEqual([]);
    await shot(page, 'audit-log');
  });

  test('filters by who made the change', async () => {
    await filters().getByLabel('Who').fill(auditor);
    await expect(rows()).toHaveCount(1);
    await expect(rows().first()).toContainText(`e2e-audit-by-auditor-${stamp}@example.com`);
    await filters().getByLabel('Who').fill(stack().adminEmail);
    await expect(rows().first()).toContainText(viewer);
    await expect(rows()).toHaveCount(PAGE);
  });

  test('pages: the next page continues where the first ended', async () => {
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(rows().nth(PAGE)).toBeVisible();
    const all = await rows().allTextContents();
    // Newest first: the seeded admin's accounts appear in reverse order of creation.
    const at = (i: number) => all.findIndex((t) => t.includes(made(i)));
    expect(at(PAGE + 1)).toBeGreaterThanOrEqual(0);
    expect(at(0)).toBeGreaterThan(at(PAGE + 1));
    expect(new Set(all).size).toBe(all.length);
  });

  test('filters by day in the site’s zone', async () => {
    const f = filters();
    await f.getByLabel('Who').fill(auditor);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await f.getByLabel('From').fill(tomorrow);
    await expect(page.getByText('No entries match.')).toBeVisible();
    await f.getByLabel('From').fill('');
    await expect(rows()).toHaveCount(1);
    await f.getByLabel('From').fill('2021-01-01');
    await f.getByLabel(/^To/).fill('2020-01-01');
    await expect(page.getByRole('alert')).toContainText('must not be after');
  });

  test('a VIEWER is offered no audit log, and the API refuses them', async ({ browser }) => {
    const other = await (await browser.newContext()).newPage();
    await signIn(other, viewer, PASSWORD);
    await expect(
      other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }),
    ).toHaveCount(0);
    await other.goto(adminUrl('audit'));
    await expect(other.getByText('The audit log is for admins and operators.')).toBeVisible();
    const { login } = await gql<{ login: { token: string } }>(null, LOGIN, { e: viewer, p: PASSWORD });
    expect(await codeOf(gql(login.token, '{ auditLog { id } }'))).toBe('FORBIDDEN');
    await other.context().close();
  });
});
