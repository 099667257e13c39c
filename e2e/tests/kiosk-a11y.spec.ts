import { openKiosk, test, expect, violations } from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('kiosk screens pass axe (WCAG A/AA, contrast included)', async ({ page, stack }) => {
  await openKiosk(page, stack);
  expect(await violations(page), 'start').toEqual([]);
  await page.getByRole('button', { name: /Store luggage/ }).click();
  await expect(page.getByRole('button', { name: /Small/ })).toContainText('free');
  expect(await violations(page), 'sizes').toEqual([]);
  await page.getByRole('button', { name: /Small/ }).click();
  await page.getByLabel('Email', { exact: true }).focus();
  await expect(page.getByRole('group', { name: 'Keyboard for Email' })).toBeVisible();
  expect(await violations(page), 'contact with on-screen keyboard').toEqual([]);
  await page.getByRole('button', { name: 'Continue without' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your code' })).toBeVisible();
  expect(await violations(page), 'ticket').toEqual([]);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: /I have a code/ }).click();
  expect(await violations(page), 'scan').toEqual([]);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Help' }).click();
  expect(await violations(page), 'help').toEqual([]);
  await page.getByRole('button', { name: 'I lost my code' }).click();
  expect(await violations(page), 'lost code').toEqual([]);
});

test('set-up and phone pages pass axe', async ({ page, stack }) => {
  await page.goto(`${stack.baseURL}/kiosk/?setup`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kiosk set-up' })).toBeVisible();
  expect(await violations(page), 'set-up').toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
  await expect(page.getByRole('button', { name: /Small/ })).toBeVisible();
  expect(await violations(page), 'phone').toEqual([]);
  await page.getByRole('button', { name: 'My storage' }).click();
  expect(await violations(page), 'phone session').toEqual([]);
});
