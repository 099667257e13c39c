// Lost code, off the happy path: a wrong one-time code says how many tries are left, "send the
// code again" sends a new one (and says how long to wait when asked again too soon), and the
// newest code then works. The messages in all four languages.
import { LANGUAGES, speak } from './kiosk-languages';
import {
  expectAccessible,
  graphql,
  openKiosk,
  receivedMail,
  recoveryMailFor,
  shot,
  test,
  expect,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

const RECOVERY = 'Your locker recovery code';

test('a wrong one-time code shows the tries left; the code sent again works', async ({ page, stack }) => {
  const email = `retry-${Date.now()}@example.com`;
  await graphql(
    stack,
    stack.kioskToken,
    'mutation($s: ID!, $c: ContactInput) { issueAccessCode(siteId: $s, size: SMALL, contact: $c) { session { id } } }',
    { s: stack.siteId, c: { email } },
  );
  const codesSent = async () =>
    (await receivedMail()).filter((m) => m.envelopeTo.includes(email) && m.subject === RECOVERY).length;
  const form = page.locator('form').filter({ has: page.locator('input[name="oneTimeCode"]') });
  /** Types a code that is not the one just sent, and asks for the new access code. */
  const guessWrong = async () => {
    const { oneTimeCode } = await recoveryMailFor(email);
    await form.locator('input[name="oneTimeCode"]').fill(oneTimeCode === '000000' ? '111111' : '000000');
    await form.locator('button[type="submit"]').click();
  };

  await openKiosk(page, stack);
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('button', { name: 'I lost my code' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect.poll(codesSent).toBe(1);

  const firstSentAt = Date.now();

  // five tries for the code; asking for another one within 30 s is refused with the wait
  const left = { en: 4, de: 3, fr: 2, es: 1 } as const;
  for (const lang of LANGUAGES) {
    await speak(page, lang);
    await guessWrong();
    await expect(page.getByTestId('recover-tries')).toContainText(String(left[lang.code]));
    await page.getByRole('button', { name: lang.resend }).click();
    await expect(page.getByTestId('recover-wait')).toContainText(/\d+/);
    await shot(page, `recover-tries-wait-${lang.code}`);
    await expectAccessible(page, `tries left, wait before sending again (${lang.code})`);
  }
  await expect(page.getByTestId('recover-tries')).toHaveText(
    'Ese código no es correcto. Intentos restantes: 1.',
  );
  expect(await codesSent()).toBe(1);

  // once the wait is over, the code goes again: a new code, its own five tries
  await page.waitForTimeout(Math.max(0, firstSentAt + 31_000 - Date.now()));
  await page.getByRole('button', { name: 'Enviar el código de nuevo' }).click();
  await expect.poll(codesSent).toBe(2);
  for (const lang of [...LANGUAGES].reverse()) {
    await speak(page, lang);
    await expect(page.getByTestId('recover-wait')).toHaveCount(0);
    await shot(page, `recover-resent-${lang.code}`);
    await expectAccessible(page, `code sent again (${lang.code})`);
  }
  await expect(page.getByText('A new code is on its way. Only the newest code works.')).toBeVisible();

  const { oneTimeCode } = await recoveryMailFor(email);
  await form.locator('input[name="oneTimeCode"]').fill(oneTimeCode);
  await page.getByRole('button', { name: 'Show my new code' }).click();
  await expect(page.getByText('Your new code. The old one no longer works.')).toBeVisible();
});
