import { type Page } from '@playwright/test';
import { expectAccessible, openKiosk, shot, test, expect } from './kiosk-support';

/** Makes the server's answer to the availability query fail until the returned function is called. */
async function failAvailability(page: Page): Promise<() => Promise<void>> {
  const pattern = '**/graphql';
  await page.route(pattern, async (route) => {
    if ((route.request().postData() ?? '').includes('SiteAvailability'))
      await route.fulfill({ status: 503, body: 'unavailable' });
    else await route.fallback();
  });
  return () => page.unroute(pattern);
}

const sizeButtons = (page: Page) => page.getByRole('button', { name: /Small|Medium|Large/ });

test.describe('kiosk', () => {
  test.use({ viewport: { width: 1080, height: 1920 } });

  test('when availability cannot be read, no size is offered; a retry brings sizes with their price', async ({
    page,
    stack,
  }) => {
    await openKiosk(page, stack);
    // The header's read of the same query has come back: one still in flight would be shared
    // with the picker's (the client merges identical requests) and answer it past the failure.
    await expect(page.getByTestId('site-name')).toBeVisible();
    const restore = await failAvailability(page);
    await page.getByRole('button', { name: /Store luggage/ }).click();
    await expect(page.getByRole('alert')).toContainText('Sizes and prices could not be loaded');
    await expect(sizeButtons(page)).toHaveCount(0);
    await shot(page, 'sizes-unavailable');
    await expectAccessible(page, 'sizes unavailable');

    await restore();
    await page.getByRole('button', { name: 'Try again' }).click();
    const small = page.getByRole('button', { name: /Small/ });
    await expect(small).toContainText('Free');
    await expect(small).toContainText(/\d+ of \d+ free/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the phone page offers no size without its price and availability either', async ({ page, stack }) => {
    const restore = await failAvailability(page);
    await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
    await expect(page.getByRole('alert')).toContainText('Sizes and prices could not be loaded');
    await expect(sizeButtons(page)).toHaveCount(0);
    await shot(page, 'phone-sizes-unavailable');
    await expectAccessible(page, 'phone sizes unavailable');

    await restore();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('button', { name: /Small/ })).toContainText(/\d+ of \d+ free/);
  });
});
