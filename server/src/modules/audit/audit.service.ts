import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { AuditEntryEntity, type ActorKind } from '../../entities/audit-entry.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
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
/** At most this many entries in one export. */
export const MAX_AUDIT_EXPORT_ROWS = 50_000;

/** The filters of a search without its paging: what an export of the log applies. */
export type AuditExportFilter = Omit<AuditFilter, 'before' | 'limit'>;

/** The audit log: searched newest first, in pages. */
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  async search(f: AuditFilter): Promise<AuditEntryEntity[]> {
    if (!Number.isInteger(f.limit) || f.limit < 1 || f.limit > MAX_LIMIT)
      throw badInput('first', `first must be 1 to ${MAX_LIMIT}`);
    if (f.before !== null && !/^[0-9]{1,18}$/.test(f.before))
      throw badInput('after', 'after is not a cursor');
    const and = this.conditions(f);
    if (f.before) and.push({ id: { $lt: f.before } });
    return this.em
      .fork()
      .find(AuditEntryEntity, and.length ? { $and: and } : {}, { orderBy: { id: 'desc' }, limit: f.limit });
  }

  /**
   * Every entry the filters match, newest first, with each site's time zone, for a CSV
   * export. More than MAX_AUDIT_EXPORT_ROWS is BAD_USER_INPUT (narrow the filters) rather than
   * a file silently missing entries.
   */
  async exportRows(f: AuditExportFilter): Promise<{ entry: AuditEntryEntity; timeZone: string }[]> {
    const and = this.conditions(f);
    const em = this.em.fork();
    const rows = await em.find(AuditEntryEntity, and.length ? { $and: and } : {}, {
      orderBy: { id: 'desc' },
      limit: MAX_AUDIT_EXPORT_ROWS + 1,
    });
    if (rows.length > MAX_AUDIT_EXPORT_ROWS)
      throw badInput('from', `More than ${MAX_AUDIT_EXPORT_ROWS} entries match: narrow the filters`);
    const siteIds = [...new Set(rows.map((r) => r.siteId).filter((id): id is string => id !== null))];
    const zones = new Map(
      (siteIds.length ? await em.find(SiteEntity, { id: { $in: siteIds } }) : []).map((s) => [
        s.id,
        s.timezone,
      ]),
    );
    // Entries of no site (accounts) are in UTC.
    return rows.map((entry) => ({ entry, timeZone: (entry.siteId && zones.get(entry.siteId)) || 'UTC' }));
  }

  private conditions(f: AuditExportFilter): FilterQuery<AuditEntryEntity>[] {
    if (f.actor !== null && f.actor.length > 100)
      throw badInput('actor', 'actor must be at most 100 characters');
    if (f.action !== null && !/^[a-z.-]{1,64}$/.test(f.action))
      throw badInput('action', 'action must be letters, dots and dashes');
    if (f.from && f.until && f.from > f.until) throw badInput('from', 'from must not be after until');
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
    return and;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
