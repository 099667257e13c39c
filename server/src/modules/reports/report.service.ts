import type { EntityManager } from '@mikro-orm/postgresql';
import { SiteEntity } from '../../entities/site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { money } from '../../shared/common.types.js';
import { ALL_SITES_SCOPE, USAGE_REPORT_SQL } from './usage-report.sql.js';
import type { ReportBucket, UsageReportView } from './report.types.js';

export const BUCKET: Record<ReportBucket, { unit: string; step: string; ms: number }> = {
  HOUR: { unit: 'hour', step: '1 hour', ms: 3_600_000 },
  DAY: { unit: 'day', step: '1 day', ms: 86_400_000 },
  WEEK: { unit: 'week', step: '1 week', ms: 7 * 86_400_000 },
  MONTH: { unit: 'month', step: '1 month', ms: 28 * 86_400_000 },
};
export const MAX_BUCKETS = 2000;

/** Usage over time, read from the usage_slot rollup (kept at commit by database triggers). */
export class ReportService {
  constructor(private readonly em: EntityManager) {}

  async usage(siteId: string | null, from: Date, to: Date, bucket: ReportBucket): Promise<UsageReportView> {
    if (!(from < to)) throw badInput('to', 'to must be after from');
    const spec = BUCKET[bucket];
    if ((to.getTime() - from.getTime()) / spec.ms > MAX_BUCKETS) {
      throw badInput('bucket', `at most ${MAX_BUCKETS} buckets: choose a larger bucket or a shorter range`);
    }
    const em = this.em.fork();
    let tz = 'UTC';
    let currency = 'EUR';
    if (siteId) {
      const site = await em.findOne(SiteEntity, siteId);
      if (!site) throw notFound('Site');
      tz = site.timezone;
    }
    const cur = await em.execute<{ currency: string }[]>(
      siteId
        ? 'select currency from tariff where site_id = ? limit 1'
        : 'select currency from tariff limit 1',
      siteId ? [siteId] : [],
    );
    currency = cur[0]?.currency ?? currency;
    type Row = {
      start: Date;
      deposits: string;
      retrievals: string;
      avg_minutes: string | null;
      peak: string;
      revenue: string;
    };
    const rows = await em.transactional(async (tx) => {
      // JIT compiling costs more than this statement runs (it reads ~35,000 slot rows per
      // site-year); this setting lasts for this transaction only.
      await tx.execute('set local jit = off');
      return tx.execute<Row[]>(USAGE_REPORT_SQL, [
        from,
        to,
        tz,
        spec.unit,
        spec.step,
        siteId ?? ALL_SITES_SCOPE,
      ]);
    });
    return {
      siteId,
      from,
      to,
      bucket,
      buckets: rows.map((r) => ({
        start: new Date(r.start),
        deposits: Number(r.deposits),
        retrievals: Number(r.retrievals),
        averageStorageMinutes: r.avg_minutes === null ? null : Math.round(Number(r.avg_minutes) * 100) / 100,
        peakOccupied: Number(r.peak),
        revenue: money(Number(r.revenue), currency),
      })),
    };
  }
}
