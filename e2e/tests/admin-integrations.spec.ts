// Webhooks, the reports beyond usage and the server-side session search, in a real Chromium
// against the real server, gateway and simulator. The harness has no webhook receiver, so
// the endpoint points at a closed port and the failed attempt is what the admin must see.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
  adminToken as loginAdmin,
  adminUrl,
  depositCollectAndRate,
  gql,
  issueCode,
  shot,
  shotOf,
  signIn,
  stack,
} from './admin-support.js';

test.describe.configure({ mode: 'serial' });

test.describe('admin integrations, reports and search', () => {
  let page: Page;
  let adminToken: string;

  test.beforeAll(async ({ browser }) => {
    adminToken = await loginAdmin();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, stack().adminEmail, stack().adminPassword);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('a webhook endpoint: secret shown once, a failed delivery attempt listed, then deleted', async () => {
    test.setTimeout(90_000);
    const url = `http://127.0.0.1:9/hook-${Date.now()}`;
    await page.goto(adminUrl('setup', 'webhooks'));
    const form = page.getByRole('form', { name: 'Add a webhook endpoint' });
    await form.getByRole('button', { name: 'Create endpoint' }).click();
    await expect(form.getByText('Enter the URL that receives the events.')).toBeVisible();
    await expect(form.getByText('Choose at least one event.')).toBeVisible();

    await form.getByLabel(/^Endpoint URL/).fill(url);
    await form.getByLabel(/^Description/).fill('e2e: nothing listens here');
    await form.getByLabel('alert.raised').check();
    await form.getByRole('button', { name: 'Create endpoint' }).click();
    const secret = (await form.getByTestId('secret-value').textContent())!;
    expect(secret.length).toBeGreaterThan(16);
    await expect(form.getByText(/it will not be shown again/)).toBeVisible();
    await shot(page, 'setup-webhook-secret');

    const row = page
      .getByRole('table', { name: 'Webhook endpoints' })
      .getByRole('row')
      .filter({ hasText: url });
    await expect(row).toContainText('alert.raised');
    const listed = await gql<{ webhookEndpoints: { id: string; url: string; events: string[] }[] }>(
      adminToken,
      '{ webhookEndpoints { id url events } }',
    );
    expect(listed.webhookEndpoints.find((e) => e.url === url)?.events).toEqual(['ALERT_RAISED']);

    // Shown once: coming back to the tab shows the endpoint, never the secret again.
    await page.goto(adminUrl('setup', 'site'));
    await page.goto(adminUrl('setup', 'webhooks'));
    await expect(row).toBeVisible();
    await expect(page.getByTestId('secret-value')).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);

    // An event: an assistance request raises an alert.
    await gql(
      stack().kioskToken,
      'mutation($s: ID!) { requestAssistance(siteId: $s, compartmentLabel: "A02", reason: "webhook e2e") { id } }',
      { s: stack().siteId },
    );
    await row.getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = page.getByTestId('webhook-deliveries');
    const delivery = deliveries.getByTestId('webhook-delivery').filter({ hasText: 'alert.raised' }).first();
    // The list re-reads itself every 5 s; the first attempt fails at once (nothing listens).
    await expect(delivery.getByTestId('webhook-attempt').first()).toBeVisible({ timeout: 30_000 });
    const attempt = delivery.getByTestId('webhook-attempt').first();
    await expect(attempt).toContainText('no response');
    await expect(attempt).toContainText(/fetch failed|ECONNREFUSED|connect/i);
    await expect(attempt).toContainText(/\d+ ms/);
    await expect(delivery.getByTestId('delivery-status')).toHaveText(/Pending|Failed/);
    await shot(page, 'setup-webhook-deliveries');

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect(row).toHaveCount(0);
    const after = await gql<{ webhookEndpoints: { url: string }[] }>(
      adminToken,
      '{ webhookEndpoints { url } }',
    );
    expect(after.webhookEndpoints.some((e) => e.url === url)).toBe(false);
  });

  test('the reports page charts occupancy by size, storage time, overdue, revenue and feedback', async () => {
    test.setTimeout(120_000);
    const comment = `Quick and easy (e2e ${Date.now()})`;
    await depositCollectAndRate(adminToken, comment);

    await page.getByRole('combobox', { name: 'Site', exact: true }).selectOption(stack().siteId);
    const request = page.waitForRequest(
      (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('occupancyReport'),
    );
    await page.goto(adminUrl('reports'));
    const variables = ((await request).postDataJSON() as { variables: Record<string, unknown> }).variables;
    await expect(page.getByTestId('report-scope')).toContainText('in Europe/Berlin');
    for (const figure of [
      'Deposits and retrievals',
      'Peak occupancy by size',
      'Storage time distribution',
      'Ratings',
    ]) {
      await expect(page.getByRole('figure', { name: figure })).toBeVisible();
    }
    const occupancy = page.getByRole('region', { name: 'Occupancy by size' });
    await expect(occupancy.getByText('% of compartments in use')).toBeVisible();
    await expect(occupancy.getByText('Period start (Europe/Berlin)')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Overdue' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Revenue by tariff' })).toContainText('EUR');
    const feedback = page.getByRole('region', { name: 'Feedback' });
    await expect(feedback.getByRole('table', { name: 'Feedback comments' })).toContainText(comment);

    // The numbers shown are the server's.
    const server = await gql<{
      feedbackReport: { responses: number; averageRating: number };
      storageDurationReport: { sessions: number };
    }>(
      adminToken,
      'query($siteId: ID, $from: DateTime!, $to: DateTime!) { feedbackReport(siteId: $siteId, from: $from, to: $to) { responses averageRating } storageDurationReport(siteId: $siteId, from: $from, to: $to) { sessions } }',
      { siteId: variables.siteId, from: variables.from, to: variables.to },
    );
    expect(server.storageDurationReport.sessions).toBeGreaterThan(0);
    await expect(page.getByTestId('feedback-summary')).toContainText(
      `${server.feedbackReport.averageRating.toFixed(2)} / 5 from ${server.feedbackReport.responses} responses`,
    );
    await expect(page.getByTestId('duration-summary')).toContainText(
      `${server.storageDurationReport.sessions} sessions`,
    );
    await shot(page, 'reports-all');
    await shotOf(page.getByRole('figure', { name: 'Peak occupancy by size' }), 'reports-occupancy');

    // CSV of what the occupancy chart shows: one row per period, a column group per size.
    const shown = page.waitForEvent('download');
    await occupancy.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await readFile(await (await shown).path(), 'utf8');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toContain('bucket_label_Europe/Berlin,small_peak_occupied,small_capacity,small_percent');
    expect(rows.length).toBeGreaterThanOrEqual(7);

    // The server's own export, fetched with the bearer token.
    const exported = page.waitForEvent('download');
    await feedback.getByRole('button', { name: 'Server CSV export' }).click();
    const serverCsv = await readFile(await (await exported).path(), 'utf8');
    expect(serverCsv.split('\r\n')[0]).toBe('at,site_id,session_id,size,rating,comment');
    expect(serverCsv).toContain(comment);
  });

  test('session search runs on the server: a match beyond the first page is found by contact and by compartment', async () => {
    test.setTimeout(90_000);
    const email = `search-${Date.now()}@example.com`;
    const target = await issueCode(email);
    // 26 newer sessions push the target off the first page (25) of the unfiltered list.
    for (let i = 0; i < 26; i++) await issueCode();

    await page.goto(adminUrl('sessions'));
    await expect(page.getByTestId('sessions-count')).toContainText(/matching · 25 shown/);
    await expect(page.getByRole('link', { name: target.sessionId.slice(0, 8) })).toHaveCount(0);

    // Part of the address, in other letter case.
    const part = email.split('@')[0]!.toUpperCase();
    const searched = page.waitForRequest(
      (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes(part),
    );
    await page.getByLabel('Contact').fill(part);
    expect(((await searched).postDataJSON() as { variables: { contact: string } }).variables.contact).toBe(
      part,
    );
    await expect(page.getByTestId('sessions-count')).toHaveText('1 matching · 1 shown');
    await expect(page.getByRole('table', { name: 'Sessions' })).toContainText(email);
    await shot(page, 'sessions-search-contact');

    // By compartment label and creation day (today in the site's zone): the sessions the
    // reports test completed in a known compartment.
    const done = await gql<{
      sessions: { totalCount: number; nodes: { compartment: { label: string } | null }[] };
    }>(
      adminToken,
      'query($s: ID) { sessions(siteId: $s, status: COMPLETED, first: 1) { totalCount nodes { compartment { label } } } }',
      { s: stack().siteId },
    );
    const label = done.sessions.nodes[0]!.compartment!.label;
    const expected = await gql<{ sessions: { totalCount: number } }>(
      adminToken,
      'query($s: ID, $l: String) { sessions(siteId: $s, compartmentLabel: $l) { totalCount } }',
      {
        s: stack().siteId,
        l: label,
      },
    );
    await page.getByLabel('Contact').fill('');
    await page.getByLabel('Compartment').fill(label.toLowerCase());
    // Every row shown is in that compartment (the contact search before also had one match,
    // so wait on the rows, not only on the count).
    const labelCells = page.getByRole('table', { name: 'Sessions' }).locator('tbody tr td:nth-child(3)');
    await expect
      .poll(async () => [...new Set((await labelCells.allTextContents()).map((l) => l.trim()))])
      .toEqual([label]);
    await expect(page.getByTestId('sessions-count')).toHaveText(
      new RegExp(`^${expected.sessions.totalCount} matching`),
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    await page.getByLabel('Created from').fill(today);
    await page.getByLabel(/^to \(/).fill(today);
    await expect(page.getByTestId('sessions-count')).toContainText(/[1-9]\d* matching/);
    await page.getByLabel('Created from').fill('2001-01-01');
    await page.getByLabel(/^to \(/).fill('2001-01-02');
    await expect(page.getByTestId('sessions-count')).toHaveText('0 matching · 0 shown');
    await shot(page, 'sessions-search');
  });
});
