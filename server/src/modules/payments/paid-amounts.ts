import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What the depositor has settled so far, as a SQL expression: captured fee payments, and refunded
 * ones whose fee was waived (the money went back, the fee stays settled). A cancelled charge
 * (refund effect CANCEL_CHARGE) is due again.
 */
export function paidSql(sessionIdSql: string): string {
  return `(select coalesce(sum(pay.amount), 0) from payment pay where pay.session_id = ${sessionIdSql} and ${settledSql('pay')})`;
}

/**
 * Whether a payment row (alias `p`) counts towards what the session has settled. Only fee
 * payments do: an extension buys time, it never pays the price or an overdue fee.
 */
export function settledSql(p: string): string {
  return `(${p}.kind = 'FEE' and (${p}.status = 'CAPTURED' or (${p}.status = 'REFUNDED' and ${p}.refund_effect = 'WAIVE_FEE')))`;
}

/** What the depositor has paid so far. */
export async function paidFor(tx: EntityManager, sessionId: string): Promise<number> {
  const rows = await tx.execute<{ paid: string | null }[]>(`select ${paidSql('?')} as paid`, [sessionId]);
  return Number(rows[0]?.paid ?? 0);
}

/** What the depositors of several sessions have paid so far, in one query. */
export async function paidForMany(tx: EntityManager, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await tx.execute<{ session_id: string; paid: string }[]>(
    `select pay.session_id, sum(pay.amount) as paid from payment pay
     where pay.session_id in (${sessionIds.map(() => '?').join(', ')}) and ${settledSql('pay')}
     group by pay.session_id`,
    sessionIds,
  );
  return new Map(rows.map((r) => [r.session_id, Number(r.paid)]));
}
