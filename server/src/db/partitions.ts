import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';

type RetentionKind = keyof Config['retentionDays'];

/** The month-partitioned tables (see the TimePartitions migration), by retention setting. */
export const PARTITIONED_TABLES: readonly { table: string; kind: RetentionKind }[] = [
  { table: 'door_event', kind: 'doorEvents' },
  { table: 'session_transition', kind: 'sessionTransitions' },
  { table: 'compartment_transition', kind: 'compartmentTransitions' },
  { table: 'notification', kind: 'notifications' },
  { table: 'webhook_delivery', kind: 'webhookDeliveries' },
  { table: 'webhook_attempt', kind: 'webhookDeliveries' },
];

/** Months kept created ahead of the leader's clock. */
export const MONTHS_AHEAD = 3;
const DAY_MS = 86_400_000;

/** Adds whole UTC months to a date (the partitions are UTC months). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * Partition upkeep, run by the timer leader: month partitions exist from the current month
 * to `MONTHS_AHEAD` months ahead, and partitions wholly older than their kind's retention are
 * dropped (a catalogue change, not a delete). Each table is its own statement, so a failure
 * on one (a lock wait) leaves the others done; the next pass retries.
 */
export class PartitionMaintenance {
  constructor(
    private readonly em: EntityManager,
    private readonly retentionDays: Config['retentionDays'],
    private readonly logger: Logger,
  ) {}

  /** Creates and drops what `now` calls for; returns the counts. */
  async runOnce(now: Date): Promise<{ created: number; dropped: number }> {
    const conn = this.em.getConnection();
    let created = 0;
    let dropped = 0;
    for (const { table, kind } of PARTITIONED_TABLES) {
      const [made] = await conn.execute<{ n: number }[]>(`select time_partitions_ensure(?, ?, ?) as n`, [
        table,
        now,
        addMonths(now, MONTHS_AHEAD),
      ]);
      created += made?.n ?? 0;
      const days = this.retentionDays[kind];
      if (days === 0) continue;
      const cutoff = new Date(now.getTime() - days * DAY_MS);
      const [gone] = await conn.execute<{ n: number }[]>(`select time_partitions_drop_before(?, ?) as n`, [
        table,
        cutoff,
      ]);
      dropped += gone?.n ?? 0;
      // the dedupe keys of dropped messages go with them
      if (table === 'notification')
        await conn.execute(`delete from notification_key where created_at < ?`, [cutoff]);
    }
    if (created > 0 || dropped > 0) this.logger.info({ created, dropped }, 'time partitions maintained');
    return { created, dropped };
  }
}
