import { type Locator, type Page } from '@playwright/test';
import {
  expectAccessible,
  hardwareScan,
  openKiosk,
  shot,
  shownLocker,
  test,
  expect,
  useDoor,
} from './kiosk-support';

/** The value next to a term in a list of facts. */
const fact = (scope: Page | Locator, term: string) => scope.locator(`dt:text-is("${term}") + dd`);

test.describe('kiosk', () => {
  test.use({ viewport: { width: 1080, height: 1920 } });

  test('the ticket says price, included time, the rate, code validity and due time; collection sums up', async ({
    page,
    stack,
  }) => {
    await openKiosk(page, stack);
    await page.getByRole('button', { name: /Store luggage/ }).click();
    await page.getByRole('button', { name: /Medium/ }).click();
    await page.getByRole('button', { name: 'Continue without' }).click();
    const ticket = page.getByRole('article', { name: 'Your code' });
    await expect(fact(ticket, 'Price')).toHaveText('€4.00');
    await expect(fact(ticket, 'Included time')).toHaveText(/\d+ (hr|min)/);
    await expect(fact(ticket, 'After that')).toHaveText(/^(€\d+\.\d\d per started hour|No extra charge)$/);
    await expect(fact(ticket, 'Code valid')).toHaveText(/^to store until \d\d:\d\d, then until you collect$/);
    await expect(fact(ticket, 'Collect by')).toHaveText(/from when you close the door$/);
    const terms = await ticket.locator('dt').allTextContents();
    expect(terms).toEqual([
      'Site',
      'Size',
      'Price',
      'Included time',
      'After that',
      'Code valid',
      'Collect by',
    ]);
    await shot(page, 'terms-ticket');
    await expectAccessible(page, 'ticket with terms');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'terms-ticket-print');
    await page.emulateMedia({ media: 'screen' });
    const payload = (await page.getByTestId('code-payload').textContent())?.trim() ?? '';

    let since = Date.now();
    await page.getByRole('button', { name: 'Open a locker now' }).click();
    await page.getByRole('button', { name: 'Pay €4.00' }).click();
    await page.getByRole('button', { name: 'Card approved' }).click();
    const label = await shownLocker(page);
    await useDoor(page, stack, label, 'terms', since);
    await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Paid: €4.00')).toBeVisible();
    await shot(page, 'terms-stored');
    await expectAccessible(page, 'stored with terms');
    await page.getByRole('button', { name: 'Done' }).click();

    since = Date.now();
    await hardwareScan(page, payload);
    expect(await shownLocker(page)).toBe(label);
    await useDoor(page, stack, label, 'terms-collect', since);
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible({
      timeout: 15_000,
    });
    await expect(page.getByTestId('summary-stored')).toHaveText(/^\d+ (min|hr)/);
    await expect(page.getByTestId('summary-paid')).toHaveText('€4.00');
    await shot(page, 'terms-collected');
    await expectAccessible(page, 'collection summary');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the phone shows the short code and the same terms on the code and on "My storage"', async ({
    page,
    stack,
  }) => {
    await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
    await page.getByRole('button', { name: /Small/ }).click();
    await page.getByRole('button', { name: 'Continue without' }).click();
    await expect(page.getByTestId('short-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const shortCode = await page.getByTestId('short-code').textContent();
    await expect(fact(page, 'Price')).toHaveText('Free');
    await expect(fact(page, 'Code valid')).toHaveText(/^to store until \d\d:\d\d/);
    await shot(page, 'terms-phone-code');
    await page.getByRole('button', { name: 'My storage' }).click();
    await expect(page.getByTestId('short-code')).toHaveText(shortCode ?? '');
    await expect(fact(page, 'Price')).toHaveText('Free');
    await expect(fact(page, 'Paid')).toHaveText('€0.00');
    await shot(page, 'terms-phone-session');
    await expectAccessible(page, 'phone session with terms');
  });
});
