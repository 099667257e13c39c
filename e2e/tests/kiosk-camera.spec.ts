import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import {
  ARTIFACTS,
  CHROMIUM,
  emptyLocker,
  issueCode,
  openKiosk,
  qrVideo,
  shot,
  shownLocker,
  test,
  expect,
  useDoor,
} from './kiosk-support';

test('a QR code shown to the kiosk camera opens a locker', async ({ stack }) => {
  // The camera has to be given at browser start, so this test starts its own Chromium.
  const payload = await issueCode(stack, 'SMALL');
  const video = await qrVideo(payload, resolve(ARTIFACTS, 'kiosk-camera-qr.y4m'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM.executablePath,
    args: [
      ...CHROMIUM.args,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await context.grantPermissions(['camera'], { origin: stack.baseURL });
    const page = await context.newPage();
    await openKiosk(page, stack);
    const since = Date.now();
    await page.getByRole('button', { name: /I have a code/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Scan your code' })).toBeVisible();
    const label = await shownLocker(page);
    await shot(page, 'camera-unlocked');
    await useDoor(page, stack, label, 'camera', since);
    await expect(page.getByText(/^Stored until \d\d:\d\d$/)).toBeVisible({ timeout: 15_000 });
    await emptyLocker(stack, payload, label);
  } finally {
    await browser.close();
  }
});
