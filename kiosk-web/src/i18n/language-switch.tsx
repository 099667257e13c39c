import { LANGUAGES, useI18n } from './i18n';

/** One button per language, each labelled in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <nav className="lang-switch" aria-label={t('lang.label')}>
      {LANGUAGES.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          aria-pressed={l.code === lang}
          className={l.code === lang ? 'lang active' : 'lang'}
          onClick={() => setLang(l.code)}
        >
          {l.name}
        </button>
      ))}
    </nav>
  );
}
