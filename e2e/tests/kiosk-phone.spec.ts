import { shot, test, expect } from './kiosk-support';
import { LANGUAGES, speak } from './kiosk-languages';

test.use({ viewport: { width: 390, height: 844 } });

test('on a phone, with no token: get a code, see the storage, leave feedback', async ({ page, stack }) => {
  await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
  await expect(page.getByRole('button', { name: 'Get a code' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: /Small/ }).click();
  await page.getByRole('button', { name: 'Continue without' }).click();
  await expect(page.getByText('Your code is saved on this phone.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your code' })).toBeVisible();
  await shot(page, 'phone-code');

  await page.getByRole('button', { name: 'My storage' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('Code ready, nothing stored yet');
  await shot(page, 'phone-session');

  // The code survives a reload: it is kept on the phone.
  await page.reload();
  await expect(page.getByTestId('session-status')).toHaveText('Code ready, nothing stored yet');

  await page.getByRole('button', { name: 'Feedback' }).click();
  await page.getByRole('button', { name: '4 out of 5' }).click();
  await page.getByLabel('Comment (optional)').fill('Easy to use');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByText('Thank you for your feedback.')).toBeVisible();
});

test('every tab of the phone page is on screen at 390 px, in every language', async ({ page, stack }) => {
  await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
  for (const lang of LANGUAGES) {
    await speak(page, lang);
    const tabs = page.locator('nav.tabs').getByRole('button');
    await expect(tabs).toHaveCount(5);
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x, `${lang.button}: ${await tab.innerText()}`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${lang.button}: ${await tab.innerText()}`).toBeLessThanOrEqual(390);
    }
  }
  await speak(page, LANGUAGES[1]);
  await shot(page, 'phone-tabs-de');
});
