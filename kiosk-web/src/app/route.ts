/**
 * Which app a URL opens: the kiosk (optionally its set-up screen) or a site's phone page, whose
 * address names the site by its slug (`phone/central-station`) or, the older form, by its id.
 */
export type Route = { kind: 'kiosk'; setup: boolean } | { kind: 'phone'; address: string };

/** Reads the route from a path under the app's base ('/kiosk/') and its query string. */
export function parseRoute(pathname: string, search: string, base = '/kiosk/'): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const phone = /^phone\/([^/]+)\/?$/.exec(rest);
  if (phone?.[1]) return { kind: 'phone', address: decodeURIComponent(phone[1]) };
  return { kind: 'kiosk', setup: new URLSearchParams(search).has('setup') };
}
