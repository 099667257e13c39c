import type { SessionDetailQuery } from '../../api/generated/graphql';
import { formatDateTime, formatMoney, humanize } from '../../ui/format';
import { RefundAction, REFUND_EFFECTS } from './refund-action';

type Payment = NonNullable<SessionDetailQuery['session']>['payments'][number];

/**
 * The session's payments. With `canRefund` (ADMIN) a captured payment offers a refund, which
 * asks what it does to the amount due (shown before confirming) and a reason. A refund shows
 * who made it (the system, for automatic ones) and its effect.
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
                <td>{p.refundedAt ? <RefundNote payment={p} timeZone={timeZone} /> : '—'}</td>
                {canRefund && (
                  <td>{p.status === 'CAPTURED' && <RefundAction payment={p} onChanged={onChanged} />}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RefundNote({ payment: p, timeZone }: { payment: Payment; timeZone: string }) {
  const effect = REFUND_EFFECTS.find((e) => e.value === p.refundEffect);
  const who = p.refundAutomatic
    ? 'automatically'
    : p.refundedBy
      ? `by ${p.refundedBy.replace(/^user:/, '')}`
      : '';
  return (
    <>
      {formatDateTime(p.refundedAt, timeZone)} {who}
      {p.refundReason ? ` — ${p.refundReason}` : ''}
      {effect && (
        <div className="muted">
          {effect.value === 'WAIVE_FEE' ? 'Fee waived' : 'Charge cancelled: due again'}
        </div>
      )}
    </>
  );
}
