import DataLoader from 'dataloader';
import { SiteEntity } from '../modules/sites/site.entity.js';
import { LockerBankEntity } from '../modules/compartments/locker-bank.entity.js';
import { CompartmentEntity } from '../modules/compartments/compartment.entity.js';
import { GatewayEntity } from '../modules/devices/gateway.entity.js';
/**
 * Batch loaders by id for the relations the schema walks (n+1 otherwise). Not cached: a
 * subscription keeps one context for many events, and each event must see fresh rows.
 */
export function createLoaders(em) {
    const byId = (entity) => new DataLoader(async (ids) => {
        const rows = (await em.fork().find(entity, { id: { $in: [...ids] } }));
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
    }, { cache: false });
    return {
        site: byId(SiteEntity),
        bank: byId(LockerBankEntity),
        compartment: byId(CompartmentEntity),
        gateway: byId(GatewayEntity),
    };
}
//# sourceMappingURL=loaders.js.map