// The size guide: an admin sets a bank's inside dimensions per size in set-up; the kiosk's size
// picker and the phone page show them, with the largest common bag that fits, in every language.
import { type Page } from '@playwright/test';
import { adminUrl, signIn } from './admin-support.js';
import { expectAccessible, openKiosk, shot, test, expect } from './kiosk-support';

const LANGS = [
  ['en', 'English', 'Inside 40 × 55 × 30 cm · fits a cabin bag 55×40×23'],
  ['de', 'Deutsch', 'Innen 40 × 55 × 30 cm · passt für einen Kabinenkoffer 55×40×23'],
  ['fr', 'Français', 'Intérieur 40 × 55 × 30 cm · pour un bagage cabine 55×40×23'],
  ['es', 'Español', 'Interior 40 × 55 × 30 cm · cabe una maleta de cabina 55×40×23'],
] as const;

test.describe.configure({ mode: 'serial' });

/** Every language on the current screen: the Small size's guide, a screenshot and axe. */
async function guideInEveryLanguage(page: Page, name: string): Promise<void> {
  for (const [code, lang, text] of LANGS) {
    await page.getByRole('button', { name: lang, exact: true }).click();
    await expect(page.getByTestId('size-guide-SMALL')).toHaveText(text);
    await shot(page, `${name}-${code}`);
    await expectAccessible(page, `${name} (${code})`);
  }
}

test('an admin sets the inside dimensions of a size in a bank', async ({ page, stack }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, stack.adminEmail, stack.adminPassword);
  await page.getByRole('combobox', { name: 'Site', exact: true }).selectOption(stack.siteId);
  await page.goto(adminUrl('setup', 'banks'));
  await page.locator('details.card summary').first().click();
  const form = page.getByRole('form', { name: /^Size guide of bank / }).first();
  await form.getByLabel('Size').selectOption('SMALL');
  await form.getByLabel('Width (cm)').fill('40');
  await form.getByLabel('Height (cm)').fill('550');
  await form.getByLabel('Depth (cm)').fill('30');
  await form.getByRole('button', { name: 'Save size guide' }).click();
  await expect(form.getByText('Whole centimetres, 5 to 300.')).toBeVisible();
  await form.getByLabel('Height (cm)').fill('55');
  await form.getByRole('button', { name: 'Save size guide' }).click();
  await expect(form.getByText('Size guide saved for Small.')).toBeVisible();
  await expect(form.getByText(/Small 40×55×30 cm/)).toBeVisible();
  await shot(page, 'admin-size-guide');
  await expectAccessible(page, 'admin bank size guide');
});

test.describe('kiosk', () => {
  test.use({ viewport: { width: 1080, height: 1920 } });
  test('the size picker shows the guide', async ({ page, stack }) => {
    await openKiosk(page, stack);
    await page.getByRole('button', { name: /Store luggage/ }).click();
    await guideInEveryLanguage(page, 'size-guide-kiosk');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the phone page shows the guide', async ({ page, stack }) => {
    await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
    await guideInEveryLanguage(page, 'size-guide-phone');
  });
});
