// Low reach: one switch at the foot of the kiosk keeps every control (language switch included)
// in the lower half of the 1080x1920 screen, on the start, size and help screens, in four languages.
import { type Page } from '@playwright/test';
import { LANGUAGES, speak } from './kiosk-languages';
import { expectAccessible, openKiosk, shot, test, expect } from './kiosk-support';

test.use({ viewport: { width: 1080, height: 1920 } });

/** Every control that is not within the lower half of the window, even after scrolling to it. */
async function outOfReach(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const height = window.innerHeight;
    const far: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])',
    );
    for (const el of Array.from(controls)) {
      if (el.getClientRects().length === 0) continue; // not rendered
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      if (r.top < height / 2 || r.bottom > height || window.scrollY !== 0)
        far.push(
          `${el.tagName} "${el.textContent?.trim() ?? ''}" at ${Math.round(r.top)}-${Math.round(r.bottom)}`,
        );
    }
    return far;
  });
}

/** Checks the screen: controls in reach, a screenshot, axe. */
async function inReach(page: Page, name: string): Promise<void> {
  expect(await outOfReach(page), `controls out of reach on ${name}`).toEqual([]);
  await shot(page, name);
  await expectAccessible(page, name);
}

test('low reach keeps every control in the lower half: start, sizes and help in four languages', async ({
  page,
  stack,
}) => {
  await openKiosk(page, stack);
  expect((await outOfReach(page)).length).toBeGreaterThan(0); // the usual layout reaches higher
  await page.getByRole('button', { name: 'Low reach: buttons lower' }).click();
  await expect(page.locator('.kiosk.low-reach')).toBeVisible();
  for (const lang of LANGUAGES) {
    await speak(page, lang);
    await inReach(page, `low-reach-start-${lang.code}`);
    await page.getByRole('button', { name: new RegExp(`^${lang.store}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: lang.sizes })).toBeVisible();
    await expect(page.locator('.btn.size').first()).toBeVisible();
    await inReach(page, `low-reach-sizes-${lang.code}`);
    await page.getByRole('button', { name: lang.back, exact: true }).click();
    await page.getByRole('button', { name: lang.help, exact: true }).click();
    await inReach(page, `low-reach-help-${lang.code}`);
    await page.getByRole('button', { name: lang.back, exact: true }).click();
  }
  await page.locator('.reach-toggle').click();
  await expect(page.locator('.kiosk.low-reach')).toHaveCount(0);
});
