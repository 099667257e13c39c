/** The locale of the server's own texts that no traveller chose (scan messages, alerts): amounts are formatted in it. */
export const MESSAGE_LOCALE = 'en';

/** The languages a depositor can choose at the kiosk or on the phone; their e-mails and SMS are in it. */
export const MESSAGE_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
