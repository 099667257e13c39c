// The sessions list and the audit log as CSV files, in a real Chromium against the real
// server: the download holds every row the list's filters match (not only the page shown);
// a VIEWER may export the sessions it may list, but the audit log's export refuses it.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { adminToken, gql, issueCode, LOGIN, shot, signIn, stack } from './admin-support.js';
import { violations } from './kiosk-support.js';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'exports-long-password';
const CREATE_USER = `mutation($e: String!, $p: String!, $r: Role!) {
  createUser(email: $e, password: $p, role: $r) { id } }`;

/** Clicks the list's CSV button and reads the saved file's lines. */
async function downloadLines(page: Page): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV (all matching)' }).click(),
  ]);
  return (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
}

test.describe('admin CSV exports', () => {
  const stamp = Date.now();
  const contact = `e2e-export-${stamp}`;
  const viewer = `e2e-export-viewer-${stamp}@example.com`;
  const sessionIds: string[] = [];
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    for (let i = 0; i < 2; i++) sessionIds.push((await issueCode(`${contact}-${i}@example.com`)).sessionId);
    await gql(await adminToken(), CREATE_USER, { e: viewer, p: PASSWORD, r: 'VIEWER' });
    page = await (
      await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
    ).newPage();
    await signIn(page, stack().adminEmail, stack().adminPassword);
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test('the sessions CSV holds exactly the sessions the filters match', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByLabel('Contact').fill(contact);
    await page.getByLabel('Status').selectOption('CREATED');
    await expect(page.getByTestId('sessions-count')).toHaveText('2 matching · 2 shown');
    const lines = await downloadLines(page);
    expect(lines[0]).toMatch(/^id,site_id,site,size,status,compartment,created_at,/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([...sessionIds].sort());
    expect(lines.slice(1).every((l) => l.split(',')[4] === 'CREATED')).toBe(true);
    await page.getByLabel('Status').selectOption('COMPLETED');
    await expect(page.getByTestId('sessions-count')).toHaveText('0 matching · 0 shown');
    expect(await downloadLines(page)).toHaveLength(1); // the header only
    expect(await violations(page)).toEqual([]);
    await shot(page, 'exports-sessions');
  });

  test('the audit CSV holds the entries the filters match, times in the site’s zone', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    const filters = page.getByRole('search', { name: 'Filter the audit log' });
    await filters.getByLabel('Scope').selectOption('all');
    await filters.getByLabel('Action').fill('user.create');
    await expect(page.getByRole('table', { name: 'Audit log' }).locator('tbody tr').first()).toContainText(
      viewer,
    );
    const lines = await downloadLines(page);
    expect(lines[0]).toBe(
      'id,at,at_site_time,site_id,actor_kind,actor,action,subject_type,subject_id,summary,before,after',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(',user.create,'))).toBe(true);
    expect(lines[1]).toContain(viewer);
    expect(await violations(page)).toEqual([]);
    await shot(page, 'exports-audit');
  });

  test('a VIEWER exports sessions but the audit export refuses it', async ({ browser }) => {
    const viewerPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signIn(viewerPage, viewer, PASSWORD);
    await viewerPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sessions' })
      .click();
    await viewerPage.getByLabel('Contact').fill(contact);
    await expect(viewerPage.getByTestId('sessions-count')).toHaveText('2 matching · 2 shown');
    expect(await downloadLines(viewerPage)).toHaveLength(3);
    await expect(
      viewerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }),
    ).toHaveCount(0);
    const { login } = await gql<{ login: { token: string } }>(null, LOGIN, { e: viewer, p: PASSWORD });
    const refused = await fetch(new URL('/exports/audit.csv', stack().baseUrl), {
      headers: { authorization: `Bearer ${login.token}` },
    });
    expect(refused.status).toBe(403);
    await viewerPage.context().close();
  });
});
