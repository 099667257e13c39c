import type { EntityManager } from '@mikro-orm/postgresql';
import { DoorEventEntity } from '../../entities/door-event.entity.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';

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

  forSession(sessionId: string): Promise<DoorEventEntity[]> {
    return this.em.fork().find(DoorEventEntity, { sessionId }, { orderBy: { seq: 'asc' } });
  }
}
