import {
  door,
  emptyLocker,
  hardwareScan,
  issueCode,
  openKiosk,
  scanByApi,
  shot,
  test,
  expect,
  waitForDoorState,
  waitForPulse,
  waitForStatus,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('set-up: the operator enters the device token once and the site comes from the server', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.baseURL}/kiosk/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kiosk set-up' })).toBeVisible();
  // Typed on the on-screen keyboard, as staff would at a kiosk without a physical keyboard.
  await page.getByLabel('Kiosk device token', { exact: true }).focus();
  const keyboard = page.getByRole('group', { name: 'Keyboard for Kiosk device token' });
  const shift = keyboard.getByRole('button', { name: 'Capital letters' });
  for (const ch of stack.kioskToken) {
    const upper = ch !== ch.toLowerCase();
    const lower = ch !== ch.toUpperCase();
    const shifted = (await shift.getAttribute('aria-pressed')) === 'true';
    if ((upper && !shifted) || (lower && shifted)) await shift.click();
    await keyboard.getByRole('button', { name: ch, exact: true }).click();
  }
  await expect(page.getByLabel('Kiosk device token', { exact: true })).toHaveValue(stack.kioskToken);
  await keyboard.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('button', { name: 'Find site from token' }).click();
  await expect(page.getByLabel('Site id', { exact: true })).toHaveValue(stack.siteId);
  await page.getByLabel('Return to start after (seconds)', { exact: true }).fill('45');
  await shot(page, 'setup');
  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();

  // Kept on the device: a reload starts the kiosk, ?setup opens the set-up again without showing the token.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
  await page.goto(`${stack.baseURL}/kiosk/?setup`);
  await expect(page.getByLabel('Kiosk device token', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Site id', { exact: true })).toHaveValue(stack.siteId);
});

test('a wrong token is refused at set-up', async ({ page, stack }) => {
  await page.goto(`${stack.baseURL}/kiosk/?setup`);
  await page.getByLabel('Kiosk device token', { exact: true }).fill('lkd_not-a-real-token');
  await page.getByLabel('Site id', { exact: true }).fill(stack.siteId);
  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page.getByRole('alert')).toHaveText('Token or site id rejected by the server.');
});

test('the kiosk in German, and the scan screen', async ({ page, stack }) => {
  await openKiosk(page, stack);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await shot(page, 'start-de');
  await page.getByRole('button', { name: /Gepäck einschließen/ }).click();
  await expect(page.getByRole('button', { name: /Mittel/ })).toContainText('4,00 €');
  await shot(page, 'sizes-de');
  await page.getByRole('button', { name: 'Zurück' }).click();
  await page.getByRole('button', { name: /Ich habe einen Code/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Code scannen' })).toBeVisible();
  await shot(page, 'scan-de');
});

test('a second scan while its door is opening (BUSY: the first answer lost) names the locker and follows it', async ({
  page,
  stack,
}) => {
  const payload = await issueCode(stack, 'SMALL');
  const since = Date.now();
  const first = await scanByApi(stack, payload);
  expect(first.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  const label = first.label!;
  await openKiosk(page, stack);
  await hardwareScan(page, payload);
  // the label is an element of its own, in large type
  await expect(page.getByRole('main')).toContainText(`Go to locker${label}`);
  await expect(page.getByText(/put your luggage in/i)).toBeVisible();
  await shot(page, 'busy');
  // the person finds the door open and stores the bag: the kiosk follows it to the end
  await waitForPulse(stack, label, since);
  await door(stack, label, 'open');
  await door(stack, label, 'close');
  await expect(page.getByText(/Stored until/)).toBeVisible();
  await waitForStatus(stack, payload, 'STORED');
  await emptyLocker(stack, payload, label);
});

test('no locker of the size free: the size shows as taken and a code for it says so', async ({
  page,
  stack,
}) => {
  // Fill every free SMALL locker through the API (deposits left open on purpose), keep one more code.
  const filled: { payload: string; label: string; since: number }[] = [];
  let spare = '';
  for (let i = 0; i < 30 && !spare; i++) {
    const payload = await issueCode(stack, 'SMALL');
    const since = Date.now();
    const result = await scanByApi(stack, payload);
    if (result.outcome === 'NO_COMPARTMENT_AVAILABLE') spare = payload;
    else filled.push({ payload, label: result.label!, since });
  }
  expect(spare).not.toBe('');
  try {
    await openKiosk(page, stack);
    await page.getByRole('button', { name: /Store luggage/ }).click();
    await expect(page.getByRole('button', { name: /Small/ })).toContainText('All taken');
    await expect(page.getByRole('button', { name: /Small/ })).toBeDisabled();
    await shot(page, 'size-full');
    await page.getByRole('button', { name: 'Back' }).click();
    await hardwareScan(page, spare);
    await expect(page.getByRole('heading', { level: 1, name: 'No locker free' })).toBeVisible();
    await shot(page, 'no-locker-free');
  } finally {
    // Store and take out again what this test filled, so the lockers are free for what follows.
    for (const f of filled) {
      await waitForPulse(stack, f.label, f.since);
      await door(stack, f.label, 'open');
      await waitForDoorState(stack, f.label, 'OPEN');
      await door(stack, f.label, 'close');
    }
    for (const f of filled) {
      await waitForStatus(stack, f.payload, 'STORED');
      await emptyLocker(stack, f.payload, f.label);
    }
  }
});
