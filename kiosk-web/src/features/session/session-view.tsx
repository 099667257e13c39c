import { type ReactNode } from 'react';
import { type Session } from '../../api/types';
import { formatMoney, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Screen } from '../../ui/screen';
import { type OperationKind, type Phase } from './phase';
import { CollectionSummary } from './terms';

const UNLOCK_TEXT = {
  deposit: 'outcome.deposit',
  retrieval: 'outcome.retrieval',
  access: 'outcome.access',
} as const;
const CLOSE_TEXT = {
  deposit: 'session.closeDeposit',
  retrieval: 'session.closeRetrieval',
  access: 'session.closeAccess',
} as const;

/**
 * What the person sees during and after their door operation. Presentational: `phase` comes from
 * followPhase, actions (help, feedback, done) are passed in as slots.
 */
export function SessionView({
  phase,
  kind,
  label,
  session,
  help,
  bagDoesNotFit,
  feedback,
  onDone,
  onScanAgain,
  onStoreAgain,
}: {
  phase: Phase;
  kind: OperationKind;
  label: string;
  session: Session;
  help?: ReactNode;
  /** While the door is unlocked or open: "my bag does not fit" (deposits). */
  bagDoesNotFit?: ReactNode;
  feedback?: ReactNode;
  onDone: () => void;
  onScanAgain?: () => void;
  /** After a collection: start a new deposit at once (the size picker), same person and language. */
  onStoreAgain?: () => void;
}) {
  const { t, locale } = useI18n();
  const doneButton = (kind: 'primary' | 'secondary') => (
    <button type="button" className={`btn ${kind}`} onClick={onDone}>
      {t('common.done')}
    </button>
  );
  const done = doneButton('primary');
  const bigLabel = (
    <p className="locker-label" aria-label={`${t('outcome.goTo')} ${label}`}>
      <span className="locker-caption">{t('outcome.goTo')}</span>
      <span className="locker-id">{label}</span>
    </p>
  );
  switch (phase) {
    case 'unlocking':
      return (
        <Screen title={t('outcome.goTo') + ' ' + label} tone="ok">
          {bigLabel}
          <p className="lead" role="status">
            {t(UNLOCK_TEXT[kind])}
          </p>
          <p>{t('session.unlocking', { label })}</p>
          <div className="actions">
            {bagDoesNotFit}
            {help}
          </div>
        </Screen>
      );
    case 'doorOpen':
      return (
        <Screen title={t('session.doorOpen')} tone="ok">
          {bigLabel}
          <p className="lead" role="status">
            {t(CLOSE_TEXT[kind])}
          </p>
          <div className="actions">
            {bagDoesNotFit}
            {help}
          </div>
        </Screen>
      );
    case 'closing':
      return <Screen title={t('session.closing')}>{bigLabel}</Screen>;
    case 'stored':
      return (
        <Screen title={t('session.storedHeading')} tone="ok">
          {session.dueAt ? (
            <p className="big-fact" role="status">
              {t('session.storedUntil', { time: formatTime(session.dueAt, session.site.timezone, locale) })}
            </p>
          ) : null}
          <p className="lead">{t('session.storedIn', { label })}</p>
          {session.terms.overduePerHour.amount > 0 ? (
            <p>{t('session.overdueFees', { price: formatMoney(session.terms.overduePerHour, locale) })}</p>
          ) : null}
          {session.terms.amountPaid.amount > 0 ? (
            <p>
              {t('summary.paid')}: {formatMoney(session.terms.amountPaid, locale)}
            </p>
          ) : null}
          <p>{t('ticket.keep')}</p>
          <div className="actions">{done}</div>
        </Screen>
      );
    case 'thanks':
      return (
        <Screen title={t('session.thanks')} tone="ok">
          <p className="lead">{t('session.thanksText')}</p>
          <CollectionSummary session={session} />
          {feedback}
          <div className="actions">
            {onStoreAgain ? (
              <button type="button" className="btn primary" onClick={onStoreAgain}>
                {t('session.storeAgain')}
              </button>
            ) : null}
            {doneButton(onStoreAgain ? 'secondary' : 'primary')}
          </div>
        </Screen>
      );
    case 'notOpened':
      return (
        <Screen title={t('help.doorDidNotOpen')} tone="warn">
          <p className="lead" role="alert">
            {t(kind === 'deposit' ? 'session.notOpened' : 'session.notOpenedRetrieval')}
          </p>
          <div className="actions">
            {onScanAgain ? (
              <button type="button" className="btn primary" onClick={onScanAgain}>
                {t('outcome.scanAgain')}
              </button>
            ) : null}
            {help}
            {doneButton('secondary')}
          </div>
        </Screen>
      );
    case 'cancelled':
      return (
        <Screen title={t('outcome.closedHeading')} tone="warn">
          <p className="lead">{t('session.cancelled')}</p>
          <div className="actions">{done}</div>
        </Screen>
      );
  }
}
