import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { CompleteAccessRecoveryDoc, StartAccessRecoveryDoc } from '../../api/operations';
import { type Contact, type IssuedCode } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';
import { TextField } from '../../ui/text-field';
import { ContactForm } from '../start/contact-form';

/**
 * Lost code: the contact given at issue gets a one-time code (startAccessRecovery, which always
 * answers true), and that code buys a new access code for the same session (the old one is revoked).
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
  const [startRecovery] = useMutation(StartAccessRecoveryDoc);
  const [completeRecovery] = useMutation(CompleteAccessRecoveryDoc);
  const start = useSubmit(async (c: Contact) => {
    await startRecovery({ variables: { siteId, contact: c } });
    setContact(c);
  });
  const complete = useSubmit(async (c: Contact, code: string) => {
    const { data } = await completeRecovery({ variables: { siteId, contact: c, oneTimeCode: code } });
    if (!data) throw new Error('no code');
    onRecovered(data.completeAccessRecovery);
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
  return (
    <form className="form" onSubmit={submit}>
      <p role="status">{t('recover.sent')}</p>
      <TextField
        label={t('recover.code')}
        name="oneTimeCode"
        layout="digits"
        autoComplete="one-time-code"
        value={oneTime}
        onChange={setOneTime}
        maxLength={12}
      />
      <ErrorNotice code={complete.error} />
      <div className="actions">
        <button
          type="button"
          className="btn secondary"
          disabled={complete.busy}
          onClick={() => setContact(null)}
        >
          {t('recover.changeContact')}
        </button>
        <button type="submit" className="btn primary" disabled={complete.busy || !oneTime.trim()}>
          {complete.busy ? t('common.working') : t('recover.confirm')}
        </button>
      </div>
    </form>
  );
}
