// A session's timeline tells its whole story, in a real Chromium against the real server: the
// payment started and captured, and an admin's refund with its reason, effect and the person,
// among the status changes, each to the second in the site's zone.
import { expect, test } from '@playwright/test';
import { adminToken as loginAdmin, adminUrl, gql, shot, signIn, stack } from './admin-support.js';

test('payments and refunds appear in the session timeline with who and why', async ({ browser }) => {
  const env = stack();
  const admin = await loginAdmin();
  const issued = await gql<{ issueAccessCode: { session: { id: string }; code: { payload: string } } }>(
    env.kioskToken,
    'mutation($s: ID!) { issueAccessCode(siteId: $s, size: MEDIUM) { session { id } code { payload } } }',
    { s: env.siteId },
  );
  const sessionId = issued.issueAccessCode.session.id;
  const held = await gql<{ scanAccessCode: { outcome: string } }>(
    env.kioskToken,
    'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome } }',
    { s: env.siteId, p: issued.issueAccessCode.code.payload },
  );
  expect(held.scanAccessCode.outcome).toBe('PAYMENT_REQUIRED');
  const pay = await gql<{ createPayment: { id: string } }>(
    admin,
    'mutation($id: ID!) { createPayment(sessionId: $id) { id } }',
    { id: sessionId },
  );
  await gql(admin, 'mutation($id: ID!) { confirmDemoPayment(paymentId: $id, outcome: APPROVE) { status } }', {
    id: pay.createPayment.id,
  });
  await gql(
    admin,
    'mutation($id: ID!) { refundPayment(paymentId: $id, reason: "Timeline e2e refund", effect: CANCEL_CHARGE) { id } }',
    { id: pay.createPayment.id },
  );

  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(page, env.adminEmail, env.adminPassword);
  await page.goto(adminUrl('sessions', sessionId));
  const timeline = page.getByTestId('timeline').getByRole('listitem');
  const started = timeline.filter({ hasText: 'Payment started' });
  await expect(started).toHaveCount(1);
  await expect(started).toContainText(/demo/);
  await expect(timeline.filter({ hasText: 'Payment captured' })).toHaveCount(1);
  const refund = timeline.filter({ hasText: /^.*Refunded/ });
  await expect(refund).toHaveCount(1);
  await expect(refund).toContainText('Timeline e2e refund');
  await expect(refund).toContainText('Charge cancelled');
  await expect(refund).toContainText(env.adminEmail);
  // Payments sit among the status changes by time: started before captured before refunded.
  const texts = await timeline.allTextContents();
  const at = (s: string) => texts.findIndex((t) => t.includes(s));
  expect(at('Payment started')).toBeLessThan(at('Payment captured'));
  expect(at('Payment captured')).toBeLessThan(at('Refunded'));
  // To the second.
  await expect(started.locator('time')).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
  await shot(page, 'session-timeline-payments');

  await gql(admin, 'mutation($id: ID!) { endSession(sessionId: $id, reason: "e2e clean-up") { id } }', {
    id: sessionId,
  });
  await page.context().close();
});
