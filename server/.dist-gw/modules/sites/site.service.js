import { SiteEntity } from './site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { COMPARTMENT_SIZES } from '../compartments/compartment.enums.js';
const BOUNDS = {
    codeLifetimeMinutes: [1, 60 * 24 * 7],
    depositWindowSeconds: [10, 3600],
    leftOpenSeconds: [10, 3600],
    unlockAckTimeoutSeconds: [2, 300],
    gatewayHeartbeatSeconds: [5, 3600],
    pulseMs: [50, 10_000],
};
/** Sites and their operating settings. */
export class SiteService {
    constructor(em) {
        this.em = em;
    }
    async create(name, timezone) {
        const em = this.em.fork();
        const site = em.create(SiteEntity, { id: newId(), name: checkName(name), timezone: checkTimezone(timezone) });
        await em.flush();
        return site;
    }
    async update(id, settings) {
        const em = this.em.fork();
        return em.transactional(async (tx) => {
            const site = await tx.findOne(SiteEntity, id, { lockMode: 3 /* PESSIMISTIC_WRITE */ });
            if (!site)
                throw notFound('Site');
            if (settings.name != null)
                site.name = checkName(settings.name);
            if (settings.timezone != null)
                site.timezone = checkTimezone(settings.timezone);
            for (const [field, [min, max]] of Object.entries(BOUNDS)) {
                const v = settings[field];
                if (v == null)
                    continue;
                if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
                    throw badInput(field, `${field} must be between ${min} and ${max}`);
                }
                site[field] = v;
            }
            return site;
        });
    }
    list(ids) {
        return this.em.fork().find(SiteEntity, ids ? { id: { $in: ids } } : {}, { orderBy: { name: 'asc', id: 'asc' } });
    }
    get(id) {
        return this.em.fork().findOne(SiteEntity, id);
    }
    async require(id) {
        const site = await this.get(id);
        if (!site)
            throw notFound('Site');
        return site;
    }
    /** Free and total compartments per size (out-of-service ones count in neither). */
    async availability(siteId) {
        const rows = await this.em.getConnection().execute(`select size, count(*) filter (where status = 'AVAILABLE') as free,
              count(*) filter (where status <> 'OUT_OF_SERVICE') as total
       from compartment where site_id = ? group by size`, [siteId]);
        const bySize = new Map(rows.map((r) => [r.size, r]));
        return COMPARTMENT_SIZES.filter((s) => bySize.has(s)).map((size) => ({
            size,
            free: Number(bySize.get(size).free),
            total: Number(bySize.get(size).total),
        }));
    }
}
function checkName(name) {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 120)
        throw badInput('name', 'name must be 1 to 120 characters');
    return trimmed;
}
export function checkTimezone(tz) {
    try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
    }
    catch {
        throw badInput('timezone', `timezone must be an IANA time zone such as Europe/Berlin (got "${tz.slice(0, 64)}")`);
    }
    if (tz.length > 64)
        throw badInput('timezone', 'timezone is too long');
    return tz;
}
//# sourceMappingURL=site.service.js.map