import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Dictionary, type MessageKey } from './en';
import { de } from './de';
import { fr } from './fr';
import { es } from './es';

/** Languages the kiosk speaks, with their own name for the switch. */
export const LANGUAGES = [
  { code: 'en', name: 'English', locale: 'en-GB', dict: en },
  { code: 'de', name: 'Deutsch', locale: 'de-DE', dict: de },
  { code: 'fr', name: 'Français', locale: 'fr-FR', dict: fr },
  { code: 'es', name: 'Español', locale: 'es-ES', dict: es },
] as const satisfies readonly { code: string; name: string; locale: string; dict: Dictionary }[];

export type Lang = (typeof LANGUAGES)[number]['code'];
type Params = Record<string, string | number>;
/** Translates a key, replacing `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: Params) => string;

interface I18nValue {
  lang: Lang;
  locale: string;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Fills `{name}` placeholders; exported for tests and non-React callers. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Provides the current language; `initial` lets the kiosk start in its default after each reset. */
export function I18nProvider({ initial = 'en', children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initial);
  const entry = LANGUAGES.find((l) => l.code === lang) ?? LANGUAGES[0];
  const setLang = useCallback((next: Lang) => setLangState(next), []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({
      lang,
      locale: entry.locale,
      setLang,
      t: (key, params) => interpolate(entry.dict[key], params),
    }),
    [lang, entry, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its locale and the translate function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
