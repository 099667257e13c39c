// The new-user form. The server has the last word (e.g. on password strength or a taken
// email); this catches typos before the round trip. Tested in user-validation.test.ts.
import type { Role } from '../../api/generated/graphql';

/** The user form as typed. */
export interface UserDraft {
  email: string;
  password: string;
  repeat: string;
  role: Role | '';
}

export type UserField = keyof UserDraft;

export const MIN_PASSWORD = 12;

/** Either errors by field, or the createUser variables. */
export type UserResult =
  | { ok: true; value: { email: string; password: string; role: Role } }
  | { ok: false; errors: Partial<Record<UserField, string>> };

/** Validates a new user. */
export function validateUser(d: UserDraft): UserResult {
  const errors: Partial<Record<UserField, string>> = {};
  const email = d.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'An email address, e.g. ana@example.com.';
  if (d.password.length < MIN_PASSWORD) errors.password = `At least ${MIN_PASSWORD} characters.`;
  else if (d.password !== d.repeat) errors.repeat = 'The two passwords differ.';
  if (!d.role) errors.role = 'Choose a role.';
  if (Object.keys(errors).length > 0 || !d.role) return { ok: false, errors };
  return { ok: true, value: { email, password: d.password, role: d.role } };
}
