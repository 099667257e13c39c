/**
 * The four languages of the kiosk and the phone page, for specs that keep a screenshot of each
 * new screen in every language: the switch's button names and the words specs look for.
 */
import { expect, type Page } from '@playwright/test';

export const LANGUAGES = [
  {
    code: 'en',
    store: 'Store luggage',
    resend: 'Send the code again',
    help: 'Help',
    doorDidNotOpen: 'The door did not open',
    callStaff: 'Call for help',
    button: 'English',
    done: 'Done',
    back: 'Back',
    thanks: 'Thank you!',
    sizes: 'Choose a locker size',
    storeAgain: 'Store luggage again',
  },
  {
    code: 'de',
    store: 'Gepäck einschließen',
    resend: 'Code erneut senden',
    help: 'Hilfe',
    doorDidNotOpen: 'Die Tür ging nicht auf',
    callStaff: 'Hilfe rufen',
    button: 'Deutsch',
    done: 'Fertig',
    back: 'Zurück',
    thanks: 'Vielen Dank!',
    sizes: 'Fachgröße wählen',
    storeAgain: 'Erneut Gepäck einschließen',
  },
  {
    code: 'fr',
    store: 'Déposer des bagages',
    resend: 'Renvoyer le code',
    help: 'Aide',
    doorDidNotOpen: 'La porte ne s’est pas ouverte',
    callStaff: 'Appeler de l’aide',
    button: 'Français',
    done: 'Terminé',
    back: 'Retour',
    thanks: 'Merci !',
    sizes: 'Choisissez une taille de casier',
    storeAgain: 'Déposer à nouveau des bagages',
  },
  {
    code: 'es',
    store: 'Guardar equipaje',
    resend: 'Enviar el código de nuevo',
    help: 'Ayuda',
    doorDidNotOpen: 'La puerta no se abrió',
    callStaff: 'Pedir ayuda',
    button: 'Español',
    done: 'Listo',
    back: 'Volver',
    thanks: '¡Gracias!',
    sizes: 'Elija un tamaño de taquilla',
    storeAgain: 'Guardar equipaje de nuevo',
  },
] as const;

/** One language's entry. */
export type Language = (typeof LANGUAGES)[number];

/** Picks a language with the switch at the top of the screen and waits for the page to speak it. */
export async function speak(page: Page, lang: Language): Promise<void> {
  await page.getByRole('button', { name: lang.button, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
}
