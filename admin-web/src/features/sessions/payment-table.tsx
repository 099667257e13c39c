import { useMutation } from '@apollo/client/react';
import type { SessionDetailQuery } from '../../api/generated/graphql';
import { formatDateTime, formatMoney, humanize } from '../../ui/format';
import { ReasonAction } from '../../ui/reason-action';
import { RefundPaymentMutation } from './sessions.operations';

type Payment = NonNullable<SessionDetailQuery['session']>['payments'][number];

/**
 * The session's payments. With `canRefund` (ADMIN) a captured payment offers a refund,
 * which asks for a reason; the server raises the amount due and lowers revenue by it.
 */
export function PaymentTable({
  payments,
  timeZone,
  canRefund = false,
  onChanged,
}: {
  payments: readonly Payment[];
  timeZone: string;
  canRefund?: boolean;
  onChanged?: () => void;
}) {
  const [refund] = useMutation(RefundPaymentMutation);
  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      {payments.length === 0 ? (
        <p className="muted">No payments.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Provider</th>
              <th scope="col">Created</th>
              <th scope="col">Captured</th>
              <th scope="col">Refunded</th>
              {canRefund && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id} data-testid="payment">
                <td>{formatMoney(p.amount)}</td>
                <td>{humanize(p.status)}</td>
                <td>{p.provider}</td>
                <td>{formatDateTime(p.createdAt, timeZone)}</td>
                <td>{formatDateTime(p.capturedAt, timeZone)}</td>
                <td>{p.refundedAt ? `${formatDateTime(p.refundedAt, timeZone)}${p.refundReason ? ` — ${p.refundReason}` : ''}` : '—'}</td>
                {canRefund && (
                  <td>
                    {p.status === 'CAPTURED' && (
                      <ReasonAction
                        label={`Refund ${formatMoney(p.amount)}`}
                        danger
                        onConfirm={async (reason) => {
                          await refund({ variables: { paymentId: p.id, reason } });
                          onChanged?.();
                        }}
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
