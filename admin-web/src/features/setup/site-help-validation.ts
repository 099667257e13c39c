// The help line's phone and hours, checked as the server checks them (it validates too).

export interface HelpDraft {
  phone: string;
  hours: string;
}

/** Both optional; a phone must be dialable (6 to 15 digits), hours one line of at most 120 characters. */
export function validateHelp(
  d: HelpDraft,
): { ok: true; value: { phone: string; hours: string } } | { ok: false; errors: Partial<HelpDraft> } {
  const phone = d.phone.trim();
  const hours = d.hours.trim();
  const errors: Partial<HelpDraft> = {};
  const digits = phone.replace(/\D/g, '').length;
  if (phone && (!/^\+?[0-9(][0-9 ().-]{4,23}[0-9]$/.test(phone) || digits < 6 || digits > 15))
    errors.phone = 'Enter a phone number such as +49 30 1234567.';
  if ([...hours].length > 120) errors.hours = 'At most 120 characters.';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { phone, hours } };
}
