import { openKiosk, shot, test, expect } from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

test('a network drop is shown, nothing is sent twice, and the same request goes through once back', async ({
  page,
  stack,
}) => {
  await openKiosk(page, stack);
  const banner = page.getByText('No connection. Trying again…');
  await expect(banner).toBeHidden();
  await page.getByRole('button', { name: /Store luggage/ }).click();
  await page.getByRole('button', { name: /Small/ }).click();

  const issued: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('IssueAccessCode'))
      issued.push(r.url());
  });
  await page.context().setOffline(true);
  await expect(banner).toBeVisible();
  await page.getByRole('button', { name: 'Continue without' }).click();
  await expect(page.getByRole('alert')).toContainText('We could not reach the server');
  await shot(page, 'offline');

  await page.context().setOffline(false);
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your code' })).toBeVisible();
  // Offline, the first try never left the browser; the retry is the only request that did.
  expect(issued.length).toBeLessThanOrEqual(2);
  await expect(banner).toBeHidden();
});
