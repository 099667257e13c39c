import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { toSessionView, type SessionView } from './session.types.js';
import type { SessionStatus } from '../../entities/session.state.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';
import { badInput } from '../../errors/domain-error.js';
import { paidSql, settledSql } from '../payments/paid-amounts.js';

export interface SessionFilter {
  siteIds: string[] | null;
  status: SessionStatus | null;
  overdue: boolean | null;
  /** The compartment's label, exact (case-insensitive). */
  compartmentLabel: string | null;
  /** Part of the contact e-mail, or the phone's digits. */
  contact: string | null;
  createdFrom: Date | null;
  createdTo: Date | null;
  first: number | null;
  after: string | null;
}

export interface SessionPage {
  nodes: SessionView[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

/** The filters of a search without its paging: what an export of the list applies. */
export type SessionExportFilter = Omit<SessionFilter, 'first' | 'after'>;

/** At most this many rows in one export; a larger one is refused, not cut short silently. */
export const MAX_EXPORT_ROWS = 50_000;

/** One exported session, flat (times as Dates, money in minor units of `currency`). */
export interface SessionExportRow {
  id: string;
  site_id: string;
  site: string;
  size: string;
  status: string;
  compartment: string | null;
  created_at: Date;
  deposited_at: Date | null;
  due_at: Date | null;
  retrieved_at: Date | null;
  ended_at: Date | null;
  currency: string;
  price: string | number;
  paid: string | number;
}

/** The staff's session search: filters in SQL, newest first, cursor on (createdAt, id). */
export class SessionSearch {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async list(f: SessionFilter): Promise<SessionPage> {
    const limit = pageSize(f.first);
    const cursor = decodeCursor(f.after, ['time', 'uuid']);
    if (f.siteIds?.length === 0) return { nodes: [], endCursor: null, hasNextPage: false, totalCount: 0 };
    const { where, params } = this.conditions(f);
    const em = this.em.fork();
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const [countRow] = await em.execute<{ n: string }[]>(
      `select count(*) as n from storage_session s ${filter}`,
      params,
    );
    const pageWhere = cursor ? [...where, '(s.created_at, s.id) < (?::timestamptz, ?::uuid)'] : where;
    const pageParams = cursor ? [...params, new Date(String(cursor[0])), String(cursor[1])] : params;
    const rows = await em.execute<{ id: string }[]>(
      `select s.id from storage_session s ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''}
       order by s.created_at desc, s.id desc limit ?`,
      [...pageParams, limit + 1],
    );
    const ids = rows.slice(0, limit).map((r) => r.id);
    const byId = new Map((await em.find(StorageSessionEntity, { id: { $in: ids } })).map((e) => [e.id, e]));
    const paid = await this.paidMany(em, ids);
    const nodes = ids.map((id) => toSessionView(byId.get(id)!, paid.get(id) ?? 0));
    const last = ids.length ? byId.get(ids[ids.length - 1]!) : undefined;
    return {
      nodes,
      endCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      hasNextPage: rows.length > limit,
      totalCount: Number(countRow?.n ?? 0),
    };
  }

  /**
   * Every session the list's filters match, newest first, for a CSV export. More than
   * MAX_EXPORT_ROWS is BAD_USER_INPUT (narrow the filters) rather than a file missing rows.
   */
  async exportRows(f: SessionExportFilter): Promise<SessionExportRow[]> {
    if (f.siteIds?.length === 0) return [];
    const { where, params } = this.conditions({ ...f, first: null, after: null });
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const rows = await this.em.fork().execute<SessionExportRow[]>(
      `select s.id, s.site_id, site.name as site, s.size, s.status, c.label as compartment, s.created_at,
         s.deposited_at, s.due_at, s.retrieved_at, s.ended_at, s.currency, s.price, ${paidSql('s.id')} as paid
       from storage_session s join site on site.id = s.site_id left join compartment c on c.id = s.compartment_id
       ${filter} order by s.created_at desc, s.id desc limit ?`,
      [...params, MAX_EXPORT_ROWS + 1],
    );
    if (rows.length > MAX_EXPORT_ROWS)
      throw badInput('createdFrom', `More than ${MAX_EXPORT_ROWS} sessions match: narrow the filters`);
    return rows;
  }

  private conditions(f: SessionFilter): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.siteIds) {
      where.push(`s.site_id in (${f.siteIds.map(() => '?').join(',')})`);
      params.push(...f.siteIds);
    }
    if (f.status) {
      where.push('s.status = ?');
      params.push(f.status);
    }
    if (f.overdue !== null) {
      const cond = `(s.status in ('STORED','RETRIEVING') and s.due_at + make_interval(mins => s.grace_minutes) < ?)`;
      where.push(f.overdue ? cond : `not ${cond}`);
      params.push(this.clock.now());
    }
    if (f.compartmentLabel) {
      if (f.compartmentLabel.length > 20)
        throw badInput('compartmentLabel', 'compartmentLabel is at most 20 characters');
      where.push('s.compartment_id in (select id from compartment where upper(label) = upper(?))');
      params.push(f.compartmentLabel.trim());
    }
    if (f.contact) {
      const text = f.contact.trim().toLowerCase();
      if (text.length < 3 || text.length > 254)
        throw badInput('contact', 'contact must be 3 to 254 characters');
      const digits = text.replace(/[^0-9]/g, '');
      where.push(
        `(lower(s.contact_email) like ? escape '\\' ${digits.length >= 3 ? 'or s.contact_phone like ?' : ''})`,
      );
      params.push(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      if (digits.length >= 3) params.push(`%${digits}%`);
    }
    if (f.createdFrom && f.createdTo && f.createdFrom >= f.createdTo)
      throw badInput('createdTo', 'createdTo must be after createdFrom');
    if (f.createdFrom) {
      where.push('s.created_at >= ?');
      params.push(f.createdFrom);
    }
    if (f.createdTo) {
      where.push('s.created_at < ?');
      params.push(f.createdTo);
    }
    return { where, params };
  }

  private async paidMany(em: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await em.execute<{ session_id: string; paid: string }[]>(
      `select session_id, sum(amount) as paid from payment pay where ${settledSql('pay')} and session_id in (${ids.map(() => '?').join(',')}) group by session_id`,
      ids,
    );
    return new Map(rows.map((r) => [r.session_id, Number(r.paid)]));
  }
}
