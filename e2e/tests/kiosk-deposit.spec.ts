import {
  depositByApi,
  emptyLocker,
  expectAccessible,
  hardwareScan,
  openKiosk,
  shot,
  shownLocker,
  test,
  expect,
  useDoor,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('deposit from the start screen, then retrieval with the hardware scanner', async ({ page, stack }) => {
  await openKiosk(page, stack);
  await shot(page, 'start');

  // Store: size with live availability and price, no contact, ticket with the QR code.
  await page.getByRole('button', { name: /Store luggage/ }).click();
  const small = page.getByRole('button', { name: /Small/ });
  await expect(small).toContainText('Free');
  await expect(small).toContainText(/\d+ of \d+ free/);
  await shot(page, 'sizes');
  await small.click();
  await shot(page, 'contact');
  await page.getByRole('button', { name: 'Continue without' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your code' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your code' })).toBeVisible();
  const payload = (await page.getByTestId('code-payload').textContent())?.trim() ?? '';
  expect(payload.length).toBeGreaterThan(20);
  await shot(page, 'ticket');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'ticket-print');
  await page.emulateMedia({ media: 'screen' });

  // Deposit: the kiosk opens a locker with the code it just issued.
  let since = Date.now();
  await page.getByRole('button', { name: 'Open a locker now' }).click();
  const label = await shownLocker(page);
  expect(label).toMatch(/^[AB]0[1-4]$/); // a SMALL compartment of the seed
  await shot(page, 'deposit-unlocked');
  await expectAccessible(page, 'go to locker');
  await useDoor(page, stack, label, 'deposit', since);
  await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(`Your luggage is in locker ${label}.`)).toBeVisible();
  await shot(page, 'stored');
  await expectAccessible(page, 'stored');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();

  // Retrieval: the same code, typed by a keyboard-wedge scanner on the start screen.
  since = Date.now();
  await hardwareScan(page, payload);
  expect(await shownLocker(page)).toBe(label);
  await useDoor(page, stack, label, 'retrieval', since);
  await expect(page.getByText('Take your luggage, then close the door.')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: '5 out of 5' }).click();
  await expect(page.getByText('Thank you for your feedback.')).toBeVisible();
  await shot(page, 'thanks');
  await expectAccessible(page, 'thanks');

  // The same code again: that storage has ended.
  await page.getByRole('button', { name: 'Done' }).click();
  await hardwareScan(page, payload);
  await expect(page.getByRole('heading', { level: 1, name: 'Code no longer valid' })).toBeVisible();
  await shot(page, 'session-closed');
});

test('open mid-session and keep storing (intent ACCESS)', async ({ page, stack }) => {
  const { payload, label } = await depositByApi(stack, 'SMALL');
  await openKiosk(page, stack);
  await page.getByRole('button', { name: /I have a code/ }).click();
  await page.getByRole('checkbox', { name: 'Only open, keep storing' }).check();
  const since = Date.now();
  await hardwareScan(page, payload);
  expect(await shownLocker(page)).toBe(label);
  await useDoor(page, stack, label, 'access', since);
  await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
  await shot(page, 'access-stored');
  await emptyLocker(stack, payload, label);
});
