/** The phone keeps its own code per site so the page shows it again later; the owner can remove it. */
const key = (siteId: string) => `lockers.phone.code.${siteId}`;
/** The short code typed at the kiosk, kept beside the QR payload it came with. */
const shortKey = (siteId: string) => `lockers.phone.short.${siteId}`;

export function loadPhoneCode(siteId: string): string | null {
  return localStorage.getItem(key(siteId));
}

/** The short code saved with the payload, if this phone got it (codes typed in have none). */
export function loadPhoneShortCode(siteId: string): string | null {
  return localStorage.getItem(shortKey(siteId));
}

export function savePhoneCode(siteId: string, payload: string, shortCode: string | null = null): void {
  localStorage.setItem(key(siteId), payload);
  if (shortCode) localStorage.setItem(shortKey(siteId), shortCode);
  else localStorage.removeItem(shortKey(siteId));
}

export function forgetPhoneCode(siteId: string): void {
  localStorage.removeItem(key(siteId));
  localStorage.removeItem(shortKey(siteId));
}
