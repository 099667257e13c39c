import { useId, useState } from 'react';
import { type Session } from '../../api/types';
import { formatDateTime, formatMinutes, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { PaymentPanel } from '../scan/payment-panel';

/**
 * What the phone page lets the code holder pay for its own session: an overdue fee first
 * (nothing else until it is paid), otherwise more time while the bag is stored. The kiosk's
 * payment step does the paying; the new due time arrives live with the session.
 */
export function PhonePayment({
  session,
  payload,
  onPaid,
}: {
  session: Session;
  payload: string;
  onPaid: () => void;
}) {
  const { t, locale } = useI18n();
  // a new panel after each capture: the next payment starts from its first step
  const [round, setRound] = useState(0);
  const [paid, setPaid] = useState<{ what: 'fee' | 'time'; dueBefore: string | null } | null>(null);
  const done = (what: 'fee' | 'time') => {
    setPaid({ what, dueBefore: session.dueAt });
    setRound((n) => n + 1);
    onPaid();
  };
  const owes = session.amountDue.amount > 0 && session.status === 'STORED';
  let said: string | null = null;
  if (paid?.what === 'fee') said = t('phonePay.feePaid');
  else if (paid && session.dueAt && session.dueAt !== paid.dueBefore)
    said = t('phonePay.timePaid', { time: formatDateTime(session.dueAt, session.site.timezone, locale) });
  else if (paid) said = t('phonePay.timePaidWaiting');
  const notice = said ? (
    <p className="notice ok" role="status" data-testid="phone-paid">
      {said}
    </p>
  ) : null;
  if (owes)
    return (
      <section className="phone-pay" aria-labelledby="phone-pay-fee">
        {notice}
        <h2 id="phone-pay-fee">{t('phonePay.feeHeading')}</h2>
        <p>{t('phonePay.feeFirst')}</p>
        <PaymentPanel
          key={round}
          sessionId={session.id}
          payload={payload}
          amount={session.amountDue}
          conflictText={t('phonePay.conflict')}
          onPaid={() => done('fee')}
        />
      </section>
    );
  if (!session.extension) return notice;
  return (
    <>
      {notice}
      <ExtendStorage
        key={round}
        session={session}
        extension={session.extension}
        payload={payload}
        onPaid={() => done('time')}
      />
    </>
  );
}

/** More time: the choice of steps and their price, then the payment step. */
function ExtendStorage({
  session,
  extension,
  payload,
  onPaid,
}: {
  session: Session;
  extension: NonNullable<Session['extension']>;
  payload: string;
  onPaid: () => void;
}) {
  const { t, locale } = useI18n();
  const legend = useId();
  const [steps, setSteps] = useState<number | null>(null);
  const price = (n: number) => ({ ...extension.stepPrice, amount: n * extension.stepPrice.amount });
  const options = Array.from({ length: extension.maxSteps }, (_, i) => i + 1);
  return (
    <section className="phone-pay" aria-labelledby="phone-pay-extend">
      <h2 id="phone-pay-extend">{t('phonePay.extendHeading')}</h2>
      {steps === null ? (
        <div className="extend-choice" role="group" aria-labelledby={legend}>
          <p id={legend}>{t('phonePay.extendChoose')}</p>
          {options.map((n) => (
            <button
              key={n}
              type="button"
              className="btn secondary"
              onClick={() => setSteps(n)}
              data-testid={`extend-${n}`}
            >
              {t('phonePay.extendOption', {
                duration: formatMinutes(n * extension.stepMinutes, locale),
                price: formatMoney(price(n), locale),
              })}
            </button>
          ))}
        </div>
      ) : (
        <>
          <p data-testid="extend-chosen">
            {t('phonePay.extendChosen', {
              duration: formatMinutes(steps * extension.stepMinutes, locale),
            })}
          </p>
          <PaymentPanel
            sessionId={session.id}
            payload={payload}
            amount={price(steps)}
            extensionSteps={steps}
            conflictText={t('phonePay.conflict')}
            onPaid={onPaid}
          />
          <button type="button" className="btn secondary" onClick={() => setSteps(null)}>
            {t('phonePay.extendOther')}
          </button>
        </>
      )}
    </section>
  );
}
