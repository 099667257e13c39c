/** The locale of the server's own texts (scan messages, e-mail and SMS): amounts are formatted in it. */
export const MESSAGE_LOCALE = 'en';
