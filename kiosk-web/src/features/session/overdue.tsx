import { type Session } from '../../api/types';
import { formatDateTime, formatMinutes, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** Past its due time (the server's judgement: dueAt plus the grace), with a due time to show. */
export function isOverdue(session: Session): session is Session & { dueAt: string } {
  return session.overdue && session.dueAt != null;
}

/**
 * Why a late bag costs what it costs: when it was due (site time zone), how long over, the rate,
 * the fee so far and what is left to pay now. On the kiosk's payment screen and the phone.
 */
export function OverdueFacts({ session }: { session: Session & { dueAt: string } }) {
  const { t, locale } = useI18n();
  const { terms } = session;
  return (
    <dl className="facts overdue-facts" aria-label={t('status.OVERDUE')}>
      <dt>{t('overdue.due')}</dt>
      <dd data-testid="overdue-due">{formatDateTime(session.dueAt, session.site.timezone, locale)}</dd>
      <dt>{t('overdue.over')}</dt>
      <dd data-testid="overdue-over">{formatMinutes(terms.minutesOverdue, locale)}</dd>
      <dt>{t('overdue.rate')}</dt>
      <dd data-testid="overdue-rate">
        {t('ticket.perHour', { price: formatMoney(terms.overduePerHour, locale) })}
      </dd>
      <dt>{t('overdue.fee')}</dt>
      <dd data-testid="overdue-fee">{formatMoney(terms.overdueFee, locale)}</dd>
      <dt>{t('overdue.toPay')}</dt>
      <dd data-testid="overdue-to-pay">{formatMoney(session.amountDue, locale)}</dd>
    </dl>
  );
}
