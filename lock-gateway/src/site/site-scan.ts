/** How the site judges a scan on its own: the written rules of the lock-gateway README. */
import type { ReplicaSession } from './site-replica.js';

/** Why the site path refused a scan (the kiosk shows the message; the code is the API). */
export type SiteRefusal =
  | 'BAD_REQUEST' // not a JSON body with a `code` string
  | 'INVALID_CODE' // not a code at all
  | 'UNKNOWN_CODE' // no bag stored here with this code (or a code replaced before the outage)
  | 'ALREADY_OPENED' // this bag was collected here during the outage
  | 'PAYMENT_REQUIRED' // something is owed: pay when the lockers are back online
  | 'OVERDUE' // past its paid time: a fee accrues that cannot be taken offline
  | 'SERVER_REACHABLE' // the server answers: scan through it
  | 'NOT_READY' // the site has never received its replica
  | 'DOOR_FAILED' // the lock could not be pulsed
  | 'NOT_RECORDED' // the journal could not be written: nothing was opened
  | 'RATE_LIMITED' // too many attempts from this address
  | 'DEPOSITS_NOT_YET' // the outage is too recent for the site to be sure a compartment is free
  | 'SIZE_NOT_FREE' // a paid size: payments need the server
  | 'NO_COMPARTMENT_AVAILABLE'; // no free compartment of the size the site may fill

export const REFUSAL_MESSAGES: Record<SiteRefusal, string> = {
  BAD_REQUEST: 'Send a JSON body with the scanned code.',
  INVALID_CODE: 'That is not a locker code. Scan the QR code you were given.',
  UNKNOWN_CODE: 'This code does not open a locker here.',
  ALREADY_OPENED: 'This locker was already opened with this code.',
  PAYMENT_REQUIRED:
    'Something is still to be paid for this locker. Payments need the lockers to be online: try again later or ask staff.',
  OVERDUE:
    'This storage has run past its paid time. The extra fee can only be paid when the lockers are back online: try again later or ask staff.',
  SERVER_REACHABLE: 'The lockers are online: scan as usual.',
  NOT_READY: 'The lockers cannot open offline yet. Ask staff for help.',
  DOOR_FAILED: 'The locker did not open. Try again, or ask staff for help.',
  NOT_RECORDED: 'The locker could not be opened safely. Ask staff for help.',
  RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
  DEPOSITS_NOT_YET: 'Storing luggage opens again in a moment. Please wait.',
  SIZE_NOT_FREE:
    'This size must be paid for, and payments need the lockers to be online. Choose a free size or try again later.',
  NO_COMPARTMENT_AVAILABLE: 'No locker of this size is free right now. Choose another size or ask staff.',
};

/** HTTP status of each refusal. */
export const REFUSAL_STATUS: Record<SiteRefusal, number> = {
  BAD_REQUEST: 400,
  INVALID_CODE: 400,
  UNKNOWN_CODE: 404,
  ALREADY_OPENED: 409,
  PAYMENT_REQUIRED: 402,
  OVERDUE: 402,
  SERVER_REACHABLE: 409,
  NOT_READY: 503,
  DOOR_FAILED: 502,
  NOT_RECORDED: 503,
  RATE_LIMITED: 429,
  DEPOSITS_NOT_YET: 503,
  SIZE_NOT_FREE: 402,
  NO_COMPARTMENT_AVAILABLE: 409,
};

/** Whether a stored bag may be released offline at `now`: paid up and not past its paid time. */
export function offlineRetrievalRefusal(
  session: Pick<ReplicaSession, 'amountDue' | 'paidUntil'>,
  now: Date,
): SiteRefusal | null {
  if (session.amountDue > 0) return 'PAYMENT_REQUIRED';
  if (session.paidUntil !== null && now.getTime() > Date.parse(session.paidUntil)) return 'OVERDUE';
  return null;
}
