import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { AuditEntryEntity, type ActorKind } from '../../entities/audit-entry.entity.js';
import { badInput } from '../../errors/domain-error.js';

/** What an audit search asks for; every field narrows it. */
export interface AuditFilter {
  /** Sites the caller may see; null: every site. */
  siteIds: string[] | null;
  /** Entries of no site (accounts): only for those who manage accounts. */
  includeSiteless: boolean;
  actorKind: ActorKind | null;
  /** A part of the actor's name or e-mail, any case. */
  actor: string | null;
  /** An action or its prefix: `user.` finds every change to accounts. */
  action: string | null;
  from: Date | null;
  until: Date | null;
  /** Entries older than this one (the last id of the previous page). */
  before: string | null;
  limit: number;
}

const MAX_LIMIT = 200;

/** The audit log: searched newest first, in pages. */
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  async search(f: AuditFilter): Promise<AuditEntryEntity[]> {
    if (!Number.isInteger(f.limit) || f.limit < 1 || f.limit > MAX_LIMIT)
      throw badInput('first', `first must be 1 to ${MAX_LIMIT}`);
    if (f.actor !== null && f.actor.length > 100)
      throw badInput('actor', 'actor must be at most 100 characters');
    if (f.action !== null && !/^[a-z.-]{1,64}$/.test(f.action))
      throw badInput('action', 'action must be letters, dots and dashes');
    if (f.from && f.until && f.from > f.until) throw badInput('from', 'from must not be after until');
    if (f.before !== null && !/^[0-9]{1,18}$/.test(f.before))
      throw badInput('after', 'after is not a cursor');
    const and: FilterQuery<AuditEntryEntity>[] = [];
    if (f.siteIds !== null)
      and.push(
        f.includeSiteless
          ? { $or: [{ siteId: { $in: f.siteIds } }, { siteId: null }] }
          : { siteId: { $in: f.siteIds } },
      );
    else if (!f.includeSiteless) and.push({ siteId: { $ne: null } });
    if (f.actorKind) and.push({ actorKind: f.actorKind });
    if (f.actor) and.push({ actorName: { $ilike: `%${escapeLike(f.actor)}%` } });
    if (f.action) and.push({ action: { $like: `${escapeLike(f.action)}%` } });
    if (f.from) and.push({ at: { $gte: f.from } });
    if (f.until) and.push({ at: { $lte: f.until } });
    if (f.before) and.push({ id: { $lt: f.before } });
    return this.em
      .fork()
      .find(AuditEntryEntity, and.length ? { $and: and } : {}, { orderBy: { id: 'desc' }, limit: f.limit });
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
