// An overdue bag: the kiosk and the phone say when it was due (site time), how long over, the
// rate and the fee so far, not a bare amount; the phone says "Overdue". Four languages each.
import { execFileSync } from 'node:child_process';
import { harnessEnvSync } from '../src/env';
import { LANGUAGES, speak } from './kiosk-languages';
import {
  depositByApi,
  emptyLocker,
  expectAccessible,
  graphql,
  hardwareScan,
  openKiosk,
  shot,
  test,
  expect,
  type KioskStack,
} from './kiosk-support';

const OVERDUE: Record<string, string> = { en: 'Overdue', de: 'Überfällig', fr: 'En retard', es: 'Vencido' };

/** The session behind a code, read as the kiosk reads it. */
async function sessionIdOf(stack: KioskStack, payload: string): Promise<string> {
  const data = await graphql<{ sessionByAccessCode: { id: string } }>(
    stack,
    stack.kioskToken,
    'query($s: ID!, $p: String!) { sessionByAccessCode(siteId: $s, payload: $p) { id } }',
    { s: stack.siteId, p: payload },
  );
  return data.sessionByAccessCode.id;
}

/** Moves the bag's due time 70 minutes into the past, as if the traveller came back late. */
function comeBackLate(sessionId: string): void {
  execFileSync('psql', [
    harnessEnvSync().databaseUrl!,
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    `update storage_session set deposited_at = now() - interval '6 hours', due_at = now() - interval '70 minutes' where id = '${sessionId}'`,
  ]);
}

/** Pays the fee through the API (kiosk token, demo card) so the locker can be emptied after. */
async function pay(stack: KioskStack, sessionId: string, payload: string): Promise<void> {
  const { createPayment } = await graphql<{ createPayment: { id: string } }>(
    stack,
    stack.kioskToken,
    'mutation($id: ID!, $p: String) { createPayment(sessionId: $id, payload: $p) { id } }',
    { id: sessionId, p: payload },
  );
  await graphql(
    stack,
    stack.kioskToken,
    'mutation($id: ID!) { confirmDemoPayment(paymentId: $id, outcome: APPROVE) { status } }',
    {
      id: createPayment.id,
    },
  );
}

test.skip(() => harnessEnvSync().databaseUrl === null, 'needs the harness database to age a session');

test('an overdue bag: due time, time over, rate and fee so far, on the kiosk and the phone', async ({
  browser,
  page,
  stack,
}) => {
  const { payload, label } = await depositByApi(stack, 'SMALL');
  const sessionId = await sessionIdOf(stack, payload);
  comeBackLate(sessionId);

  await page.setViewportSize({ width: 1080, height: 1920 });
  await openKiosk(page, stack);
  for (const lang of LANGUAGES) {
    await speak(page, lang);
    await hardwareScan(page, payload);
    await expect(page.getByTestId('overdue-over')).toHaveText(/^1\s\S+ 1[0-2]\s\S+$/);
    await expect(page.getByTestId('overdue-due')).toContainText(/\d:\d\d/);
    await expect(page.getByTestId('overdue-rate')).toContainText('2');
    // the demo seed's SMALL tariff is free with 2.00 per started hour: two started hours, 4.00
    await expect(page.getByTestId('overdue-fee')).toContainText('4');
    await expect(page.getByTestId('overdue-to-pay')).toHaveText(
      (await page.getByTestId('overdue-fee').textContent()) ?? '',
    );
    await shot(page, `overdue-payment-${lang.code}`);
    await expectAccessible(page, `overdue payment (${lang.code})`);
    await page.getByRole('button', { name: lang.done, exact: true }).click();
  }
  await expect(page.getByTestId('overdue-fee')).toHaveCount(0);

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);
  await phone.getByRole('button', { name: 'My storage' }).click();
  await phone.getByLabel('Your code (the text under the QR code)').fill(payload);
  await phone.getByRole('button', { name: 'Show my storage' }).click();
  for (const lang of LANGUAGES) {
    await speak(phone, lang);
    await expect(phone.getByTestId('session-status')).toHaveText(OVERDUE[lang.code]!);
    await expect(phone.getByTestId('overdue-over')).toBeVisible();
    await shot(phone, `overdue-phone-${lang.code}`);
    await expectAccessible(phone, `overdue on the phone (${lang.code})`);
  }
  await phone.close();

  await pay(stack, sessionId, payload);
  await emptyLocker(stack, payload, label);
});
