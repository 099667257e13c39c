/**
 * The four languages of the kiosk and the phone page, for specs that keep a screenshot of each
 * new screen in every language: the switch's button names and the words specs look for.
 */
import { expect, type Page } from '@playwright/test';

export const LANGUAGES = [
  { code: 'en', button: 'English', done: 'Done' },
  { code: 'de', button: 'Deutsch', done: 'Fertig' },
  { code: 'fr', button: 'Français', done: 'Terminé' },
  { code: 'es', button: 'Español', done: 'Listo' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** Picks a language with the switch at the top of the screen and waits for the page to speak it. */
export async function speak(page: Page, lang: (typeof LANGUAGES)[number]): Promise<void> {
  await page.getByRole('button', { name: lang.button, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
}
