import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { CompleteAccessRecoveryDoc, StartAccessRecoveryDoc } from '../../api/operations';
import { errorNumber } from '../../api/errors';
import { type Contact, type IssuedCode } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';
import { TextField } from '../../ui/text-field';
import { ContactForm } from '../start/contact-form';

/** What the server said about the last "send the code again", beyond its error code. */
type Sent = { resent: true } | { waitSeconds: number } | null;

/**
 * Lost code: the contact given at issue gets a one-time code (startAccessRecovery, which always
 * answers true), and that code buys a new access code for the same session (the old one is revoked).
 * A wrong code says how many tries are left; "send the code again" asks for a new one (the server
 * limits how often, and says how long to wait).
 */
export function LostCode({
  siteId,
  onRecovered,
}: {
  siteId: string;
  onRecovered: (issued: IssuedCode) => void;
}) {
  const { t } = useI18n();
  const [contact, setContact] = useState<Contact | null>(null);
  const [oneTime, setOneTime] = useState('');
  /** Tries left of the code after a wrong one; a new code starts afresh. */
  const [tries, setTries] = useState<number | null>(null);
  const [sent, setSent] = useState<Sent>(null);
  const [startRecovery] = useMutation(StartAccessRecoveryDoc);
  const [completeRecovery] = useMutation(CompleteAccessRecoveryDoc);
  const start = useSubmit(async (c: Contact) => {
    await startRecovery({ variables: { siteId, contact: c } });
    setContact(c);
  });
  const resend = useSubmit(async (c: Contact) => {
    setSent(null);
    try {
      await startRecovery({ variables: { siteId, contact: c } });
      setOneTime('');
      setTries(null);
      setSent({ resent: true });
    } catch (e) {
      const wait = errorNumber(e, 'retryAfterSeconds');
      if (wait !== null) setSent({ waitSeconds: wait });
      throw e;
    }
  });
  const complete = useSubmit(async (c: Contact, code: string) => {
    setTries(null);
    try {
      const { data } = await completeRecovery({ variables: { siteId, contact: c, oneTimeCode: code } });
      if (!data) throw new Error('no code');
      onRecovered(data.completeAccessRecovery);
    } catch (e) {
      setTries(errorNumber(e, 'attemptsLeft'));
      throw e;
    }
  });

  if (!contact) {
    return (
      <div>
        <p>{t('recover.explain')}</p>
        <ContactForm
          busy={start.busy}
          requireOne
          submitLabel={t('recover.send')}
          onSubmit={(c) => void start.run(c)}
        />
        <ErrorNotice code={start.error} />
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (oneTime.trim()) void complete.run(contact, oneTime.trim());
  };
  const busy = complete.busy || resend.busy;
  return (
    <form className="form" onSubmit={submit}>
      <p role="status">{sent && 'resent' in sent ? t('recover.resent') : t('recover.sent')}</p>
      <TextField
        label={t('recover.code')}
        name="oneTimeCode"
        layout="digits"
        autoComplete="one-time-code"
        value={oneTime}
        onChange={setOneTime}
        maxLength={12}
      />
      {tries !== null ? (
        <p className="notice error" role="alert" data-testid="recover-tries">
          {tries > 0 ? t('recover.wrong', { n: tries }) : t('recover.noTries')}
        </p>
      ) : (
        <ErrorNotice code={complete.error} />
      )}
      {sent && 'waitSeconds' in sent ? (
        <p className="notice error" role="alert" data-testid="recover-wait">
          {t('recover.wait', { seconds: sent.waitSeconds })}
        </p>
      ) : (
        <ErrorNotice code={resend.error} />
      )}
      <div className="actions">
        <button type="button" className="btn secondary" disabled={busy} onClick={() => setContact(null)}>
          {t('recover.changeContact')}
        </button>
        <button
          type="button"
          className="btn secondary"
          disabled={busy}
          onClick={() => void resend.run(contact)}
        >
          {resend.busy ? t('common.working') : t('recover.resend')}
        </button>
        <button type="submit" className="btn primary" disabled={busy || !oneTime.trim()}>
          {complete.busy ? t('common.working') : t('recover.confirm')}
        </button>
      </div>
    </form>
  );
}
