// Errors an operator can act on, in a real Chromium against the real server: one sign-in for
// every tab (a new tab is signed in, signing out in one signs out the others, signing in again
// signs them in), and a list whose first requests meet a failing server (503) is retried and
// shown, while one that keeps failing says what happened in words; a stored sign-in that cannot
// be checked because the server does not answer is kept, not called expired.
import { expect, test, type Page, type Route } from '@playwright/test';
import { adminUrl, shot, signIn, stack } from './admin-support.js';
import { violations } from './kiosk-support.js';

test.describe.configure({ mode: 'serial' });

const signedInAs = (page: Page, email: string) => expect(page.getByTestId('who')).toContainText(email);
const signInForm = (page: Page) => expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

test('tabs share one sign-in: a new tab is signed in, sign-out and sign-in apply to all', async ({
  browser,
}) => {
  const { adminEmail, adminPassword } = stack();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const first = await context.newPage();
  await signIn(first, adminEmail, adminPassword);

  const second = await context.newPage();
  await second.goto(adminUrl('sessions'));
  await signedInAs(second, adminEmail);
  await expect(second.getByRole('heading', { name: 'Sessions' })).toBeVisible();

  await first.getByRole('button', { name: 'Sign out' }).click();
  await signInForm(first);
  await signInForm(second);

  await second.getByLabel('Email').fill(adminEmail);
  await second.getByLabel('Password').fill(adminPassword);
  await second.getByRole('button', { name: 'Sign in' }).click();
  await signedInAs(second, adminEmail);
  await signedInAs(first, adminEmail);
  await shot(first, 'tabs-signed-in-elsewhere');
  await context.close();
});

test('a list is retried through passing 503s, and a lasting failure is said in words', async ({ page }) => {
  const { adminEmail, adminPassword } = stack();
  await signIn(page, adminEmail, adminPassword);
  let failures = 2;
  let sessionQueries = 0;
  const flaky = async (route: Route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName !== 'Sessions') return route.continue();
    sessionQueries++;
    if (failures-- > 0) return route.fulfill({ status: 503, body: 'upstream unavailable' });
    return route.continue();
  };
  await page.route('**/graphql', flaky);
  await page.goto(adminUrl('sessions'));
  await expect(page.getByTestId('sessions-count')).toContainText('matching');
  expect(sessionQueries).toBe(3);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.unroute('**/graphql', flaky);
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName === 'Sessions')
      return route.fulfill({ status: 503, body: 'upstream unavailable' });
    return route.continue();
  });
  await page.getByLabel('Compartment').fill('A01');
  await expect(page.getByRole('alert')).toHaveText(
    'The server could not answer just now (error 503). Try again in a moment.',
    { timeout: 15_000 },
  );
  expect(await violations(page)).toEqual([]);
  await shot(page, 'retry-failed');
});

test('a sign-in that cannot be checked while the server is unreachable is kept, and used once it answers', async ({
  page,
}) => {
  const { adminEmail, adminPassword } = stack();
  await signIn(page, adminEmail, adminPassword);
  const unreachable = async (route: Route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName === 'Me') return route.abort('connectionrefused');
    return route.continue();
  };
  await page.route('**/graphql', unreachable);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Cannot reach the server to check your sign-in', {
    timeout: 20_000,
  });
  // not sent back to the sign-in form, and not told the sign-in expired
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  await expect(page.getByText('You were signed out')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  await shot(page, 'sign-in-check-unreachable');
  await page.unroute('**/graphql', unreachable);
  await page.getByRole('button', { name: 'Try again' }).click();
  await signedInAs(page, adminEmail);
});
