import { type Session } from '../../api/types';
import { formatDateTime, formatMinutes, formatMoney, formatPrice, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/**
 * What the traveller needs to know, in the order they ask it: price, included time, the rate
 * after it, how long the code is good for, and when to collect. On the ticket and the phone.
 */
export function TermsFacts({ session }: { session: Session }) {
  const { t, locale } = useI18n();
  const { terms, site } = session;
  const tz = site.timezone;
  const validity = terms.codeValidUntil
    ? t('ticket.validToStore', { time: formatTime(terms.codeValidUntil, tz, locale) })
    : t('ticket.validUntilCollect');
  return (
    <>
      <dt>{t('ticket.price')}</dt>
      <dd data-testid="terms-price">{formatPrice(terms.price, locale, t)}</dd>
      <dt>{t('ticket.included')}</dt>
      <dd>{formatMinutes(terms.includedMinutes, locale)}</dd>
      <dt>{t('ticket.then')}</dt>
      <dd>
        {terms.overduePerHour.amount > 0
          ? t('ticket.perHour', { price: formatMoney(terms.overduePerHour, locale) })
          : t('ticket.noFee')}
      </dd>
      {session.status === 'COMPLETED' || session.status === 'CANCELLED' ? null : (
        <>
          <dt>{t('ticket.validity')}</dt>
          <dd>{validity}</dd>
        </>
      )}
      <dt>{t('ticket.due')}</dt>
      <dd>
        {session.dueAt
          ? formatDateTime(session.dueAt, tz, locale)
          : t('ticket.dueAfterDeposit', { duration: formatMinutes(terms.includedMinutes, locale) })}
      </dd>
    </>
  );
}

/** Minutes between deposit and collection (or now, while the collection is being recorded). */
export function storedMinutes(session: Session, now = Date.now()): number | null {
  if (!session.depositedAt) return null;
  const end = session.retrievedAt ? new Date(session.retrievedAt).getTime() : now;
  return Math.max(1, Math.round((end - new Date(session.depositedAt).getTime()) / 60_000));
}

/** At collection: how long the bag was stored, what was paid in all, and the receipt's reference if one was sent. */
export function CollectionSummary({ session }: { session: Session }) {
  const { t, locale } = useI18n();
  const minutes = storedMinutes(session);
  return (
    <dl className="facts" aria-label={t('summary.heading')}>
      {minutes != null ? (
        <>
          <dt>{t('summary.stored')}</dt>
          <dd data-testid="summary-stored">{formatMinutes(minutes, locale)}</dd>
        </>
      ) : null}
      <dt>{t('summary.paid')}</dt>
      <dd data-testid="summary-paid">{formatPrice(session.terms.amountPaid, locale, t)}</dd>
      {session.terms.receiptReference ? (
        <>
          <dt>{t('summary.receipt')}</dt>
          <dd data-testid="summary-receipt">
            {t('summary.receiptSent', { reference: session.terms.receiptReference })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
