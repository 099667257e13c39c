// A remote open that cannot happen, in a real Chromium against the real server: on a site of
// its own (Asia/Tokyo) whose gateway beats once and then goes quiet, an operator's remote open
// is refused at once with the reason (the gateway, and when it was last heard from in the
// site's zone), nothing is promised; once the board knows the gateway is offline, the button
// is not offered and the panel says why. The demo site is not touched.
import { expect, test, type Page } from '@playwright/test';
import { adminToken as loginAdmin, codeOf, gql, shot, signIn, stack } from './admin-support.js';
import { violations } from './kiosk-support.js';

test.describe.configure({ mode: 'serial' });

test.describe('admin remote open with the gateway offline', () => {
  const stamp = Date.now();
  const siteName = `Remote open e2e ${stamp}`;
  let page: Page;
  let admin: string;
  let compartmentId: string;

  test.beforeAll(async ({ browser }) => {
    admin = await loginAdmin();
    const { createSite } = await gql<{ createSite: { id: string } }>(
      admin,
      'mutation($n: String!) { createSite(name: $n, timezone: "Asia/Tokyo") { id } }',
      { n: siteName },
    );
    const { registerGateway } = await gql<{ registerGateway: { token: string } }>(
      admin,
      'mutation($s: ID!) { registerGateway(siteId: $s, name: "Quiet gateway") { token } }',
      { s: createSite.id },
    );
    const { createLockerBank } = await gql<{ createLockerBank: { compartments: { id: string }[] } }>(
      admin,
      `mutation($s: ID!) { createLockerBank(siteId: $s, label: "R", modbusEndpoint: "tcp://127.0.0.1:1",
        compartments: [{ label: "R01", size: SMALL, unitId: 1, coil: 0, doorInput: 0 }]) { compartments { id } } }`,
      { s: createSite.id },
    );
    compartmentId = createLockerBank.compartments[0]!.id;
    // One heartbeat: the gateway is online for the next 10 s, then silent.
    await gql(registerGateway.token, 'mutation { reportDoorStates(reports: []) }');

    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signIn(page, stack().adminEmail, stack().adminPassword);
    await page.getByLabel('Site').selectOption({ label: siteName });
    await expect(page.getByRole('heading', { name: siteName })).toBeVisible();
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test('an open confirmed after the gateway went quiet is refused with the reason; nothing is promised', async () => {
    await expect(page.getByTestId('gateway-status')).toContainText('Online');
    await page.getByTestId('compartment-R01').click();
    await page.getByRole('button', { name: 'Open remotely' }).click();
    await page.getByLabel('Reason for “Open remotely”').fill('customer at the desk');
    // Past the presence window (10 s) with no heartbeat.
    await page.waitForTimeout(11_000);
    await page.getByRole('button', { name: 'Confirm: Open remotely' }).click();
    const refusal = page.getByRole('form', { name: 'Open remotely' }).getByRole('alert');
    await expect(refusal).toContainText(
      /Compartment R01 cannot be opened now: gateway Quiet gateway is offline \(last heard from \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(Asia\/Tokyo\)\)/,
    );
    await expect(refusal).toContainText('Nothing was sent to the lock.');
    await shot(page, 'remote-open-refused');
    expect(
      await codeOf(
        gql(admin, 'mutation($c: ID!) { operatorOpenCompartment(compartmentId: $c, reason: "x") { id } }', {
          c: compartmentId,
        }),
      ),
    ).toBe('LOCK_UNAVAILABLE');
    // No door event was recorded for the refused opens.
    const { doorEvents } = await gql<{
      doorEvents: { nodes: { type: string; compartment: { id: string } }[] };
    }>(admin, 'query { doorEvents(first: 50) { nodes { type compartment { id } } } }');
    expect(doorEvents.nodes.filter((e) => e.compartment.id === compartmentId)).toEqual([]);
  });

  test('once the board knows the gateway is offline, remote open is not offered and the panel says why', async () => {
    await page.getByRole('form', { name: 'Open remotely' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('gateway-status')).toContainText('Offline', { timeout: 30_000 });
    const button = page.getByRole('button', { name: 'Open remotely' });
    await expect(button).toBeDisabled();
    await expect(page.getByTestId('action-unavailable')).toHaveText(
      'Remote open is unavailable: gateway Quiet gateway is offline.',
    );
    await expect(button).toHaveAccessibleDescription(
      'Remote open is unavailable: gateway Quiet gateway is offline.',
    );
    expect(await violations(page)).toEqual([]);
    await shot(page, 'remote-open-offline');
  });
});
