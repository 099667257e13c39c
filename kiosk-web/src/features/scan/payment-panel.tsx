import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { ConfirmDemoPaymentDoc, CreateExtensionPaymentDoc, CreatePaymentDoc } from '../../api/operations';
import { type DemoPaymentOutcome } from '../../api/generated/graphql';
import { useSubmit } from '../../api/use-submit';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';

type Step = { name: 'ready'; note?: 'declined' | 'cancelled' } | { name: 'tap'; paymentId: string };

/**
 * Pay what the scan said is due, with the demo provider's tap-card screen. The kiosk asks the
 * server to create the payment, then stands in for the card reader (approve, decline, cancel).
 * Once captured, `onPaid` scans the same code again so the locker opens without another scan.
 * The phone page uses it too, for the overdue fee and (with `extensionSteps`) for more time;
 * the code (`payload`) is its proof for both the payment and the demo answer.
 */
export function PaymentPanel({
  sessionId,
  payload,
  amount,
  onPaid,
  extensionSteps = null,
  conflictText = null,
}: {
  sessionId: string;
  payload: string;
  amount: { amount: number; currency: string };
  onPaid: () => void;
  /** Buy this many steps of more time instead of paying what is due. */
  extensionSteps?: number | null;
  /** Says in words why the server refused to start it (CONFLICT), where a page knows better. */
  conflictText?: string | null;
}) {
  const { t, locale } = useI18n();
  const [step, setStep] = useState<Step>({ name: 'ready' });
  const [create] = useMutation(CreatePaymentDoc);
  const [createExtension] = useMutation(CreateExtensionPaymentDoc);
  const [confirm] = useMutation(ConfirmDemoPaymentDoc);
  const price = formatMoney(amount, locale);

  const start = useSubmit(async () => {
    const id =
      extensionSteps === null
        ? (await create({ variables: { sessionId, payload } })).data?.createPayment.id
        : (await createExtension({ variables: { sessionId, payload, steps: extensionSteps } })).data
            ?.createExtensionPayment.id;
    if (!id) throw new Error('no payment');
    setStep({ name: 'tap', paymentId: id });
  });
  const answer = useSubmit(async (paymentId: string, outcome: DemoPaymentOutcome) => {
    const { data } = await confirm({ variables: { paymentId, outcome, payload } });
    const status = data?.confirmDemoPayment.status;
    if (status === 'CAPTURED') onPaid();
    else setStep({ name: 'ready', note: status === 'DECLINED' ? 'declined' : 'cancelled' });
  });

  if (step.name === 'ready') {
    return (
      <div className="payment">
        {step.note ? (
          <p className="notice error" role="alert">
            {step.note === 'declined' ? t('pay.declined') : t('pay.cancelled')}
          </p>
        ) : null}
        <button
          type="button"
          className="btn primary big"
          disabled={start.busy}
          onClick={() => void start.run()}
        >
          {start.busy ? t('common.working') : t('pay.now', { amount: price })}
        </button>
        {start.error === 'CONFLICT' && conflictText ? (
          <p className="notice error" role="alert">
            {conflictText}
          </p>
        ) : (
          <ErrorNotice code={start.error} onRetry={() => void start.run()} />
        )}
      </div>
    );
  }
  const busy = answer.busy;
  return (
    <div className="payment tap">
      <p className="big-fact">{price}</p>
      <p className="lead" role="status">
        {busy ? t('common.working') : t('pay.tapCard')}
      </p>
      <fieldset className="demo-reader">
        <legend>{t('pay.demo')}</legend>
        <button
          type="button"
          className="btn primary"
          disabled={busy}
          onClick={() => void answer.run(step.paymentId, 'APPROVE')}
        >
          {t('pay.approve')}
        </button>
        <button
          type="button"
          className="btn secondary"
          disabled={busy}
          onClick={() => void answer.run(step.paymentId, 'DECLINE')}
        >
          {t('pay.decline')}
        </button>
        <button
          type="button"
          className="btn secondary"
          disabled={busy}
          onClick={() => void answer.run(step.paymentId, 'CANCEL')}
        >
          {t('pay.cancel')}
        </button>
      </fieldset>
      <ErrorNotice code={answer.error} />
    </div>
  );
}
