/** The characters of a short code (as the server draws them): no 0, 1, I, L or O. */
const FORMAT = /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/;

/** A typed short code as "ABCD-EFGH", or null while it is not 8 valid characters. */
export function readShortCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return FORMAT.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : null;
}

/** True for a short code; false for a QR payload ("LK1:..."). */
export function isShortCode(payload: string): boolean {
  return readShortCode(payload) !== null;
}
