import { forbidden } from '../errors/domain-error.js';
import { authorize, can } from './authorize.js';
import type { Caller } from './caller.js';

/** What a caller asks to do with a session's payment. */
export type PaymentAct = 'start' | 'approve-demo';

/**
 * Who may pay for a session (start a payment, of its fee or of more time) and who may give the
 * demo provider's answer for it.
 *
 * - Staff (sessions:write) start payments at the desk; the site's kiosk starts them for the
 *   traveller in front of it. The demo answer is for kiosks and ADMINs (payments:approve-demo).
 * - Whoever shows the session's access code (`codeOpensIt`: the code opens THIS session) may do
 *   both, for this session only. The code holder owns the bag: the code already opens the
 *   locker, so paying for it from a phone grants nothing more. The demo answer stands for the
 *   card network's, which in a real deployment comes from the provider, never from the payer.
 * Refunds are not here: they are staff's (payments:refund).
 */
export function authorizePayment(
  caller: Caller,
  act: PaymentAct,
  siteId: string,
  codeGiven: boolean,
  codeOpensIt: boolean,
): void {
  if (codeOpensIt) return;
  // A code that opens another session proves nothing here; no code at all is no credential.
  if (caller.kind === 'anonymous' && codeGiven) throw forbidden('This access code is not for this session');
  if (act === 'approve-demo') return authorize(caller, 'payments:approve-demo', siteId);
  if (caller.kind === 'user') return authorize(caller, 'sessions:write', siteId);
  if (caller.kind === 'kiosk' && can(caller, 'depositor:act', siteId)) return;
  throw forbidden('Pay at the kiosk, or give the access code of this session');
}
