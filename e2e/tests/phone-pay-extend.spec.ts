// The depositor's phone pays for its own session: an overdue bag's fee first ("Pay"), then more
// time ("More time": a choice of steps with prices, then the demo card reader), with the code
// saved on the phone as the only proof. The new collection time arrives live. Four languages.
import { execFileSync } from 'node:child_process';
import { harnessEnvSync } from '../src/env';
import {
  depositWithCode,
  emptyLocker,
  expectAccessible,
  graphql,
  issueCode,
  scanByApi,
  shot,
  test,
  expect,
  type KioskStack,
} from './kiosk-support';

test.use({ viewport: { width: 390, height: 844 } });
test.skip(() => harnessEnvSync().databaseUrl === null, 'needs the harness database to age a session');

const LANGS = [
  ['en', 'English', 'Pay the overdue fee', 'More time'],
  ['de', 'Deutsch', 'Überziehungsgebühr bezahlen', 'Mehr Zeit'],
  ['fr', 'Français', 'Payer les frais de dépassement', 'Plus de temps'],
  ['es', 'Español', 'Pagar el recargo por retraso', 'Más tiempo'],
] as const;

/** A paid MEDIUM bag (the demo seed: 4.00 for 4 hours, 2.00 per started hour late), stored by API. */
async function storedMediumBag(stack: KioskStack): Promise<{ payload: string; label: string; id: string }> {
  const payload = await issueCode(stack, 'MEDIUM');
  expect((await scanByApi(stack, payload)).outcome).toBe('PAYMENT_REQUIRED');
  const { sessionByAccessCode } = await graphql<{ sessionByAccessCode: { id: string } }>(
    stack,
    stack.kioskToken,
    'query($s: ID!, $p: String!) { sessionByAccessCode(siteId: $s, payload: $p) { id } }',
    { s: stack.siteId, p: payload },
  );
  const { createPayment } = await graphql<{ createPayment: { id: string } }>(
    stack,
    stack.kioskToken,
    'mutation($id: ID!) { createPayment(sessionId: $id) { id } }',
    { id: sessionByAccessCode.id },
  );
  await graphql(
    stack,
    stack.kioskToken,
    'mutation($id: ID!) { confirmDemoPayment(paymentId: $id, outcome: APPROVE) { status } }',
    {
      id: createPayment.id,
    },
  );
  return { payload, label: await depositWithCode(stack, payload), id: sessionByAccessCode.id };
}

/** Moves the bag's due time 70 minutes into the past, as if the traveller stayed away too long. */
function comeBackLate(sessionId: string): void {
  execFileSync('psql', [
    harnessEnvSync().databaseUrl!,
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    `update storage_session set deposited_at = now() - interval '6 hours', due_at = now() - interval '70 minutes' where id = '${sessionId}'`,
  ]);
}

test('a phone pays its overdue fee, then buys more time, and sees the new collection time', async ({
  page,
  stack,
}) => {
  const bag = await storedMediumBag(stack);
  comeBackLate(bag.id);
  await page.addInitScript(
    ([siteId, payload]) => localStorage.setItem(`lockers.phone.code.${siteId}`, payload),
    [stack.siteId, bag.payload] as const,
  );
  await page.goto(`${stack.baseURL}/kiosk/phone/${stack.siteId}`);

  // overdue: the fee so far (two started hours), and only that to pay
  await expect(page.getByTestId('session-status')).toHaveText('Overdue');
  await expect(page.getByRole('heading', { name: 'More time' })).toHaveCount(0);
  for (const [code, name, feeHeading] of LANGS) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name: feeHeading })).toBeVisible();
    await shot(page, `phone-pay-overdue-${code}`);
    await expectAccessible(page, `phone, overdue fee to pay (${code})`);
  }
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('button', { name: 'Pay €4.00' }).click();
  await expect(page.getByText('Tap your card on the reader')).toBeVisible();
  await shot(page, 'phone-pay-overdue-card');
  await expectAccessible(page, 'phone, demo card reader');
  await page.getByRole('button', { name: 'Card approved' }).click();
  await expect(page.getByTestId('phone-paid')).toHaveText('Paid. Thank you: nothing is owed now.');

  // paid up: more time, in steps of the tariff (4 hours for 4.00)
  const collectBy = page.locator('dt', { hasText: 'Collect by' }).locator('xpath=following-sibling::dd[1]');
  const dueBefore = await collectBy.textContent();
  const choices = page.getByRole('group', { name: 'How much more time do you need?' });
  await expect(choices.getByRole('button')).toHaveText([
    /^\+4 hr\S* for €4\.00$/,
    /^\+8 hr\S* for €8\.00$/,
    /^\+12 hr\S* for €12\.00$/,
  ]);
  for (const [code, name, , extendHeading] of LANGS) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name: extendHeading })).toBeVisible();
    await shot(page, `phone-pay-extend-${code}`);
    await expectAccessible(page, `phone, more time to buy (${code})`);
  }
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByTestId('extend-1').click();
  await page.getByRole('button', { name: 'Pay €4.00' }).click();
  await page.getByRole('button', { name: 'Card approved' }).click();

  // captured: the session arrives live with its new due time, no longer overdue
  await expect(page.getByTestId('phone-paid')).toContainText('Paid. Collect your bag by');
  await expect(page.getByTestId('session-status')).toHaveText('Stored');
  await expect(collectBy).not.toHaveText(dueBefore ?? '');
  await expect(page.getByTestId('phone-paid')).toContainText((await collectBy.textContent()) ?? '-');
  await shot(page, 'phone-pay-extended');
  await expectAccessible(page, 'phone, storage extended');

  await emptyLocker(stack, bag.payload, bag.label);
});
