import { SiteEntity } from '../sites/site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { money } from '../../graphql/common.types.js';
import { usageReportSql } from './usage-report.sql.js';
const BUCKET = {
    HOUR: { unit: 'hour', step: '1 hour', ms: 3_600_000 },
    DAY: { unit: 'day', step: '1 day', ms: 86_400_000 },
    WEEK: { unit: 'week', step: '1 week', ms: 7 * 86_400_000 },
    MONTH: { unit: 'month', step: '1 month', ms: 28 * 86_400_000 },
};
const MAX_BUCKETS = 2000;
/** Usage over time, aggregated in SQL. */
export class ReportService {
    constructor(em) {
        this.em = em;
    }
    async usage(siteId, from, to, bucket) {
        if (!(from < to))
            throw badInput('to', 'to must be after from');
        const spec = BUCKET[bucket];
        if ((to.getTime() - from.getTime()) / spec.ms > MAX_BUCKETS) {
            throw badInput('bucket', `at most ${MAX_BUCKETS} buckets: choose a larger bucket or a shorter range`);
        }
        const em = this.em.fork();
        let tz = 'UTC';
        let currency = 'EUR';
        if (siteId) {
            const site = await em.findOne(SiteEntity, siteId);
            if (!site)
                throw notFound('Site');
            tz = site.timezone;
        }
        const cur = await em.execute(siteId ? 'select currency from tariff where site_id = ? limit 1' : 'select currency from tariff limit 1', siteId ? [siteId] : []);
        currency = cur[0]?.currency ?? currency;
        const siteFilter = siteId ? ':alias.site_id = ?' : 'true';
        const siteParams = siteId ? [siteId, siteId, siteId, siteId, siteId] : [];
        const rows = await em.execute(usageReportSql(siteFilter), [from, to, tz, spec.unit, spec.step, ...siteParams]);
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
//# sourceMappingURL=report.service.js.map