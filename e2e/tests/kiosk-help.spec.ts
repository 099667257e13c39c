import {
  adminToken,
  doorOf,
  emptyLocker,
  expectAccessible,
  graphql,
  hardwareScan,
  openKiosk,
  shot,
  shownLocker,
  test,
  expect,
  useDoor,
  type KioskStack,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

const SMALL_DOORS = ['A01', 'A02', 'A03', 'A04', 'B01', 'B02', 'B03', 'B04'];

async function jam(stack: KioskStack, labels: string[], on: boolean): Promise<void> {
  for (const label of labels) {
    const { unit, input } = doorOf(label);
    const res = await fetch(`${stack.simControlUrl}/doors/${unit}/${input}/${on ? 'jam' : 'unjam'}`, {
      method: 'POST',
    });
    expect(res.ok).toBe(true);
  }
}

test('the door did not open from the help menu: staff are called', async ({ page, stack }) => {
  await openKiosk(page, stack);
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('button', { name: 'The door did not open' }).click();
  await page.getByLabel('Locker number (optional)', { exact: true }).fill('A03');
  await page.getByRole('button', { name: 'Call for help' }).click();
  await expect(page.getByText('Help is coming. Please wait here, staff have been told.')).toBeVisible();
  await shot(page, 'help-coming');
});

test('a jammed lock: help from the locker screen, then the code still works', async ({ page, stack }) => {
  const admin = await adminToken(stack);
  const site = (
    await graphql<{ site: { depositWindowSeconds: number } }>(
      stack,
      admin,
      `{ site(id: "${stack.siteId}") { depositWindowSeconds } }`,
    )
  ).site;
  const setWindow = (seconds: number) =>
    graphql(
      stack,
      admin,
      'mutation($id: ID!, $s: Int!) { updateSite(id: $id, depositWindowSeconds: $s) { id } }',
      { id: stack.siteId, s: seconds },
    );
  await setWindow(10);
  await jam(stack, SMALL_DOORS, true);
  try {
    await openKiosk(page, stack);
    await page.getByRole('button', { name: /Store luggage/ }).click();
    await page.getByRole('button', { name: /Small/ }).click();
    await page.getByRole('button', { name: 'Continue without' }).click();
    const payload = (await page.getByTestId('code-payload').textContent())?.trim() ?? '';
    await page.getByRole('button', { name: 'Open a locker now' }).click();
    const label = await shownLocker(page);

    await page.getByRole('button', { name: 'The door did not open' }).click();
    await expect(page.getByText('Help is coming. Please wait here, staff have been told.')).toBeVisible();
    await shot(page, 'door-stuck-help');
    const alerts = await graphql<{ alerts: { type: string; compartment: { label: string } | null }[] }>(
      stack,
      admin,
      `{ alerts(siteId: "${stack.siteId}", open: true) { type compartment { label } } }`,
    );
    expect(alerts.alerts).toContainEqual({ type: 'ASSISTANCE_REQUESTED', compartment: { label } });

    // The deposit window runs out: the server frees the locker, the code stays valid.
    await expect(
      page.getByText(
        'The door did not open. Staff have been told. Scan your code again to get another locker; you will not pay again.',
      ),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Help is coming. Please wait here, staff have been told.')).toBeVisible();
    await shot(page, 'not-opened');
    await expectAccessible(page, 'not opened');

    // the jammed locker is out of allocation until staff have looked at it
    const jammed = (
      await graphql<{ site: { compartments: { id: string; label: string; status: string }[] } }>(
        stack,
        admin,
        `{ site(id: "${stack.siteId}") { compartments { id label status } } }`,
      )
    ).site.compartments.find((c) => c.label === label)!;
    expect(jammed.status).toBe('NEEDS_INSPECTION');
    await jam(stack, SMALL_DOORS, false);
    await page.getByRole('button', { name: 'Scan again' }).click();
    const since = Date.now();
    await hardwareScan(page, payload);
    const second = await shownLocker(page);
    await useDoor(page, stack, second, 'after-jam', since);
    await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
    expect(second).not.toBe(label);
    await emptyLocker(stack, payload, second);
    await graphql(
      stack,
      admin,
      'mutation($c: ID!) { recordCompartmentInspection(compartmentId: $c, outcome: EMPTY) { id } }',
      { c: jammed.id },
    );
  } finally {
    await jam(stack, SMALL_DOORS, false);
    await setWindow(site.depositWindowSeconds);
  }
});

test('a code of another site is refused as such', async ({ page, stack }) => {
  const admin = await adminToken(stack);
  const other = await graphql<{ createSite: { id: string } }>(
    stack,
    admin,
    'mutation { createSite(name: "Airport (kiosk e2e)", timezone: "Europe/Paris") { id } }',
  );
  // One compartment and a free tariff, so that site can issue codes (no gateway: nothing opens there).
  await graphql(
    stack,
    admin,
    `mutation { createLockerBank(siteId: "${other.createSite.id}", label: "Z", modbusEndpoint: "tcp://127.0.0.1:1", compartments: [{ label: "Z01", size: SMALL, unitId: 1, coil: 0, doorInput: 0 }]) { id } }`,
  );
  await graphql(
    stack,
    admin,
    `mutation { setTariff(siteId: "${other.createSite.id}", size: SMALL, price: 0, currency: "EUR", includedMinutes: 60, overduePerHour: 100, graceMinutes: 5, securityAlertAfterMinutes: 60) { id } }`,
  );
  // Issued on that site's public phone page (no token).
  const issued = await graphql<{ issueAccessCode: { code: { payload: string } } }>(
    stack,
    null,
    `mutation { issueAccessCode(siteId: "${other.createSite.id}", size: SMALL) { code { payload } } }`,
  );
  await openKiosk(page, stack);
  await hardwareScan(page, issued.issueAccessCode.code.payload);
  await expect(page.getByRole('heading', { level: 1, name: 'Other location' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('This code belongs to another locker location.');
  await shot(page, 'wrong-site');
});
