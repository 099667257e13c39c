import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { GatewayEntity } from '../../entities/gateway.entity.js';
import { siteVerifier } from '../../auth/site-verifier.js';
import { paidSql } from '../payments/paid-amounts.js';
import { amountDue } from '../sessions/charges.js';
import type { SiteReplicaSessionView, SiteReplicaView } from './site-replica.types.js';
import { SiteOfflineEventEntity } from '../../entities/site-offline-event.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { PRESENCE_EXPIRY_MS } from '../devices/presence.js';
import { FREE_TARIFF } from '../tariffs/free-tariff.js';

/** Past the server's presence expiry and the site's unlock expiry, this much more. */
const DEPOSIT_SAFETY_MARGIN_S = 5;

/** Free-size compartments of a gateway that are empty, in service and held by no open session. */
const FREE_COMPARTMENTS_SQL = `
  select c.id, c.label, c.size, t.included_minutes, t.grace_minutes
  from compartment c join locker_bank b on b.id = c.bank_id
  left join tariff t on t.site_id = c.site_id and t.size = c.size
  where b.gateway_id = ? and c.site_id = ? and b.retired_at is null and c.status = 'AVAILABLE'
    and (t.id is null or (t.price = 0 and t.retired_at is null))
    and not exists (select 1 from storage_session s where s.compartment_id = c.id
                    and s.status in ('CREATED','DEPOSITING','STORED','RETRIEVING'))
  order by c.label`;

interface FreeRow {
  id: string;
  label: string;
  size: string;
  included_minutes: number | null;
  grace_minutes: number | null;
}

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
  earlier_overdue_fee: number;
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
              s.grace_minutes, s.due_at, s.retrieved_at, s.earlier_overdue_fee, ${paidSql('s.id')} as paid
       from storage_session s join compartment c on c.id = s.compartment_id
       join locker_bank b on b.id = c.bank_id
       where b.gateway_id = ? and s.site_id = ? and s.status = 'STORED' and s.removed_at is null
       order by c.label`,
      [gatewayId, gateway.siteId],
    );
    const free = await em.execute<FreeRow[]>(FREE_COMPARTMENTS_SQL, [gatewayId, gateway.siteId]);
    const site = await em.findOneOrFail(SiteEntity, gateway.siteId);
    const sizes = new Map<string, { size: string; includedMinutes: number; graceMinutes: number }>();
    for (const r of free)
      sizes.set(r.size, {
        size: r.size,
        includedMinutes: r.included_minutes ?? FREE_TARIFF.includedMinutes,
        graceMinutes: r.grace_minutes ?? FREE_TARIFF.graceMinutes,
      });
    return {
      siteId: gateway.siteId,
      asOf: now,
      sessions: rows.map((r) => toReplicaSession(gateway.siteId, r, now)),
      freeCompartments: free.map((r) => ({ compartmentId: r.id, compartmentLabel: r.label, size: r.size })),
      freeSizes: [...sizes.values()],
      depositsAfterSeconds:
        Math.ceil(PRESENCE_EXPIRY_MS / 1000) + site.unlockAckTimeoutSeconds + DEPOSIT_SAFETY_MARGIN_S,
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
        earlierOverdueFee: r.earlier_overdue_fee,
      },
      now,
    ),
    paidUntil: dueAt ? new Date(dueAt.getTime() + r.grace_minutes * 60_000) : null,
  };
}
