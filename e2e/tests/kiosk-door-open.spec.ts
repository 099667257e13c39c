import {
  adminToken,
  door,
  doorOf,
  emptyLocker,
  expectAccessible,
  graphql,
  hardwareScan,
  issueCode,
  openKiosk,
  shot,
  shownLocker,
  test,
  expect,
  useDoor,
  waitForPulse,
  waitForStatus,
  type KioskStack,
} from './kiosk-support';
import { type Page } from '@playwright/test';

test.use({ viewport: { width: 1080, height: 1920 } });

const MEDIUM_DOORS = ['A05', 'A06', 'A07', 'A08', 'B05', 'B06', 'B07', 'B08'];

/** What the session of `payload` was charged, read by staff. */
async function charges(
  stack: KioskStack,
  payload: string,
): Promise<{ status: string; size: string; payments: { status: string; amount: { amount: number } }[] }> {
  const { sessionByAccessCode } = await graphql<{ sessionByAccessCode: { id: string } }>(
    stack,
    stack.kioskToken,
    'query($s: ID!, $p: String!) { sessionByAccessCode(siteId: $s, payload: $p) { id } }',
    { s: stack.siteId, p: payload },
  );
  const admin = await adminToken(stack);
  const { session } = await graphql<{
    session: { status: string; size: string; payments: { status: string; amount: { amount: number } }[] };
  }>(
    stack,
    admin,
    'query($id: ID!) { session(id: $id) { status size payments { status amount { amount } } } }',
    { id: sessionByAccessCode.id },
  );
  return session;
}

async function jam(stack: KioskStack, labels: string[], on: boolean): Promise<void> {
  for (const label of labels) {
    const { unit, input } = doorOf(label);
    const res = await fetch(`${stack.simControlUrl}/doors/${unit}/${input}/${on ? 'jam' : 'unjam'}`, {
      method: 'POST',
    });
    expect(res.ok).toBe(true);
  }
}

/** From the start screen: a code for `size`, no contact, and "open a locker now". */
async function storeAtKiosk(page: Page, size: RegExp): Promise<string> {
  await page.getByRole('button', { name: /Store luggage/ }).click();
  await page.getByRole('button', { name: size }).click();
  await page.getByRole('button', { name: 'Continue without' }).click();
  const payload = (await page.getByTestId('code-payload').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Open a locker now' }).click();
  return payload;
}

async function payAtKiosk(page: Page, amount: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Payment needed' })).toBeVisible();
  await page.getByRole('button', { name: `Pay ${amount}` }).click();
  await page.getByRole('button', { name: 'Card approved' }).click();
}

test("an open door does not block the next traveller's scan at the same kiosk", async ({ page, stack }) => {
  const first = await issueCode(stack, 'SMALL');
  const second = await issueCode(stack, 'SMALL');
  await openKiosk(page, stack);
  let since = Date.now();
  await hardwareScan(page, first);
  const firstLocker = await shownLocker(page);
  await waitForPulse(stack, firstLocker, since);
  await door(stack, firstLocker, 'open');
  await expect(page.getByRole('heading', { level: 1, name: 'Door open' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'My bag does not fit' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'The door did not open' })).toBeVisible();
  await shot(page, 'door-open-actions');
  await expectAccessible(page, 'door open with actions');

  // The first traveller walks off with the door still open; the next one scans at once.
  since = Date.now();
  await hardwareScan(page, second);
  await expect(page.locator('.locker-id')).not.toHaveText(firstLocker, { timeout: 15_000 });
  const secondLocker = await shownLocker(page);
  await shot(page, 'door-open-next-traveller');
  await useDoor(page, stack, secondLocker, 'next-traveller', since);
  await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });

  // The first door closes later: that deposit completes all the same.
  await door(stack, firstLocker, 'close');
  await waitForStatus(stack, first, 'STORED');
  await emptyLocker(stack, first, firstLocker);
  await emptyLocker(stack, second, secondLocker);
});

