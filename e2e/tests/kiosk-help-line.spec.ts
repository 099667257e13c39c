// The site's help line, set by an admin in the dashboard, on the kiosk's help screen and the
// phone's help tab; a help request answers with a reference and what happens next; the kiosk's
// help screen does not time out. Four languages each.
import { adminUrl, shot as adminShot, signIn } from './admin-support';
import { LANGUAGES, speak } from './kiosk-languages';
import { adminToken, expectAccessible, graphql, openKiosk, shot, test, expect } from './kiosk-support';

const PHONE = '+49 30 1234567';
const HOURS = 'Daily 06:00-22:00';

test('help line set in the dashboard; kiosk and phone show it, a request gets a reference', async ({
  browser,
  page,
  stack,
}) => {
  const site = await graphql<{ site: { name: string } }>(
    stack,
    null,
    'query($s: ID!) { site(id: $s) { name } }',
    {
      s: stack.siteId,
    },
  );
  const admin = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await signIn(admin, stack.adminEmail, stack.adminPassword);
  await admin.goto(adminUrl('setup', 'site'));
  await admin.getByLabel('Site', { exact: true }).selectOption({ label: site.site.name });
  const form = admin.getByRole('form', { name: 'Help for travellers' });
  await form.getByLabel('Help phone number').fill('ring the bell');
  await form.getByRole('button', { name: 'Save help line' }).click();
  await expect(form.getByText('Enter a phone number such as +49 30 1234567.')).toBeVisible();
  await form.getByLabel('Help phone number').fill(PHONE);
  await form.getByLabel('Opening hours').fill(HOURS);
  await form.getByRole('button', { name: 'Save help line' }).click();
  await expect(form.getByRole('status')).toHaveText('Help line saved.');
  await adminShot(admin, 'site-help-line');
  await admin.close();

  try {
    await page.setViewportSize({ width: 1080, height: 1920 });
    await openKiosk(page, stack, 5); // a short idle time: the help screen must outlast it
    for (const lang of LANGUAGES) {
      await speak(page, lang);
      await page.getByRole('button', { name: lang.help, exact: true }).click();
      await expect(page.getByTestId('help-phone')).toHaveText(PHONE);
      await expect(page.getByTestId('help-hours')).toHaveText(HOURS);
      await shot(page, `help-line-${lang.code}`);
      await expectAccessible(page, `help line (${lang.code})`);
      await page.getByRole('button', { name: lang.doorDidNotOpen }).click();
      await page.getByRole('button', { name: lang.callStaff }).click();
      await expect(page.getByTestId('help-reference')).toHaveText(/^[0-9A-F]{8}$/);
      await expect(page.locator('.help-coming')).toContainText(PHONE);
      if (lang.code === 'en') {
        await page.waitForTimeout(7_000); // longer than the idle time: help stays up
        await expect(page.getByTestId('help-reference')).toBeVisible();
      }
      await shot(page, `help-requested-${lang.code}`);
      await expectAccessible(page, `help requested (${lang.code})`);
      await page.getByRole('button', { name: lang.back, exact: true }).click(); // to the help topics
      await page.getByRole('button', { name: lang.back, exact: true }).click(); // to the start screen
    }

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
    for (const lang of LANGUAGES) {
      await speak(phone, lang);
      await phone.getByRole('button', { name: lang.help, exact: true }).click();
      await expect(phone.getByRole('link', { name: PHONE })).toHaveAttribute('href', 'tel:+49301234567');
      await expect(phone.getByTestId('help-hours')).toHaveText(HOURS);
      if (lang.code === 'en') {
        await phone.getByRole('button', { name: lang.callStaff }).click();
        await expect(phone.getByTestId('help-reference')).toHaveText(/^[0-9A-F]{8}$/);
      }
      await shot(phone, `phone-help-${lang.code}`);
      await expectAccessible(phone, `phone help (${lang.code})`);
    }
    await phone.close();
  } finally {
    await graphql(
      stack,
      await adminToken(stack),
      'mutation($s: ID!) { setSiteHelp(siteId: $s, phone: null, hours: null) { id } }',
      { s: stack.siteId },
    );
  }
});
