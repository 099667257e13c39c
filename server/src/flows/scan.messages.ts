import { formatMoney } from '@lockers/common';
import { MESSAGE_LOCALE } from '../shared/message-locale.js';
import type { ScanOutcome } from '../modules/sessions/session.types.js';

/** A scan refused because no lock of the site can be driven now (LOCK_UNAVAILABLE). */
export const LOCKERS_OUT_OF_TOUCH =
  'The lockers cannot open right now: they are out of touch. Staff have been told. Your code stays valid: try again in a few minutes.';

/** Short, human and safe to show on a public screen: no ids, no other person's data. */
export function scanMessage(
  outcome: ScanOutcome,
  label?: string,
  amount?: { amount: number; currency: string },
): string {
  switch (outcome) {
    case 'UNLOCKING_FOR_DEPOSIT':
      return `Compartment ${label} is opening. Put your luggage in and close the door.`;
    case 'UNLOCKING_FOR_RETRIEVAL':
      return `Compartment ${label} is opening. Take your luggage and close the door.`;
    case 'UNLOCKING_FOR_ACCESS':
      return `Compartment ${label} is opening. Close the door when you are done; your storage continues.`;
    case 'PAYMENT_REQUIRED':
      return `Please pay ${formatAmount(amount)} to continue.`;
    case 'NO_COMPARTMENT_AVAILABLE':
      return 'No compartment of this size is free right now. Try another size or ask staff.';
    case 'INVALID_CODE':
      return 'This code is not valid. Check the code or get a new one.';
    case 'WRONG_SITE':
      return 'This code belongs to lockers at another location.';
    case 'SESSION_CLOSED':
      return 'This code has already been used up. Get a new code to store luggage.';
    case 'BUSY':
      return 'A door is already opening for this code. Please wait a moment.';
    case 'COLLECT_FROM_STAFF':
      return 'Your luggage was moved to lost property. Please ask staff to collect it; bring this code.';
  }
}

function formatAmount(amount?: { amount: number; currency: string }): string {
  if (!amount) return 'the amount due';
  return formatMoney(amount, MESSAGE_LOCALE);
}
