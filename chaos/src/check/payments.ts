/**
 * Payments against what travellers were told: a payment shown to the traveller as CAPTURED
 * must be on the server as captured (or refunded, with its reason); no session may hold
 * more captured money than its price (no run is long enough for overdue fees).
 */
import type { ServerSession } from '../collect.ts';
import type { History } from '../history.ts';

export interface PaymentFinding {
  sessionId: string;
  why: string;
}

export function checkPayments(
  history: History,
  server: ReadonlyMap<string, ServerSession>,
): { checked: number; findings: PaymentFinding[] } {
  const findings: PaymentFinding[] = [];
  for (const p of history.payments) {
    if (p.acknowledged !== 'CAPTURED') continue;
    const stored = server.get(p.sessionId)?.payments.find((x) => x.id === p.paymentId);
    if (!stored || !['CAPTURED', 'REFUNDED'].includes(stored.status)) {
      findings.push({
        sessionId: p.sessionId,
        why: `payment ${p.paymentId} shown CAPTURED, server has ${stored?.status ?? 'nothing'}`,
      });
    }
  }
  for (const [sessionId, meta] of history.sessions) {
    const captured = (server.get(sessionId)?.payments ?? [])
      .filter((x) => x.status === 'CAPTURED')
      .reduce((sum, x) => sum + x.amount.amount, 0);
    if (captured > meta.price)
      findings.push({ sessionId, why: `captured ${captured} for a price of ${meta.price}` });
  }
  return { checked: history.payments.length, findings };
}
