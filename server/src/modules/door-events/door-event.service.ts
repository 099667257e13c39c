import { nameStoredActors } from '../../db/audit-trail.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DoorEventEntity } from '../../entities/door-event.entity.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';

/** Most events a subscription replays on (re)subscribing; beyond that, page with the `doorEvents` query. */
export const REPLAY_LIMIT = 1000;

/** Reading the door-event log: newest first, cursor on the insertion sequence. */
export class DoorEventService {
  constructor(private readonly em: EntityManager) {}

  async page(siteIds: string[] | null, first: number | null, after: string | null) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['seq']);
    const where: Record<string, unknown> = {};
    if (siteIds) where.siteId = { $in: siteIds };
    if (cursor) where.seq = { $lt: String(cursor[0]) };
    const rows = await this.em
      .fork()
      .find(DoorEventEntity, where, { orderBy: { seq: 'desc' }, limit: limit + 1 });
    const nodes = rows.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      endCursor: last ? encodeCursor([String(last.seq)]) : null,
      hasNextPage: rows.length > limit,
    };
  }

  /**
   * Events after the one a `cursor` (a DoorEvent's `cursor`, or a page's `endCursor`) points
   * at, oldest first, at most `REPLAY_LIMIT`: what a resubscribing client missed.
   */
  async newerThan(siteIds: string[] | null, cursor: string): Promise<DoorEventEntity[]> {
    const [seq] = decodeCursor(cursor, ['seq']) ?? [];
    const where: Record<string, unknown> = { seq: { $gt: String(seq) } };
    if (siteIds) where.siteId = { $in: siteIds };
    return this.em.fork().find(DoorEventEntity, where, { orderBy: { seq: 'asc' }, limit: REPLAY_LIMIT });
  }

  /** A session's door events, who asked for each (a remote open) by name. */
  async forSession(sessionId: string): Promise<DoorEventEntity[]> {
    const em = this.em.fork();
    const rows = await em.find(DoorEventEntity, { sessionId }, { orderBy: { seq: 'asc' } });
    const names = await nameStoredActors(
      em,
      rows.map((r) => r.actor),
    );
    return rows.map((r) => ({ ...r, actor: (r.actor && names.get(r.actor)) ?? r.actor }));
  }
}
