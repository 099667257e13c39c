// The session search as typed, turned into the API's filters (all applied on the server).
// Pure, tested in sessions.test.ts.
import type { SessionStatus, SessionsQueryVariables } from '../../api/generated/graphql';
import { addDays, startOfDayIn } from '../reports/zoned-time';

/** The search form's fields; empty strings mean "any". */
export interface SessionFilters {
  status: SessionStatus | '';
  overdue: '' | 'yes' | 'no';
  allSites: boolean;
  /** Exact compartment label (the server ignores case), e.g. "A07". */
  label: string;
  /** Part of the e-mail, or phone digits. */
  contact: string;
  /** yyyy-mm-dd, days in `timeZone`; "to" is inclusive. */
  from: string;
  to: string;
}

export const NO_FILTERS: SessionFilters = {
  status: '',
  overdue: '',
  allSites: false,
  label: '',
  contact: '',
  from: '',
  to: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Shortest contact fragment the server searches for. */
export const MIN_CONTACT = 3;

/**
 * Variables for the Sessions query. Days become instants at local midnight in `timeZone`
 * (the site's; UTC across all sites), with "to" running up to the start of the next day.
 */
export function sessionVariables(
  f: SessionFilters,
  siteId: string | null,
  timeZone: string,
  first: number,
): SessionsQueryVariables {
  const text = (s: string) => s.trim() || null;
  return {
    siteId: f.allSites ? null : siteId,
    status: f.status || null,
    overdue: f.overdue === '' ? null : f.overdue === 'yes',
    compartmentLabel: text(f.label),
    // The server wants at least 3 characters (fewer would match nearly everyone).
    contact: f.contact.trim().length >= MIN_CONTACT ? f.contact.trim() : null,
    createdFrom: DAY.test(f.from) ? startOfDayIn(f.from, timeZone) : null,
    createdTo: DAY.test(f.to) ? startOfDayIn(addDays(f.to, 1), timeZone) : null,
    first,
  };
}

/** A hint while the contact is too short to be searched. */
export function contactHint(f: SessionFilters): string | null {
  const n = f.contact.trim().length;
  return n > 0 && n < MIN_CONTACT ? `Type at least ${MIN_CONTACT} characters of the e-mail or phone.` : null;
}

/** "From" after "To" is a typing slip, not an empty result. */
export function rangeError(f: SessionFilters): string | null {
  return f.from && f.to && f.from > f.to ? '“Created from” must not be after “to”.' : null;
}
