import { GatewayEntity } from './gateway.entity.js';
import { KioskEntity } from './kiosk.entity.js';
import { SiteEntity } from '../sites/site.entity.js';
import { LockerBankEntity } from '../compartments/locker-bank.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { DEVICE_TOKEN_PREFIX, newSecret, sha256 } from '../../auth/secrets.js';
/** Kiosks and gateways: registered per site, identified by a token shown once. */
export class DeviceService {
    constructor(em) {
        this.em = em;
    }
    async registerKiosk(siteId, name) {
        const token = newSecret(DEVICE_TOKEN_PREFIX);
        const id = newId();
        await this.em.fork().transactional(async (tx) => {
            if (!(await tx.findOne(SiteEntity, siteId)))
                throw notFound('Site');
            tx.create(KioskEntity, { id, siteId, name: checkName(name), tokenHash: sha256(token) });
        });
        return { id, token };
    }
    /** A new gateway also takes over the site's banks that have none yet. */
    async registerGateway(siteId, name) {
        const token = newSecret(DEVICE_TOKEN_PREFIX);
        const id = newId();
        await this.em.fork().transactional(async (tx) => {
            if (!(await tx.findOne(SiteEntity, siteId)))
                throw notFound('Site');
            tx.create(GatewayEntity, { id, siteId, name: checkName(name), tokenHash: sha256(token) });
            await tx.flush();
            await tx.nativeUpdate(LockerBankEntity, { siteId, gatewayId: null }, { gatewayId: id });
        });
        return { id, token };
    }
    gatewaysOfSite(siteId) {
        return this.em.fork().find(GatewayEntity, { siteId }, { orderBy: { name: 'asc' } });
    }
    kiosksOfSite(siteId) {
        return this.em.fork().find(KioskEntity, { siteId }, { orderBy: { name: 'asc' } });
    }
}
function checkName(name) {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 120)
        throw badInput('name', 'name must be 1 to 120 characters');
    return trimmed;
}
//# sourceMappingURL=device.service.js.map