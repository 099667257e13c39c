// The new-user form. The server has the last word (e.g. on password strength or a taken
// email); this catches typos before the round trip. Tested in user-validation.test.ts.
import type { Role } from '../../api/generated/graphql';
import type { SiteChoice } from './site-picker';

/** The user form as typed. */
export interface UserDraft {
  email: string;
  password: string;
  repeat: string;
  role: Role | '';
  /** null: all sites (always for an ADMIN). */
  sites: SiteChoice;
}

export type UserField = keyof UserDraft;

export const MIN_PASSWORD = 12;

/** Either errors by field, or the createUser variables. */
export type UserResult =
  | { ok: true; value: { email: string; password: string; role: Role; siteIds?: string[] } }
  | { ok: false; errors: Partial<Record<UserField, string>> };

/** Validates a new user. */
export function validateUser(d: UserDraft): UserResult {
  const errors: Partial<Record<UserField, string>> = {};
  const email = d.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'An email address, e.g. ana@example.com.';
  if (d.password.length < MIN_PASSWORD) errors.password = `At least ${MIN_PASSWORD} characters.`;
  else if (d.password !== d.repeat) errors.repeat = 'The two passwords differ.';
  if (!d.role) errors.role = 'Choose a role.';
  // an ADMIN is always all sites, whatever was ticked before the role was chosen
  const sites = d.role === 'ADMIN' ? null : d.sites;
  if (sites !== null && sites.length === 0) errors.sites = 'Choose at least one site, or All sites.';
  if (Object.keys(errors).length > 0 || !d.role) return { ok: false, errors };
  return {
    ok: true,
    value: { email, password: d.password, role: d.role, ...(sites ? { siteIds: sites } : {}) },
  };
}
