import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { GatewayEntity } from '../../entities/gateway.entity.js';
import { siteVerifier } from '../../auth/site-verifier.js';
import { paidSql } from '../payments/paid-amounts.js';
import { amountDue } from '../sessions/charges.js';
import type { SiteReplicaSessionView, SiteReplicaView } from './site-replica.types.js';
import { SiteOfflineEventEntity } from '../../entities/site-offline-event.entity.js';

interface Row {
  id: string;
  compartment_id: string;
  label: string;
  code_hash: string;
  status: string;
  price: number;
  overdue_per_hour: number;
  grace_minutes: number;
  due_at: Date | null;
  retrieved_at: Date | null;
  paid: string;
}

/**
 * The replica a gateway keeps of its own compartments' stored bags: only what judging a
 * retrieval needs, and only for the compartments this gateway drives (least rights: a
 * gateway never reads another site's or another gateway's sessions).
 */
export class SiteReplicaService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async replica(gatewayId: string): Promise<SiteReplicaView> {
    const em = this.em.fork();
    const gateway = await em.findOneOrFail(GatewayEntity, gatewayId);
    const now = this.clock.now();
    // It keeps a replica: while cut off, the board shows its site as offline-autonomous.
    await em.nativeUpdate(GatewayEntity, { id: gatewayId }, { sitePathAt: now });
    const rows = await em.execute<Row[]>(
      `select s.id, s.compartment_id, c.label, s.code_hash, s.status, s.price, s.overdue_per_hour,
              s.grace_minutes, s.due_at, s.retrieved_at, ${paidSql('s.id')} as paid
       from storage_session s join compartment c on c.id = s.compartment_id
       join locker_bank b on b.id = c.bank_id
       where b.gateway_id = ? and s.site_id = ? and s.status = 'STORED' and s.removed_at is null
       order by c.label`,
      [gatewayId, gateway.siteId],
    );
    return {
      siteId: gateway.siteId,
      asOf: now,
      sessions: rows.map((r) => toReplicaSession(gateway.siteId, r, now)),
    };
  }

  /** Events replayed by the sites' gateways, newest first (`siteIds` null: every site). */
  async offlineEvents(siteIds: string[] | null, limit: number): Promise<SiteOfflineEventEntity[]> {
    return this.em.fork().find(SiteOfflineEventEntity, siteIds ? { siteId: { $in: siteIds } } : {}, {
      orderBy: { occurredAt: 'desc', seq: 'desc' },
      limit: Math.min(Math.max(limit, 1), 500),
    });
  }
}

function toReplicaSession(siteId: string, r: Row, now: Date): SiteReplicaSessionView {
  const dueAt = r.due_at ? new Date(r.due_at) : null;
  return {
    sessionId: r.id,
    compartmentId: r.compartment_id,
    compartmentLabel: r.label,
    verifier: siteVerifier(siteId, r.code_hash),
    amountDue: amountDue(
      {
        status: r.status,
        price: r.price,
        overduePerHour: r.overdue_per_hour,
        graceMinutes: r.grace_minutes,
        dueAt,
        retrievedAt: r.retrieved_at,
        paid: Number(r.paid),
      },
      now,
    ),
    paidUntil: dueAt ? new Date(dueAt.getTime() + r.grace_minutes * 60_000) : null,
  };
}
