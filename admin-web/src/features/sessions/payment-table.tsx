import type { SessionDetailQuery } from '../../api/generated/graphql';
import { formatDateTime, formatMoney, humanize } from '../../ui/format';

type Payment = NonNullable<SessionDetailQuery['session']>['payments'][number];

/** The session's payments. */
export function PaymentTable({ payments, timeZone }: { payments: readonly Payment[]; timeZone: string }) {
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
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id}>
                <td>{formatMoney(p.amount)}</td>
                <td>{humanize(p.status)}</td>
                <td>{p.provider}</td>
                <td>{formatDateTime(p.createdAt, timeZone)}</td>
                <td>{formatDateTime(p.capturedAt, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
