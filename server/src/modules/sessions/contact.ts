import { badInput } from '../../errors/domain-error.js';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../../shared/message-locale.js';

export interface Contact {
  email: string | null;
  phone: string | null;
  /** The language of their e-mails and SMS (English unless chosen). */
  language: MessageLanguage;
}

/** Validates and normalises a depositor's contact (both parts optional). */
export function normaliseContact(
  input: { email?: string | null; phone?: string | null; language?: string | null } | null | undefined,
): Contact {
  const email = input?.email?.trim().toLowerCase() || null;
  const phone = input?.phone?.replace(/[\s().-]/g, '') || null;
  if (email !== null && (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))) {
    throw badInput('contact.email', 'email is not a valid address');
  }
  if (phone !== null && !/^\+?[0-9]{6,15}$/.test(phone)) {
    throw badInput('contact.phone', 'phone must be 6 to 15 digits, optionally starting with +');
  }
  const language = input?.language ?? 'en';
  if (!(MESSAGE_LANGUAGES as readonly string[]).includes(language))
    throw badInput('contact.language', `language must be one of ${MESSAGE_LANGUAGES.join(', ')}`);
  return { email, phone, language: language as MessageLanguage };
}

/** The key a recovery code is filed under: one contact, one kind. */
export function contactKey(contact: Contact): string {
  if (contact.email) return `email:${contact.email}`;
  if (contact.phone) return `phone:${contact.phone}`;
  throw badInput('contact', 'give an email or a phone number');
}
