// The phone page's short address: an admin sets the site's slug in set-up; the kiosk's start
// screen and the printed ticket carry a QR code of /kiosk/phone/<slug>; the phone page opens by
// slug, the old address by site id still works (and shows the short one), an unknown one says so.
import { adminUrl, signIn } from './admin-support.js';
import { expectAccessible, openKiosk, shot, test, expect, type KioskStack } from './kiosk-support';

const LANGS = [
  ['en', 'English', 'On your phone'],
  ['de', 'Deutsch', 'Auf Ihrem Telefon'],
  ['fr', 'Français', 'Sur votre téléphone'],
  ['es', 'Español', 'En su teléfono'],
] as const;
const SLUG = 'central-e2e';

const phoneUrl = (stack: KioskStack, address: string) => `${stack.baseURL}/kiosk/phone/${address}`;

test.describe.configure({ mode: 'serial' });

test('an admin gives the site its phone address in set-up', async ({ page, stack }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, stack.adminEmail, stack.adminPassword);
  await page.getByRole('combobox', { name: 'Site', exact: true }).selectOption(stack.siteId);
  await page.goto(adminUrl('setup', 'site'));
  const form = page.getByRole('form', { name: 'Site settings' });
  const field = form.getByLabel('Phone page address');
  await field.fill('Not a slug!');
  await form.getByRole('button', { name: 'Save site' }).click();
  await expect(form.getByText(/3 to 40 of a-z, 0-9 and single hyphens/)).toBeVisible();
  await field.fill(SLUG);
  await expect(form.getByText(`/kiosk/phone/${SLUG} (the QR`)).toBeVisible();
  await form.getByRole('button', { name: 'Save site' }).click();
  await expect(form.getByText('Site saved.')).toBeVisible();
  await shot(page, 'admin-site-phone-address');
  await expectAccessible(page, 'admin site settings with phone address');
});

test.describe('kiosk', () => {
  test.use({ viewport: { width: 1080, height: 1920 } });

  test('the start screen and the ticket show the phone address as a QR code', async ({ page, stack }) => {
    await openKiosk(page, stack);
    const link = page.getByTestId('phone-link');
    await expect(link.getByTestId('phone-address')).toHaveText(new RegExp(`/kiosk/phone/${SLUG}$`));
    await expect(link.getByRole('img', { name: new RegExp(`/kiosk/phone/${SLUG}$`) })).toBeVisible();
    for (const [code, name, title] of LANGS) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect(link.getByRole('heading', { name: title })).toBeVisible();
      await shot(page, `phone-address-home-${code}`);
      await expectAccessible(page, `start screen with phone address (${code})`);
    }
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: /Store luggage/ }).click();
    await page.getByRole('button', { name: /Small/ }).click();
    await page.getByRole('button', { name: 'Continue without' }).click();
    // its accessible name follows the language, so the ticket is found by role alone
    const ticket = page.getByRole('article');
    await expect(ticket.getByTestId('phone-address')).toHaveText(new RegExp(`/kiosk/phone/${SLUG}$`));
    for (const [code, name, title] of LANGS) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect(ticket.getByRole('heading', { name: title })).toBeVisible();
      await shot(page, `phone-address-ticket-${code}`);
      await expectAccessible(page, `ticket with phone address (${code})`);
    }
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'phone-address-ticket-print');
    await page.emulateMedia({ media: 'screen' });
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('opens by slug; the old address by id still works and shows the short one', async ({
    page,
    stack,
  }) => {
    await page.goto(phoneUrl(stack, SLUG));
    await expect(page.getByRole('button', { name: 'Get a code' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('button', { name: /Small/ })).toBeVisible();

    await page.goto(phoneUrl(stack, stack.siteId));
    await expect(page.getByRole('button', { name: /Small/ })).toBeVisible();
    await expect(page).toHaveURL(phoneUrl(stack, SLUG));
  });

  test('an address that names no site says so, in every language', async ({ page, stack }) => {
    await page.goto(phoneUrl(stack, 'no-such-site'));
    await expect(page.getByText('This address does not name a locker site.', { exact: false })).toBeVisible();
    for (const [code, name] of LANGS) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await shot(page, `phone-address-unknown-${code}`);
      await expectAccessible(page, `phone page, unknown address (${code})`);
    }
  });
});
