/** The phone keeps its own code per site so the page shows it again later; the owner can remove it. */
const key = (siteId: string) => `lockers.phone.code.${siteId}`;

export function loadPhoneCode(siteId: string): string | null {
  return localStorage.getItem(key(siteId));
}

export function savePhoneCode(siteId: string, payload: string): void {
  localStorage.setItem(key(siteId), payload);
}

export function forgetPhoneCode(siteId: string): void {
  localStorage.removeItem(key(siteId));
}
