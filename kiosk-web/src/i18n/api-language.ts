import type { Language } from '../api/generated/graphql';
import type { Lang } from './i18n';

/** The app's language as the API names it (the language of the traveller's e-mails and SMS). */
export const toApiLanguage = (lang: Lang): Language => lang.toUpperCase() as Language;
