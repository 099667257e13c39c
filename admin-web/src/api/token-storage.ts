// The signed-in person's token lives in sessionStorage: it ends with the tab, and a
// shared kiosk-style browser does not keep an operator signed in.
const KEY = 'lockers.admin.token';

/** The stored token, if any. */
export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Store (or with null, forget) the token. */
export function writeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
