import { TariffEntity } from './tariff.entity.js';
import { SiteEntity } from '../sites/site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
const MAX_MINUTES = 60 * 24 * 366;
const MAX_AMOUNT = 100_000_000;
/** What a site charges per size; one tariff per size, replaced by `setTariff`. */
export class TariffService {
    constructor(em) {
        this.em = em;
    }
    async set(input) {
        validate(input);
        const em = this.em.fork();
        return em.transactional(async (tx) => {
            if (!(await tx.findOne(SiteEntity, input.siteId)))
                throw notFound('Site');
            const existing = await tx.findOne(TariffEntity, { siteId: input.siteId, size: input.size });
            const tariff = existing ?? tx.create(TariffEntity, { id: newId(), siteId: input.siteId, size: input.size });
            Object.assign(tariff, { ...input, currency: input.currency.toUpperCase() });
            return tariff;
        });
    }
    forSite(siteId) {
        return this.em.fork().find(TariffEntity, { siteId }, { orderBy: { size: 'asc' } });
    }
}
function validate(t) {
    const amount = (field, v) => {
        if (!Number.isInteger(v) || v < 0 || v > MAX_AMOUNT)
            throw badInput(field, `${field} must be a whole amount in minor units, 0 or more`);
    };
    const minutes = (field, v, min) => {
        if (!Number.isInteger(v) || v < min || v > MAX_MINUTES)
            throw badInput(field, `${field} must be between ${min} and ${MAX_MINUTES} minutes`);
    };
    amount('price', t.price);
    amount('overduePerHour', t.overduePerHour);
    if (!/^[A-Za-z]{3}$/.test(t.currency))
        throw badInput('currency', 'currency must be an ISO-4217 code such as EUR');
    minutes('includedMinutes', t.includedMinutes, 1);
    minutes('graceMinutes', t.graceMinutes, 0);
    minutes('securityAlertAfterMinutes', t.securityAlertAfterMinutes, 0);
}
//# sourceMappingURL=tariff.service.js.map