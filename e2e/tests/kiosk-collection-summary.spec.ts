// After a collection: how long the bag was stored, what was paid and the receipt's reference
// (the one on the e-mailed receipt), then "Store luggage again" goes straight to the sizes.
import { LANGUAGES, speak } from './kiosk-languages';
import {
  depositWithCode,
  door,
  expectAccessible,
  graphql,
  hardwareScan,
  openKiosk,
  shot,
  shownLocker,
  test,
  expect,
  waitForDoorState,
  waitForMail,
  waitForPulse,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('collection ends with a summary and the receipt reference; "Store luggage again" starts a deposit', async ({
  page,
  stack,
}) => {
  await openKiosk(page, stack);
  for (const lang of LANGUAGES) {
    const email = `summary-${lang.code}-${Date.now()}@example.com`;
    const { issueAccessCode } = await graphql<{
      issueAccessCode: { session: { id: string }; code: { payload: string } };
    }>(
      stack,
      stack.kioskToken,
      'mutation($s: ID!, $c: ContactInput) { issueAccessCode(siteId: $s, size: SMALL, contact: $c) { session { id } code { payload } } }',
      { s: stack.siteId, c: { email } },
    );
    const payload = issueAccessCode.code.payload;
    await depositWithCode(stack, payload);

    await speak(page, lang);
    const since = Date.now();
    await hardwareScan(page, payload);
    const label = await shownLocker(page);
    await waitForPulse(stack, label, since);
    await door(stack, label, 'open');
    await waitForDoorState(stack, label, 'OPEN');
    await door(stack, label, 'close');
    await expect(page.getByRole('heading', { level: 1, name: lang.thanks })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('summary-stored')).toHaveText(/^\d+\s\S+/);
    await expect(page.getByTestId('summary-paid')).not.toBeEmpty();
    await expect(page.getByTestId('summary-receipt')).toContainText(issueAccessCode.session.id);
    await shot(page, `collection-summary-${lang.code}`);
    await expectAccessible(page, `collection summary (${lang.code})`);
    if (lang.code === 'en') {
      const receipt = await waitForMail(email, 'Your locker receipt');
      expect(receipt.text).toContain(issueAccessCode.session.id);
    }
    await page.getByRole('button', { name: lang.storeAgain }).click();
    await expect(page.getByRole('heading', { level: 1, name: lang.sizes })).toBeVisible();
    await shot(page, `store-again-sizes-${lang.code}`);
    await page.getByRole('button', { name: lang.back, exact: true }).click();
  }
});
