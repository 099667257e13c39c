/** The languages a site may be named in (the kiosk's and the messages' languages). */
export const SITE_NAME_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type SiteNameLanguage = (typeof SITE_NAME_LANGUAGES)[number];

/** A site's names by language (`site.local_names`); a language without one uses the site's name. */
export type LocalNames = Partial<Record<SiteNameLanguage, string>>;

/** The site's name as a traveller reading `language` sees it. */
export function localSiteName(site: { name: string; localNames: unknown }, language: string): string {
  const names = (site.localNames ?? {}) as Record<string, unknown>;
  const local = names[language];
  return typeof local === 'string' && local.trim() ? local : site.name;
}
