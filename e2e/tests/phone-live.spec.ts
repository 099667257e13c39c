// The phone page stays live without a reload: the sizes' free counts follow a deposit made at
// the kiosk, and "My storage" follows the depositor's own session (public subscriptions over
// graphql-ws: the site's availability, and the session keyed by the phone's own code).
import {
  depositByApi,
  depositWithCode,
  emptyLocker,
  expectAccessible,
  shot,
  test,
  expect,
} from './kiosk-support';

test.use({ viewport: { width: 390, height: 844 } });

const LANGS = [
  ['en', 'English', 'Stored'],
  ['de', 'Deutsch', 'Eingeschlossen'],
  ['fr', 'Français', 'Déposé'],
  ['es', 'Español', 'Guardado'],
] as const;

test('free counts and my storage update live on the phone', async ({ page, stack }) => {
  await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
  const small = page.getByRole('button', { name: /^Small/ });
  await expect(small).toContainText(/\d+ of \d+ free/);
  const freeNow = async () => Number(/(\d+) of \d+ free/.exec((await small.textContent()) ?? '')?.[1]);
  const before = await freeNow();

  // someone stores a small bag at the kiosk: the phone's count drops, no reload
  const other = await depositByApi(stack, 'SMALL');
  await expect(small).toContainText(`${before - 1} of`);

  // the phone's own code: "My storage" goes from "code ready" to "stored" as the door shuts
  await small.click();
  await page.getByRole('button', { name: 'Continue without' }).click();
  await expect(page.getByText('Your code is saved on this phone.')).toBeVisible();
  const payload = await page.evaluate(
    (siteId) => localStorage.getItem(`lockers.phone.code.${siteId}`),
    stack.siteId,
  );
  await page.getByRole('button', { name: 'My storage' }).click();
  const status = page.getByTestId('session-status');
  await expect(status).toHaveText('Code ready, nothing stored yet');
  const label = await depositWithCode(stack, payload!);
  await expect(status).toHaveText('Stored');
  await expect(page.getByText(`Small · ${label}`)).toBeVisible();

  for (const [code, name, stored] of LANGS) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(status).toHaveText(stored);
    await shot(page, `phone-live-stored-${code}`);
    await expectAccessible(page, `phone, live stored session (${code})`);
  }

  await emptyLocker(stack, payload!, label);
  await emptyLocker(stack, other.payload, other.label);
});
