import type { EntityManager } from '@mikro-orm/postgresql';
import { SiteEntity } from '../../entities/site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { money } from '../../shared/common.types.js';
import { BUCKET, MAX_BUCKETS } from './report.service.js';
import type { ReportBucket } from './report.types.js';
import {
  DURATION_EDGES,
  DURATION_SQL,
  FEEDBACK_COMMENTS_SQL,
  FEEDBACK_RATINGS_SQL,
  OCCUPANCY_SQL,
  OVERDUE_SQL,
  REVENUE_SQL,
  SESSIONS_SQL,
} from './insights.sql.js';
import type {
  FeedbackReportView,
  OccupancyReportView,
  OverdueReportView,
  RevenueReportView,
  StorageDurationReportView,
} from './insight.types.js';

const MAX_CSV_ROWS = 100_000;
const num = (v: unknown): number => Number(v ?? 0);
const round2 = (v: unknown): number | null =>
  v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100;

/** Occupancy, storage time, overdue, revenue by size and feedback, for one site or all, over a range. */
export class InsightService {
  constructor(private readonly em: EntityManager) {}

  async occupancy(
    siteId: string | null,
    from: Date,
    to: Date,
    bucket: ReportBucket,
  ): Promise<OccupancyReportView> {
    const { em, params } = await this.bucketed(siteId, from, to, bucket);
    const rows = await em.execute<{ start: Date; size: string; peak: string; capacity: string }[]>(
      OCCUPANCY_SQL,
      params,
    );
    return {
      siteId,
      buckets: rows.map((r) => ({
        start: new Date(r.start),
        size: r.size,
        peakOccupied: num(r.peak),
        capacity: num(r.capacity),
      })),
    };
  }

  async storageDuration(siteId: string | null, from: Date, to: Date): Promise<StorageDurationReportView> {
    const em = await this.checked(siteId, from, to);
    const rows = await em.execute<{ k: number; n: string; median: string | null; avg: string | null }[]>(
      DURATION_SQL,
      [from, to, siteId],
    );
    const edges = [0, ...DURATION_EDGES];
    const ranges = edges.map((lo, k) => ({
      fromMinutes: lo,
      toMinutes: edges[k + 1] ?? null,
      sessions: num(rows.find((r) => Number(r.k) === k)?.n),
    }));
    return {
      siteId,
      sessions: ranges.reduce((a, r) => a + r.sessions, 0),
      medianMinutes: round2(rows[0]?.median),
      averageMinutes: round2(rows[0]?.avg),
      ranges,
    };
  }

  async overdue(
    siteId: string | null,
    from: Date,
    to: Date,
    bucket: ReportBucket,
  ): Promise<OverdueReportView> {
    const { em, params } = await this.bucketed(siteId, from, to, bucket);
    const rows = await em.execute<{ start: Date; overdue: string; escalations: string; abandoned: string }[]>(
      OVERDUE_SQL,
      params,
    );
    return {
      siteId,
      buckets: rows.map((r) => ({
        start: new Date(r.start),
        overdue: num(r.overdue),
        securityEscalations: num(r.escalations),
        abandoned: num(r.abandoned),
      })),
    };
  }

  async revenue(siteId: string | null, from: Date, to: Date): Promise<RevenueReportView> {
    const em = await this.checked(siteId, from, to);
    const currency = await this.currency(em, siteId);
    const rows = await em.execute<
      {
        size: string;
        payments: string;
        captured: string;
        refunded: string;
        auto_refunded: string;
        auto_n: string;
      }[]
    >(REVENUE_SQL, [from, to, siteId]);
    const bySize = rows.map((r) => ({
      size: r.size,
      payments: num(r.payments),
      captured: money(num(r.captured), currency),
      refunded: money(num(r.refunded), currency),
      automaticRefunds: num(r.auto_n),
      refundedAutomatically: money(num(r.auto_refunded), currency),
      net: money(num(r.captured) - num(r.refunded), currency),
    }));
    return {
      siteId,
      bySize,
      net: money(
        bySize.reduce((a, r) => a + r.net.amount, 0),
        currency,
      ),
    };
  }

  async feedback(siteId: string | null, from: Date, to: Date): Promise<FeedbackReportView> {
    const em = await this.checked(siteId, from, to);
    const ratings = await em.execute<{ rating: number; n: string }[]>(FEEDBACK_RATINGS_SQL, [
      from,
      to,
      siteId,
    ]);
    const comments = await em.execute<
      {
        created_at: Date;
        rating: number;
        comment: string;
        session_id: string;
        site_id: string;
        size: string;
      }[]
    >(FEEDBACK_COMMENTS_SQL, [from, to, siteId, 100]);
    const ratingCounts = [1, 2, 3, 4, 5].map((k) => num(ratings.find((r) => Number(r.rating) === k)?.n));
    const responses = ratingCounts.reduce((a, n) => a + n, 0);
    return {
      siteId,
      responses,
      averageRating: responses
        ? round2(ratingCounts.reduce((a, n, i) => a + n * (i + 1), 0) / responses)
        : null,
      ratingCounts,
      comments: comments.map((c) => ({
        at: new Date(c.created_at),
        rating: c.rating,
        comment: c.comment,
        sessionId: c.session_id,
        siteId: c.site_id,
        size: c.size,
      })),
    };
  }

  /** Sessions created in the range, one row each, for the CSV export. */
  async sessions(siteId: string | null, from: Date, to: Date): Promise<Record<string, unknown>[]> {
    const em = await this.checked(siteId, from, to);
    return em.execute(SESSIONS_SQL, [from, to, siteId, MAX_CSV_ROWS]);
  }

  private async checked(siteId: string | null, from: Date, to: Date): Promise<EntityManager> {
    if (!(from < to)) throw badInput('to', 'to must be after from');
    const em = this.em.fork();
    if (siteId && !(await em.findOne(SiteEntity, siteId))) throw notFound('Site');
    return em;
  }

  private async bucketed(siteId: string | null, from: Date, to: Date, bucket: ReportBucket) {
    const em = await this.checked(siteId, from, to);
    const spec = BUCKET[bucket];
    if ((to.getTime() - from.getTime()) / spec.ms > MAX_BUCKETS)
      throw badInput('bucket', `at most ${MAX_BUCKETS} buckets: choose a larger bucket or a shorter range`);
    const tz = siteId ? (await em.findOneOrFail(SiteEntity, siteId)).timezone : 'UTC';
    return { em, params: [from, to, siteId, tz, spec.unit, spec.step] as unknown[] };
  }

  private async currency(em: EntityManager, siteId: string | null): Promise<string> {
    const rows = await em.execute<{ currency: string }[]>(
      siteId
        ? 'select currency from tariff where site_id = ? limit 1'
        : 'select currency from tariff limit 1',
      siteId ? [siteId] : [],
    );
    return rows[0]?.currency ?? 'EUR';
  }
}
