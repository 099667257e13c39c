import { useI18n } from './i18n';

/** A site as the apps read it: its name and its names per language. */
export interface NamedSite {
  name: string;
  localNames?: readonly { language: string; name: string }[] | null;
}

/** The site's name in `lang`, or its name when it has none in that language. */
export function localSiteName(site: NamedSite, lang: string): string {
  return site.localNames?.find((n) => n.language === lang)?.name ?? site.name;
}

/** The site's name in the traveller's current language (follows the language switch). */
export function useSiteName(site: NamedSite | null | undefined): string | null {
  const { lang } = useI18n();
  return site ? localSiteName(site, lang) : null;
}
