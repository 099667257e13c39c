// Local site names: an admin names the site per language in set-up; the kiosk, the ticket and the
// phone page show the name in the traveller's language, and the code e-mail is sent with it.
import { type Page } from '@playwright/test';
import { adminUrl, signIn } from './admin-support.js';
import { expectAccessible, graphql, openKiosk, shot, test, expect, waitForMail } from './kiosk-support';

const LANGS = [
  ['en', 'English', 'Central Station'],
  ['de', 'Deutsch', 'Hauptbahnhof'],
  ['fr', 'Français', 'Gare centrale'],
  ['es', 'Español', 'Estación central'],
] as const;

test.describe.configure({ mode: 'serial' });

/** Every language on the current screen: the site's name in it, a screenshot and axe. */
async function nameInEveryLanguage(page: Page, name: string): Promise<void> {
  for (const [code, lang, siteName] of LANGS) {
    await page.getByRole('button', { name: lang, exact: true }).click();
    await expect(page.getByTestId('site-name')).toHaveText(siteName);
    await shot(page, `${name}-${code}`);
    await expectAccessible(page, `${name} (${code})`);
  }
}

test('an admin names the site in German, French and Spanish', async ({ page, stack }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, stack.adminEmail, stack.adminPassword);
  await page.getByRole('combobox', { name: 'Site', exact: true }).selectOption(stack.siteId);
  await page.goto(adminUrl('setup', 'site'));
  const form = page.getByRole('form', { name: 'Site name per language' });
  await form.getByLabel('German name').fill('Hauptbahnhof');
  await form.getByLabel('French name').fill('Gare centrale');
  await form.getByLabel('Spanish name').fill('Estación central');
  await form.getByRole('button', { name: 'Save local names' }).click();
  await expect(form.getByText('Local names saved.')).toBeVisible();
  await shot(page, 'admin-site-local-names');
  await expectAccessible(page, 'admin site local names');
});

test.describe('kiosk', () => {
  test.use({ viewport: { width: 1080, height: 1920 } });
  test('the kiosk and its ticket name the site in the chosen language', async ({ page, stack }) => {
    await openKiosk(page, stack);
    await nameInEveryLanguage(page, 'site-name-kiosk');
    await page.getByRole('button', { name: 'Deutsch', exact: true }).click();
    await page.getByRole('button', { name: /Gepäck einschließen/ }).click();
    await page.getByRole('button', { name: /Klein/ }).click();
    await page.getByRole('button', { name: 'Ohne weiter' }).click();
    await expect(page.getByTestId('ticket-site')).toHaveText('Hauptbahnhof');
    await shot(page, 'site-name-ticket-de');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the phone page names the site in the chosen language', async ({ page, stack }) => {
    await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
    await nameInEveryLanguage(page, 'site-name-phone');
  });
});

test('the code e-mail names the site in the depositor’s language', async ({ stack }) => {
  const email = `lokal-${Date.now()}@example.com`;
  await graphql(
    stack,
    stack.kioskToken,
    'mutation($s: ID!, $c: ContactInput) { issueAccessCode(siteId: $s, size: SMALL, contact: $c) { session { id } } }',
    { s: stack.siteId, c: { email, language: 'FR' } },
  );
  const mail = await waitForMail(email);
  expect(mail.subject).toContain('Gare centrale');
});
