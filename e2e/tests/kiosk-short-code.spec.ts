import { type Page } from '@playwright/test';
import {
  adminToken,
  emptyLocker,
  expectAccessible,
  graphql,
  openKiosk,
  shot,
  shownLocker,
  test,
  expect,
  useDoor,
} from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

/** From the start screen: "I have a code", then the short code tapped on the on-screen keypad. */
async function typeCode(page: Page, code: string, name?: string): Promise<void> {
  await page.getByRole('button', { name: /I have a code/ }).click();
  await page.getByRole('button', { name: 'Type the code instead' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Type your code' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Code from your ticket' }).focus();
  const keypad = page.getByRole('group', { name: 'Keyboard for Code from your ticket' });
  for (const key of code.replace('-', ''))
    await keypad.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Code from your ticket' })).toHaveValue(
    code.replace('-', ''),
  );
  if (name) {
    await shot(page, name);
    await expectAccessible(page, 'type your code');
  }
  await page.getByRole('button', { name: 'Open my locker' }).click();
}

test('the short code from the ticket, typed on the keypad: deposit and collect with no camera or scanner', async ({
  page,
  stack,
}) => {
  await openKiosk(page, stack);
  await page.getByRole('button', { name: /Store luggage/ }).click();
  await page.getByRole('button', { name: /Small/ }).click();
  await page.getByRole('button', { name: 'Continue without' }).click();
  await expect(page.getByText('Code to type at the kiosk')).toBeVisible();
  const code = (await page.getByTestId('short-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  await shot(page, 'ticket-short-code');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'ticket-short-code-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Done' }).click();

  let since = Date.now();
  await typeCode(page, code, 'type-code');
  const label = await shownLocker(page);
  await useDoor(page, stack, label, 'typed-deposit', since);
  await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Done' }).click();

  since = Date.now();
  await typeCode(page, code);
  expect(await shownLocker(page)).toBe(label);
  await useDoor(page, stack, label, 'typed-retrieval', since);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible({ timeout: 15_000 });
});

test("a regenerated session's old short code is refused; the new one opens", async ({ page, stack }) => {
  const issued = await graphql<{ issueAccessCode: { session: { id: string }; code: { shortCode: string } } }>(
    stack,
    stack.kioskToken,
    'mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { session { id } code { shortCode } } }',
    { s: stack.siteId },
  );
  const old = issued.issueAccessCode.code.shortCode;
  const admin = await adminToken(stack);
  const renewed = (
    await graphql<{ regenerateAccessCode: { code: { shortCode: string } } }>(
      stack,
      admin,
      'mutation($id: ID!) { regenerateAccessCode(sessionId: $id, reason: "ticket lost") { code { shortCode } } }',
      { id: issued.issueAccessCode.session.id },
    )
  ).regenerateAccessCode.code.shortCode;
  expect(renewed).not.toBe(old);

  await openKiosk(page, stack);
  await typeCode(page, old);
  await expect(page.getByRole('heading', { level: 1, name: 'Code not recognised' })).toBeVisible();
  await shot(page, 'old-short-code-refused');
  await page.getByRole('button', { name: 'Done' }).click();

  const since = Date.now();
  await typeCode(page, renewed);
  const label = await shownLocker(page);
  await useDoor(page, stack, label, 'renewed-short-code', since);
  await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
  await emptyLocker(stack, renewed, label);
});
