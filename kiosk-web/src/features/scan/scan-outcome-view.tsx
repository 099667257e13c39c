import { type ScanOutcome, type ScanResult, type Session } from '../../api/types';
import { formatMoney, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { type MessageKey } from '../../i18n/en';
import { Screen } from '../../ui/screen';
import { type OperationKind } from '../session/phase';
import { isOverdue, OverdueFacts } from '../session/overdue';
import { SessionFollow } from '../session/session-follow';
import { PaymentPanel } from './payment-panel';

const KIND: Partial<Record<ScanOutcome, OperationKind>> = {
  UNLOCKING_FOR_DEPOSIT: 'deposit',
  UNLOCKING_FOR_RETRIEVAL: 'retrieval',
  UNLOCKING_FOR_ACCESS: 'access',
};

/**
 * BUSY: the code's own door operation is under way, typically because the answer to the scan
 * that started it was lost on the way (the network, a server instance that died after its
 * commit). The person is sent to that locker and follows it live, as if the answer had arrived.
 */
function underWay(result: ScanResult): OperationKind | undefined {
  const s = result.session;
  if (result.outcome !== 'BUSY' || !s?.compartment) return undefined;
  if (s.status === 'DEPOSITING') return 'deposit';
  if (s.status === 'RETRIEVING') return s.intent === 'ACCESS' ? 'access' : 'retrieval';
  return undefined;
}

/** Heading and explanation of the outcomes that open nothing. */
const REFUSAL: Record<string, { title: MessageKey; text: MessageKey; lost?: boolean }> = {
  NO_COMPARTMENT_AVAILABLE: { title: 'outcome.noneHeading', text: 'outcome.none' },
  INVALID_CODE: { title: 'outcome.invalidHeading', text: 'outcome.invalid', lost: true },
  WRONG_SITE: { title: 'outcome.wrongSiteHeading', text: 'outcome.wrongSite' },
  SESSION_CLOSED: { title: 'outcome.closedHeading', text: 'outcome.closed' },
  BUSY: { title: 'outcome.busyHeading', text: 'outcome.busy' },
  COLLECT_FROM_STAFF: { title: 'outcome.staffHeading', text: 'outcome.staff' },
};

/**
 * One scan's answer in plain words with what to do next: the locker to go to (then the live
 * session), pay now, or why nothing opened.
 */
export function ScanOutcomeView({
  siteId,
  payload,
  result,
  onBusyChange,
  onDone,
  onScanAgain,
  onPaid,
  onLostCode,
  onBagDoesNotFit,
  onStoreAgain,
}: {
  siteId: string;
  payload: string;
  result: ScanResult;
  onBusyChange: (busy: boolean) => void;
  onDone: () => void;
  onScanAgain: () => void;
  onPaid: () => void;
  onLostCode: () => void;
  onBagDoesNotFit?: (session: Session) => void;
  onStoreAgain?: () => void;
}) {
  const { t, locale } = useI18n();
  const kind = KIND[result.outcome] ?? underWay(result);
  const label = result.compartment?.label ?? result.session?.compartment?.label ?? '';
  if (kind && result.session) {
    return (
      <SessionFollow
        key={result.session.id}
        siteId={siteId}
        payload={payload}
        initial={result.session}
        label={label}
        kind={kind}
        onBusyChange={onBusyChange}
        onDone={onDone}
        onScanAgain={onScanAgain}
        onBagDoesNotFit={onBagDoesNotFit}
        onStoreAgain={onStoreAgain}
      />
    );
  }
  const done = (
    <button type="button" className="btn secondary" onClick={onDone}>
      {t('common.done')}
    </button>
  );
  if (result.outcome === 'PAYMENT_REQUIRED' && result.session) {
    const amount = result.amountDue ?? result.session.amountDue;
    const late = result.session;
    const price = formatMoney(amount, locale);
    return (
      <Screen title={t('outcome.paymentHeading')} tone="warn">
        {isOverdue(late) ? (
          <>
            <p className="lead">
              {t('overdue.lead', { time: formatTime(late.dueAt, late.site.timezone, locale), amount: price })}
            </p>
            <OverdueFacts session={late} />
          </>
        ) : (
          <p className="lead">{t('outcome.payment', { amount: price })}</p>
        )}
        <PaymentPanel sessionId={result.session.id} payload={payload} amount={amount} onPaid={onPaid} />
        <div className="actions">{done}</div>
      </Screen>
    );
  }
  const refusal = REFUSAL[result.outcome] ?? REFUSAL['INVALID_CODE']!;
  return (
    <Screen title={t(refusal.title)} tone="bad">
      <p className="lead" role="alert">
        {t(refusal.text)}
      </p>
      <div className="actions">
        <button type="button" className="btn primary" onClick={onScanAgain}>
          {t('outcome.scanAgain')}
        </button>
        {refusal.lost ? (
          <button type="button" className="btn secondary" onClick={onLostCode}>
            {t('outcome.lostCode')}
          </button>
        ) : null}
        {done}
      </div>
    </Screen>
  );
}
