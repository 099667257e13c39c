import { useState, type FormEvent } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { SessionByAccessCodeDoc, StorageUpdatedDoc } from '../../api/operations';
import { errorCode } from '../../api/errors';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';
import { QrImage } from '../../ui/qr-image';
import { isOverdue, OverdueFacts } from '../session/overdue';
import { TermsFacts } from '../session/terms';
import { PhonePayment } from './phone-payment';

/** The depositor's session by its code: status, due time (site time zone), fee owed; pay it, or buy more time. */
export function MySession({
  siteId,
  payload,
  shortCode = null,
  onPayload,
}: {
  siteId: string;
  payload: string | null;
  /** The code to type at the kiosk, when this phone got it with the QR code. */
  shortCode?: string | null;
  onPayload: (p: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState('');
  const { data, error, loading, refetch } = useQuery(SessionByAccessCodeDoc, {
    variables: { siteId, payload: payload ?? '' },
    skip: !payload,
    fetchPolicy: 'network-only',
    pollInterval: 60_000,
  });
  // Live: each change arrives as the session (same fields), updating the query's cached session in place.
  // A slow poll remains for what no event announces: the running cost of an overdue session.
  useSubscription(StorageUpdatedDoc, { variables: { siteId, payload: payload ?? '' }, skip: !payload });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) onPayload(typed.trim());
  };
  if (!payload) {
    return (
      <form className="form" onSubmit={submit}>
        <label>
          {t('phone.codeInput')}
          <input name="payload" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="submit" className="btn primary" disabled={!typed.trim()}>
          {t('phone.lookup')}
        </button>
      </form>
    );
  }
  const s = data?.sessionByAccessCode;
  return (
    <div>
      <QrImage payload={payload} label={t('ticket.heading')} size={220} />
      {shortCode ? (
        <p className="ticket-short">
          <span className="ticket-short-caption">{t('ticket.shortCode')}</span>
          <span className="ticket-short-code" data-testid="short-code">
            {shortCode}
          </span>
        </p>
      ) : null}
      {loading && !data ? <p role="status">{t('common.working')}</p> : null}
      {error ? <ErrorNotice code={errorCode(error)} /> : null}
      {data && !s ? <p className="notice error">{t('phone.noSession')}</p> : null}
      {s ? (
        <dl className="facts">
          <dt>{t('phone.status')}</dt>
          <dd data-testid="session-status">{s.overdue ? t('status.OVERDUE') : t(`status.${s.status}`)}</dd>
          <dt>{t('ticket.size')}</dt>
          <dd>
            {t(`size.${s.size}`)}
            {s.compartment ? ` · ${s.compartment.label}` : ''}
          </dd>
          <TermsFacts session={s} />
          <dt>{t('summary.paid')}</dt>
          <dd>{formatMoney(s.terms.amountPaid, locale)}</dd>
          <dt>{t('phone.owed')}</dt>
          <dd>{formatMoney(s.amountDue, locale)}</dd>
        </dl>
      ) : null}
      {s && isOverdue(s) ? <OverdueFacts session={s} /> : null}
      {s ? (
        <PhonePayment
          session={s}
          payload={payload}
          // the live update brings the change; a read now covers a subscription that was down
          onPaid={() => void refetch().catch(() => undefined)}
        />
      ) : null}
      <div className="actions">
        <button type="button" className="btn secondary" onClick={() => onPayload(null)}>
          {t('phone.forget')}
        </button>
      </div>
    </div>
  );
}
