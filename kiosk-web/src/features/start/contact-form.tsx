import { useState, type FormEvent } from 'react';
import { type Contact } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../../ui/text-field';

// A loose shape check so a typo is caught on the spot; the server validates for real.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Returns the contact to send, or 'invalid' when something typed does not look like one. */
export function readContact(email: string, phone: string): Contact | 'invalid' {
  const e = email.trim();
  const p = phone.trim();
  if ((e && !EMAIL.test(e)) || (p && !PHONE.test(p))) return 'invalid';
  const contact: Contact = {};
  if (e) contact.email = e;
  if (p) contact.phone = p.replace(/[ ()-]/g, '');
  return contact;
}

/**
 * Email and/or phone for reminders and recovery. `requireOne` is for recovery, where a contact is
 * the whole point; when issuing a code it is optional.
 */
export function ContactForm({
  busy,
  requireOne,
  submitLabel,
  onSubmit,
  onSkip,
}: {
  busy: boolean;
  requireOne?: boolean;
  submitLabel: string;
  onSubmit: (contact: Contact) => void;
  onSkip?: () => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [invalid, setInvalid] = useState(false);
  const contact = readContact(email, phone);
  const empty = !email.trim() && !phone.trim();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (contact === 'invalid') {
      setInvalid(true);
      return;
    }
    onSubmit(contact);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label={t('contact.email')}
        name="email"
        type="email"
        layout="email"
        value={email}
        onChange={setEmail}
        maxLength={254}
      />
      <TextField
        label={t('contact.phone')}
        name="phone"
        type="tel"
        layout="tel"
        value={phone}
        onChange={setPhone}
        maxLength={20}
      />
      {invalid && contact === 'invalid' ? (
        <p className="notice error" role="alert">
          {t('contact.invalid')}
        </p>
      ) : null}
      <div className="actions">
        {onSkip ? (
          <button type="button" className="btn secondary" disabled={busy} onClick={onSkip}>
            {t('contact.skip')}
          </button>
        ) : null}
        <button
          type="submit"
          className="btn primary"
          disabled={busy || (requireOne && empty) || (!requireOne && empty && !onSkip)}
        >
          {busy ? t('common.working') : submitLabel}
        </button>
      </div>
    </form>
  );
}
