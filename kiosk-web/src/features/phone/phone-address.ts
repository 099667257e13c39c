/**
 * The phone page's address for a site: the app's own origin and base (the server serves the
 * kiosk and the phone page together) and the site's slug, e.g. https://lockers.example/kiosk/phone/central-station.
 */
export function phoneAddress(
  slug: string,
  origin = window.location.origin,
  base = import.meta.env.BASE_URL,
): string {
  return `${origin}${base.endsWith('/') ? base : `${base}/`}phone/${encodeURIComponent(slug)}`;
}
