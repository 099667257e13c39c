import { DoorEventEntity } from './door-event.entity.js';
import { decodeCursor, encodeCursor, pageSize } from '../../graphql/pagination.js';
/** Reading the door-event log: newest first, cursor on the insertion sequence. */
export class DoorEventService {
    constructor(em) {
        this.em = em;
    }
    async page(siteIds, first, after) {
        const limit = pageSize(first);
        const cursor = decodeCursor(after, 1);
        const where = {};
        if (siteIds)
            where.siteId = { $in: siteIds };
        if (cursor)
            where.seq = { $lt: String(cursor[0]) };
        const rows = await this.em.fork().find(DoorEventEntity, where, { orderBy: { seq: 'desc' }, limit: limit + 1 });
        const nodes = rows.slice(0, limit);
        const last = nodes[nodes.length - 1];
        return { nodes, endCursor: last ? encodeCursor([String(last.seq)]) : null, hasNextPage: rows.length > limit };
    }
    forSession(sessionId) {
        return this.em.fork().find(DoorEventEntity, { sessionId }, { orderBy: { seq: 'asc' } });
    }
}
//# sourceMappingURL=door-event.service.js.map