test('my bag does not fit: a larger locker, only the difference paid, stored and charged once', async ({
  page,
  stack,
}) => {
  await openKiosk(page, stack);
  let since = Date.now();
  const payload = await storeAtKiosk(page, /Small/);
  const small = await shownLocker(page);
  await waitForPulse(stack, small, since);
  await door(stack, small, 'open');
  await expect(page.getByRole('heading', { level: 1, name: 'Door open' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'My bag does not fit' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Choose a larger locker' })).toBeVisible();
  await expect(
    page.getByText(`Keep the door of locker ${small} open and choose a larger locker first`),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Small/ })).toHaveCount(0);
  const medium = page.getByRole('button', { name: /Medium/ });
  await expect(medium).toContainText('€4.00');
  await shot(page, 'bag-does-not-fit');
  await expectAccessible(page, 'larger size');
  await medium.click();
  await door(stack, small, 'close'); // the small locker is shut again, empty: it stores nothing now

  since = Date.now();
  await payAtKiosk(page, '€4.00');
  const larger = await shownLocker(page);
  expect(larger).toMatch(/^[AB]0[5-8]$/);
  await useDoor(page, stack, larger, 'bag-does-not-fit', since);
  await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(`Your luggage is in locker ${larger}.`)).toBeVisible();
  await shot(page, 'bag-does-not-fit-stored');

  expect(await charges(stack, payload)).toEqual({
    status: 'STORED',
    size: 'MEDIUM',
    payments: [{ status: 'CAPTURED', amount: { amount: 400 } }],
  });
  await emptyLocker(stack, payload, larger);
});

test('the door did not open: staff are told, another locker opens without paying again, charged once', async ({
  page,
  stack,
}) => {
  const admin = await adminToken(stack);
  const { site } = await graphql<{ site: { depositWindowSeconds: number } }>(
    stack,
    admin,
    `{ site(id: "${stack.siteId}") { depositWindowSeconds } }`,
  );
  const setWindow = (seconds: number) =>
    graphql(
      stack,
      admin,
      'mutation($id: ID!, $s: Int!) { updateSite(id: $id, depositWindowSeconds: $s) { id } }',
      { id: stack.siteId, s: seconds },
    );
  await setWindow(10);
  await jam(stack, MEDIUM_DOORS, true);
  let stuck: string | null = null;
  try {
    await openKiosk(page, stack);
    const payload = await storeAtKiosk(page, /Medium/);
    await payAtKiosk(page, '€4.00');
    stuck = await shownLocker(page);
    await page.getByRole('button', { name: 'The door did not open' }).click();
    await expect(page.getByText('Help is coming. Please wait here, staff have been told.')).toBeVisible();
    await shot(page, 'door-did-not-open-help');
    await expect(
      page.getByText(/Scan your code again to get another locker; you will not pay again\./),
    ).toBeVisible({ timeout: 30_000 });
    await jam(stack, MEDIUM_DOORS, false);
    await page.getByRole('button', { name: 'Scan again' }).click();
    const since = Date.now();
    await hardwareScan(page, payload);
    const other = await shownLocker(page);
    expect(other).not.toBe(stuck);
    await useDoor(page, stack, other, 'door-did-not-open-other', since);
    await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });

    expect(await charges(stack, payload)).toEqual({
      status: 'STORED',
      size: 'MEDIUM',
      payments: [{ status: 'CAPTURED', amount: { amount: 400 } }],
    });
    await emptyLocker(stack, payload, other);
  } finally {
    await jam(stack, MEDIUM_DOORS, false);
    await setWindow(site.depositWindowSeconds);
    if (stuck) {
      const { site: s } = await graphql<{ site: { compartments: { id: string; label: string }[] } }>(
        stack,
        admin,
        `{ site(id: "${stack.siteId}") { compartments { id label } } }`,
      );
      const id = s.compartments.find((c) => c.label === stuck)?.id;
      if (id)
        await graphql(
          stack,
          admin,
          'mutation($c: ID!) { recordCompartmentInspection(compartmentId: $c, outcome: EMPTY) { id } }',
          { c: id },
        ).catch(() => undefined);
    }
  }
});
