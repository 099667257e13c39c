// Filters the API does not offer yet (compartment label, contact, date), applied to the
// pages already loaded. Pure, tested in session-filters.test.ts.
import type { SessionRowFragment } from '../../api/generated/graphql';

/** Client-side filters; empty strings mean "any". */
export interface LocalFilters {
  label: string;
  contact: string;
  /** yyyy-mm-dd, compared with createdAt in the site's time zone. */
  from: string;
  to: string;
}

export const NO_LOCAL_FILTERS: LocalFilters = { label: '', contact: '', from: '', to: '' };

/** yyyy-mm-dd of an instant in a time zone. */
export function dayInZone(iso: string, timeZone: string): string {
  // en-CA formats dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

/** Sessions matching every non-empty filter. */
export function filterSessions<S extends Pick<SessionRowFragment, 'compartment' | 'contactEmail' | 'contactPhone' | 'createdAt' | 'site'>>(
  sessions: readonly S[],
  f: LocalFilters,
): S[] {
  const label = f.label.trim().toLowerCase();
  const contact = f.contact.trim().toLowerCase();
  const digits = contact.replace(/[^\d]/g, '');
  return sessions.filter((s) => {
    if (label && !(s.compartment?.label.toLowerCase().includes(label) ?? false)) return false;
    if (contact) {
      const email = s.contactEmail?.toLowerCase() ?? '';
      const phone = (s.contactPhone ?? '').replace(/[^\d]/g, '');
      const hit = email.includes(contact) || (digits.length > 0 && phone.includes(digits));
      if (!hit) return false;
    }
    if (f.from || f.to) {
      const day = dayInZone(s.createdAt, s.site.timezone);
      if (f.from && day < f.from) return false;
      if (f.to && day > f.to) return false;
    }
    return true;
  });
}
