// Kiosk health on the board, in a real Chromium against the real server: a kiosk's call (with
// the version header the kiosk app sends) shows on the board as its last seen and version. The
// quiet-kiosk alert (3 minutes of silence) is covered by server/test/boards/kiosk-health.test.ts.
import { expect, test } from '@playwright/test';
import { adminToken, gql, shot, signIn, stack } from './admin-support.js';
import { violations } from './kiosk-support.js';

const REGISTER = `mutation($s: ID!, $n: String!) { registerKiosk(siteId: $s, name: $n) { token } }`;

test('the board lists each kiosk with its last seen time and app version', async ({ page }) => {
  const env = stack();
  const name = `e2e-kiosk-${Date.now()}`;
  const { registerKiosk } = await gql<{ registerKiosk: { token: string } }>(await adminToken(), REGISTER, {
    s: env.siteId,
    n: name,
  });
  const res = await fetch(new URL('/graphql', env.baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${registerKiosk.token}`,
      'x-client-version': '9.9.9-e2e',
    },
    body: JSON.stringify({ query: 'query($s: ID!) { site(id: $s) { name } }', variables: { s: env.siteId } }),
  });
  expect(res.status).toBe(200);

  await signIn(page, env.adminEmail, env.adminPassword);
  const kiosks = page.getByRole('list', { name: 'Kiosks' });
  const row = kiosks.getByTestId('kiosk-status').filter({ hasText: name });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText('version 9.9.9-e2e', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText(`${name}: Heard from`);
  await expect(row).not.toContainText('last seen —');
  expect(await violations(page)).toEqual([]);
  await shot(page, 'kiosk-health');
});
