import {
  captureNotifications,
  expectAccessible,
  hardwareScan,
  oneTimeCodeFor,
  openKiosk,
  shot,
  test,
  expect,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('lost code: one-time code to the contact, new QR code, old code refused', async ({ page, stack }) => {
  const databaseUrl = stack.databaseUrl;
  test.skip(!databaseUrl, 'the one-time code is read from the database: needs the local PostgreSQL');
  if (!databaseUrl) return;
  const email = `lost-${Date.now()}@example.com`;
  await captureNotifications(databaseUrl);
  await openKiosk(page, stack);

  await page.getByRole('button', { name: /Store luggage/ }).click();
  await page.getByRole('button', { name: /Small/ }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Get my code' }).click();
  const oldPayload = (await page.getByTestId('code-payload').textContent())?.trim() ?? '';
  await expect(page.getByText(/Lost it\? Tap Help/)).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Help' }).click();
  await shot(page, 'help');
  await page.getByRole('button', { name: 'I lost my code' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect(page.getByText('If we know this contact, a one-time code is on its way.')).toBeVisible();
  await shot(page, 'recover-code');

  const oneTime = await oneTimeCodeFor(databaseUrl, email);
  // Typed on the kiosk's own on-screen keyboard: a kiosk has no physical one.
  await page.getByLabel('One-time code', { exact: true }).focus();
  const keyboard = page.getByRole('group', { name: 'Keyboard for One-time code' });
  for (const digit of oneTime) await keyboard.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByLabel('One-time code', { exact: true })).toHaveValue(oneTime);
  await shot(page, 'on-screen-keyboard');
  await expectAccessible(page, 'one-time code keyboard');
  await page.getByRole('button', { name: 'Show my new code' }).click();
  await expect(page.getByText('Your new code. The old one no longer works.')).toBeVisible();
  const newPayload = (await page.getByTestId('code-payload').textContent())?.trim() ?? '';
  expect(newPayload).not.toBe(oldPayload);
  await shot(page, 'recovered');

  await page.getByRole('button', { name: 'Done' }).click();
  await hardwareScan(page, oldPayload);
  await expect(page.getByRole('heading', { level: 1, name: 'Code not recognised' })).toBeVisible();
  await shot(page, 'invalid-code');
  await expectAccessible(page, 'invalid code');
});
