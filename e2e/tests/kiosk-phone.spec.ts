import { shot, test, expect } from './kiosk-support';

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
