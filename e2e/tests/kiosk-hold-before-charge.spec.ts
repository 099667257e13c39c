// Hold before charge, as a traveller sees it: when the last locker of a paid size goes while
// they are at the kiosk, they are told no locker is free, and never asked to pay.
import { adminToken, expect, graphql, openKiosk, shot, test } from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('a paid size with no compartment free: "No locker free", no payment screen, nothing charged', async ({
  page,
  stack,
}) => {
  await openKiosk(page, stack);
  await page.getByRole('button', { name: /Store luggage/ }).click();
  await page.getByRole('button', { name: /Medium/ }).click();
  await page.getByRole('button', { name: 'Continue without' }).click();
  const payload = (await page.getByTestId('code-payload').textContent())?.trim() ?? '';
  expect(payload).not.toBe('');

  // Meanwhile every free MEDIUM compartment goes (staff take them out of service).
  const admin = await adminToken(stack);
  const site = await graphql<{ site: { compartments: { id: string; size: string; status: string }[] } }>(
    stack,
    admin,
    'query($s: ID!) { site(id: $s) { compartments { id size status } } }',
    { s: stack.siteId },
  );
  const taken = site.site.compartments
    .filter((c) => c.size === 'MEDIUM' && c.status === 'AVAILABLE')
    .map((c) => c.id);
  const setOut = (id: string, out: boolean) =>
    graphql(
      stack,
      admin,
      'mutation($id: ID!, $o: Boolean!) { setCompartmentOutOfService(compartmentId: $id, outOfService: $o, reason: "e2e: hold before charge") { id } }',
      { id, o: out },
    );
  try {
    for (const id of taken) await setOut(id, true);
    await page.getByRole('button', { name: 'Open a locker now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'No locker free' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Payment needed' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
    await shot(page, 'no-locker-before-payment');
    const mine = await graphql<{
      sessionByAccessCode: { status: string; compartment: unknown; payments: unknown[] };
    }>(
      stack,
      admin,
      'query($s: ID!, $p: String!) { sessionByAccessCode(siteId: $s, payload: $p) { status compartment { id } payments { id } } }',
      { s: stack.siteId, p: payload },
    );
    expect(mine.sessionByAccessCode).toEqual({ status: 'CREATED', compartment: null, payments: [] });
  } finally {
    for (const id of taken) await setOut(id, false);
  }
});
