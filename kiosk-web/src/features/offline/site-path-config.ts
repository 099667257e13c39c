/**
 * Where the site path (the lock gateway's offline service on the site's network) answers.
 * Set once per kiosk by opening the kiosk with `?sitePath=http://<gateway address>:<port>`;
 * kept in this device's localStorage. None set: the kiosk has no offline fallback.
 */
const KEY = 'lockers.kiosk.sitePath';

/** The site path's base URL, or null. Takes a `sitePath` query parameter first and keeps it. */
export function sitePathUrl(
  storage: Storage = localStorage,
  search: string = typeof location === 'undefined' ? '' : location.search,
): string | null {
  const given = new URLSearchParams(search).get('sitePath');
  if (given !== null) {
    const url = parseBase(given);
    if (url) storage.setItem(KEY, url);
    else storage.removeItem(KEY);
  }
  return parseBase(storage.getItem(KEY) ?? '');
}

function parseBase(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
