import {
  depositWithCode,
  emptyLocker,
  expectAccessible,
  hardwareScan,
  openKiosk,
  recoveryMailFor,
  shot,
  test,
  expect,
  waitForMail,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('lost code: one-time code by e-mail, new QR code, old code refused, receipt at the end', async ({
  page,
  stack,
}) => {
  const email = `lost-${Date.now()}@example.com`;
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

  // The person opens their mailbox: the recovery e-mail, to the address given at issue.
  const { mail, oneTimeCode } = await recoveryMailFor(email);
  expect(mail.to).toEqual([email]);
  expect(mail.subject).toBe('Your locker recovery code');
  expect(mail.from).toContain('no-reply@lockers.test');

  // Typed on the kiosk's own on-screen keyboard: a kiosk has no physical one.
  await page.getByLabel('One-time code', { exact: true }).focus();
  const keyboard = page.getByRole('group', { name: 'Keyboard for One-time code' });
  for (const digit of oneTimeCode) await keyboard.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByLabel('One-time code', { exact: true })).toHaveValue(oneTimeCode);
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

  // The new code stores and collects the luggage; the receipt then reaches the same mailbox.
  const label = await depositWithCode(stack, newPayload);
  await emptyLocker(stack, newPayload, label);
  const receipt = await waitForMail(email, 'Your locker receipt');
  expect(receipt.to).toEqual([email]);
  expect(receipt.text).toContain('Size: SMALL');
  expect(receipt.text).toContain('Paid: €0.00');
});
