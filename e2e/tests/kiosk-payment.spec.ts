import {
  emptyLocker,
  expectAccessible,
  openKiosk,
  shot,
  shownLocker,
  test,
  expect,
  useDoor,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('a MEDIUM locker costs 4.00: declined card, then approved, then the locker opens by itself', async ({
  page,
  stack,
}) => {
  await openKiosk(page, stack);
  await page.getByRole('button', { name: /Store luggage/ }).click();
  const medium = page.getByRole('button', { name: /Medium/ });
  await expect(medium).toContainText('€4.00');
  await medium.click();
  await page.getByRole('button', { name: 'Continue without' }).click();
  const payload = (await page.getByTestId('code-payload').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Open a locker now' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Payment needed' })).toBeVisible();
  await expect(page.getByText('Please pay €4.00 to open your locker.')).toBeVisible();
  await shot(page, 'payment-required');
  await expectAccessible(page, 'payment required');
  await page.getByRole('button', { name: 'Pay €4.00' }).click();
  await expect(page.getByText('Tap your card on the reader')).toBeVisible();
  await shot(page, 'payment-tap-card');
  await expectAccessible(page, 'tap card');
  await page.getByRole('button', { name: 'Card declined' }).click();
  await expect(page.getByRole('alert')).toContainText('The card was declined');
  await shot(page, 'payment-declined');

  await page.getByRole('button', { name: 'Pay €4.00' }).click();
  const since = Date.now();
  await page.getByRole('button', { name: 'Card approved' }).click();
  const label = await shownLocker(page);
  expect(label).toMatch(/^[AB]0[5-8]$/); // a MEDIUM compartment of the seed
  await shot(page, 'payment-unlocked');
  await useDoor(page, stack, label, 'payment', since);
  await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
  // Paid before the deposit, collected within the included time: nothing more to pay.
  await emptyLocker(stack, payload, label);
});
