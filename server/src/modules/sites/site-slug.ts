import { badInput } from '../../errors/domain-error.js';

/** A slug: 3 to 40 of a-z and 0-9, words joined by single hyphens (`central-station`). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;

/**
 * Checks a slug an operator typed. A slug shaped like a UUID is refused: the phone page's old
 * address (`/phone/<site id>`) must keep meaning the site with that id.
 */
export function checkSlug(raw: string): string {
  const slug = raw.trim().toLowerCase();
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX)
    throw badInput('slug', `slug must be ${SLUG_MIN} to ${SLUG_MAX} characters`);
  if (!SLUG.test(slug))
    throw badInput(
      'slug',
      'slug may hold only a-z, 0-9 and single hyphens between words, e.g. central-station',
    );
  if (UUID.test(slug)) throw badInput('slug', 'slug must not look like a site id');
  return slug;
}

/** A slug made from a site's name: accents dropped, words joined by hyphens; null when too little is left. */
export function slugFromName(name: string): string | null {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX - 4) // room for a "-<n>" suffix when the name is taken
    .replace(/-+$/, '');
  return base.length >= SLUG_MIN && !UUID.test(base) ? base : null;
}

/** Whether a phone address names a site by id (the old address) rather than by slug. */
export const isSiteId = (s: string): boolean => UUID.test(s);
