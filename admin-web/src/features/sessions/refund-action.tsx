import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { RefundEffect } from '../../api/generated/graphql';
import { formatMoney } from '../../ui/format';
import { ReasonAction } from '../../ui/reason-action';
import { RefundPaymentMutation, RefundPreviewQuery } from './sessions.operations';

/** What each refund effect means, in the words the operator chooses by. */
export const REFUND_EFFECTS: { value: RefundEffect; label: string; hint: string }[] = [
  {
    value: 'WAIVE_FEE',
    label: 'Give the money back and waive the fee',
    hint: 'The fee stays settled: the traveller is not asked to pay it again.',
  },
  {
    value: 'CANCEL_CHARGE',
    label: 'Cancel the charge',
    hint: 'The money goes back and the amount is due again before the next unlock.',
  },
];

/**
 * Refunding a captured payment: the operator picks what the refund does to the amount due,
 * sees the server's preview of it (due now, due after) and gives a reason before confirming.
 */
export function RefundAction({
  payment,
  onChanged,
}: {
  payment: { id: string; amount: { amount: number; currency: string } };
  onChanged?: () => void;
}) {
  const [effect, setEffect] = useState<RefundEffect>('WAIVE_FEE');
  const [touched, setTouched] = useState(false);
  const name = useId();
  const [refund] = useMutation(RefundPaymentMutation);
  const preview = useQuery(RefundPreviewQuery, {
    variables: { paymentId: payment.id, effect },
    skip: !touched,
    fetchPolicy: 'network-only',
  });
  const p = preview.data?.refundPreview;
  const label = `Refund ${formatMoney(payment.amount)}`;
  return (
    <div onFocusCapture={() => setTouched(true)} onPointerDownCapture={() => setTouched(true)}>
      <ReasonAction
        label={label}
        danger
        onConfirm={async (reason) => {
          await refund({ variables: { paymentId: payment.id, reason, effect } });
          onChanged?.();
        }}
      >
        <fieldset className="refund-effect">
          <legend>What the refund does</legend>
          {REFUND_EFFECTS.map((e) => (
            <label key={e.value} className="check">
              <input
                type="radio"
                name={name}
                value={e.value}
                checked={effect === e.value}
                onChange={() => setEffect(e.value)}
              />
              <span>
                {e.label}
                <br />
                <small className="muted">{e.hint}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <p data-testid="refund-preview" aria-live="polite">
          {p && p.effect === effect
            ? `${formatMoney(p.refunded)} goes back. Amount due: ${formatMoney(p.amountDueNow)} now, ${formatMoney(p.amountDueAfter)} after the refund.`
            : 'Working out the effect…'}
        </p>
      </ReasonAction>
    </div>
  );
}
