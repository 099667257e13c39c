// Set-up and reports in a real Chromium against the real server: an admin creates a site,
// bulk-adds a bank, sets a tariff, registers a kiosk (token shown once, and it works), adds
// a user, creates and revokes an API key (secret shown once), and downloads the usage CSV.
// Everything happens on a new site so the demo site the other specs use is left alone.
import { readFile } from 'node:fs/promises';
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

test.describe.configure({ mode: 'serial' });

test.describe('admin set-up and reports', () => {
  let page: Page;
  let adminToken: string;
  const siteName = `E2E Admin Site ${Date.now()}`;
  let siteId: string;

  test.beforeAll(async ({ browser }) => {
    adminToken = await loginAdmin();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, stack().adminEmail, stack().adminPassword);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('creates a site and picks it', async () => {
    await page.goto(adminUrl('setup', 'site'));
    const form = page.getByRole('form', { name: 'New site' });
    await form.getByRole('button', { name: 'Create site' }).click();
    await expect(form.getByText('Give the site a name.')).toBeVisible();
    await form.getByLabel(/^Name/).fill(siteName);
    await form.getByLabel(/^Time zone/).selectOption('Europe/Lisbon');
    await form.getByRole('button', { name: 'Create site' }).click();
    await expect(
      page.getByRole('combobox', { name: 'Site', exact: true }).locator('option:checked'),
    ).toHaveText(siteName);
    const sites = await gql<{ sites: { id: string; name: string; timezone: string }[] }>(
      adminToken,
      '{ sites { id name timezone } }',
    );
    const created = sites.sites.find((s) => s.name === siteName);
    expect(created?.timezone).toBe('Europe/Lisbon');
    siteId = created!.id;
  });

  test('bulk-adds a bank of 24 compartments', async () => {
    await page.goto(adminUrl('setup', 'banks'));
    const form = page.getByRole('form', { name: 'Add a locker bank' });
    await form.getByLabel(/^Bank label/).fill('C');
    await form.getByLabel(/^Unit id/).fill('300');
    await form.getByRole('button', { name: 'Create bank' }).click();
    await expect(form.getByText('Modbus unit id is 1 to 247.')).toBeVisible();
    await form.getByLabel(/^Unit id/).fill('3');
    await expect(form.getByText(/Preview: 24 compartments, C01–C24, coils 0–23/)).toBeVisible();
    await form.getByRole('button', { name: 'Create bank' }).click();
    await expect(form.getByText('Bank C created with 24 compartments.')).toBeVisible();
    const site = await gql<{
      site: { banks: { label: string; compartments: { label: string; size: string }[] }[] };
    }>(adminToken, 'query($id: ID!) { site(id: $id) { banks { label compartments { label size } } } }', {
      id: siteId,
    });
    const bank = site.site.banks.find((b) => b.label === 'C');
    expect(bank?.compartments).toHaveLength(24);
    expect(
      bank?.compartments
        .filter((c) => c.size === 'XLARGE')
        .map((c) => c.label)
        .sort(),
    ).toEqual(['C19', 'C20', 'C21', 'C22', 'C23', 'C24']);
  });

  test('sets a tariff in major units', async () => {
    await page.goto(adminUrl('setup', 'tariffs'));
    const form = page.getByRole('form', { name: 'Set a tariff' });
    await form.getByLabel('Size').selectOption('MEDIUM');
    await form.getByLabel(/^Price/).fill('4.5');
    await form.getByLabel(/^Currency/).fill('eur');
    await form.getByLabel(/^Overdue fee/).fill('2.00');
    await form.getByRole('button', { name: 'Save tariff' }).click();
    await expect(form.getByText('Tariff for Medium saved.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tariffs' })).toContainText('€4.50');
    await shot(page, 'setup-tariff-saved');
  });

  test('registers a kiosk: the token is shown once and works', async () => {
    await page.goto(adminUrl('setup', 'devices'));
    const form = page.getByRole('form', { name: 'Register a kiosk' });
    await form.getByLabel('New kiosk name').fill('E2E kiosk');
    await form.getByRole('button', { name: 'Register kiosk' }).click();
    const token = (await form.getByTestId('secret-value').textContent())!;
    expect(token.length).toBeGreaterThan(20);
    await shot(page, 'setup-kiosk-token');
    // The kiosk token acts for its own site only.
    const ok = await codeOf(
      gql(token, 'mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { session { id } } }', {
        s: siteId,
      }),
    );
    expect(ok).toBe('OK');
    const other = await codeOf(
      gql(token, 'mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { session { id } } }', {
        s: stack().siteId,
      }),
    );
    expect(other).toBe('FORBIDDEN');
  });

  test('adds an operator who can then sign in', async () => {
    await page.goto(adminUrl('setup', 'users'));
    const form = page.getByRole('form', { name: 'Add a user' });
    const email = `operator-${Date.now()}@example.com`;
    await form.getByLabel(/^Email/).fill(email);
    await form.getByLabel(/^Password/).fill('operator-password-1');
    await form.getByLabel(/^Repeat password/).fill('operator-password-1');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.getByText('Choose a role.')).toBeVisible();
    await form.getByLabel(/^Operator/).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.getByText(`${email} can now sign in as operator.`)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Users' })).toContainText(email);
    const login = await gql<{ login: { token: string } }>(null, LOGIN, {
      e: email,
      p: 'operator-password-1',
    });
    const me = await gql<{ me: { role: string } }>(login.login.token, '{ me { role } }');
    expect(me.me.role).toBe('OPERATOR');
  });

  test('creates an API key (secret shown once) and revokes it', async () => {
    await page.goto(adminUrl('setup', 'keys'));
    const name = `e2e-key-${Date.now()}`;
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('sites:read').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('secret-value').textContent())!;
    expect(await codeOf(gql(secret, '{ sites { id } }'))).toBe('OK');
    await shot(page, 'setup-api-key');

    page.once('dialog', (d) => void d.accept());
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
    expect(await codeOf(gql(secret, '{ sites { id } }'))).toBe('UNAUTHENTICATED');
  });

  test('downloads the usage CSV of exactly what the server reported', async () => {
    // The demo site, where the dashboard spec made deposits.
    await page.getByRole('combobox', { name: 'Site', exact: true }).selectOption(stack().siteId);
    const request = page.waitForRequest(
      (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('usageReport'),
    );
    await page.goto(adminUrl('reports'));
    const variables = ((await request).postDataJSON() as { variables: Record<string, unknown> }).variables;
    await expect(page.getByRole('figure', { name: 'Deposits and retrievals' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Usage' }).getByRole('button', { name: 'Download CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toMatch(
      /^bucket_start_utc,bucket_label_[^,]+,deposits,retrievals,peak_occupied,average_storage_minutes,revenue_major_units,currency$/,
    );

    const report = await gql<{
      usageReport: { buckets: { start: string; deposits: number; retrievals: number }[] };
    }>(
      adminToken,
      'query($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) { usageReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) { buckets { start deposits retrievals } } }',
      variables,
    );
    expect(rows.map((r) => r.split(',').slice(0, 1).concat(r.split(',').slice(2, 4)).join(','))).toEqual(
      report.usageReport.buckets.map((b) => `${b.start},${b.deposits},${b.retrievals}`),
    );
  });
});
