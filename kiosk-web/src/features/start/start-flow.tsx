import { useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { IssueAccessCodeDoc } from '../../api/operations';
import { type CompartmentSize, type Contact, type IssuedCode, type SizeOffer } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';
import { Screen } from '../../ui/screen';
import { ContactForm } from './contact-form';
import { SizePicker } from './size-picker';
import { type TicketExtras } from './ticket';
import { useAvailability } from './use-availability';
import { toApiLanguage } from '../../i18n/api-language';

/**
 * Start a storage: pick a size (live availability and price), optionally leave a contact, then the
 * server issues the code. Used by the kiosk (device token) and the phone page (no token).
 */
export function StartFlow({
  siteId,
  live = true,
  onIssued,
  onCancel,
}: {
  siteId: string;
  /** The kiosk's own feed (device token); false on the phone page, which takes the public one. */
  live?: boolean;
  onIssued: (issued: IssuedCode, extras: TicketExtras) => void;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const { site, loading, failed, retry } = useAvailability(siteId, live);
  const [size, setSize] = useState<CompartmentSize | null>(null);
  const [lastContact, setLastContact] = useState<Contact | null>(null);
  const [issueCode] = useMutation(IssueAccessCodeDoc);
  // One name per request: a retry after a lost answer gets the same session from the server,
  // never a second one; a different size or contact is a different request.
  const request = useRef<{ key: string; id: string } | null>(null);
  const requestIdFor = (chosen: CompartmentSize, contact: Contact): string => {
    const key = JSON.stringify([chosen, contact.email ?? '', contact.phone ?? '']);
    if (request.current?.key !== key) request.current = { key, id: crypto.randomUUID() };
    return request.current.id;
  };
  const offer: SizeOffer | undefined = site?.availability.find((a) => a.size === size);
  const issue = useSubmit(async (chosen: CompartmentSize, contact: Contact) => {
    const { data } = await issueCode({
      variables: {
        siteId,
        size: chosen,
        // the code and the receipt are sent in the language the traveller is reading
        contact: contact.email || contact.phone ? { ...contact, language: toApiLanguage(lang) } : null,
        requestId: requestIdFor(chosen, contact),
      },
    });
    if (!data) throw new Error('no data');
    request.current = null;
    onIssued(data.issueAccessCode, {
      includedMinutes: offer?.tariff?.includedMinutes ?? null,
      hasContact: Boolean(contact.email || contact.phone),
    });
    return data;
  });
  const submit = (contact: Contact) => {
    if (!size) return;
    setLastContact(contact);
    void issue.run(size, contact);
  };

  if (!size) {
    return (
      <Screen title={t('start.heading')}>
        {loading ? <p role="status">{t('start.loading')}</p> : null}
        {site ? <SizePicker offers={site.availability} onPick={setSize} /> : null}
        {failed ? (
          <div className="notice error" role="alert">
            <p>{t('start.unavailable')}</p>
            <button type="button" className="btn primary" onClick={retry}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : null}
        {onCancel ? (
          <div className="actions">
            <button type="button" className="btn secondary" onClick={onCancel}>
              {t('common.back')}
            </button>
          </div>
        ) : null}
      </Screen>
    );
  }
  return (
    <Screen title={t('contact.heading')}>
      <p className="lead">
        {t(`size.${size}`)}
        {site ? ` · ${site.name}` : ''}
      </p>
      <p>{t('contact.explain')}</p>
      <ContactForm
        busy={issue.busy}
        submitLabel={t('contact.continue')}
        onSubmit={submit}
        onSkip={() => submit({})}
      />
      {/* Retry sends the same size and contact again; the button is disabled while a try is in flight. */}
      <ErrorNotice code={issue.error} onRetry={lastContact ? () => submit(lastContact) : undefined} />
      <div className="actions">
        <button type="button" className="btn secondary" disabled={issue.busy} onClick={() => setSize(null)}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
