import type { EntityManager } from '@mikro-orm/postgresql';
import { GatewayEntity } from '../../entities/gateway.entity.js';
import { KioskEntity } from '../../entities/kiosk.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { LockerBankEntity } from '../../entities/locker-bank.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { DEVICE_TOKEN_PREFIX, newSecret, sha256 } from '../../auth/secrets.js';
import type { DeviceCredentials } from './device.types.js';

/** Kiosks and gateways: registered per site, identified by a token shown once. */
export class DeviceService {
  constructor(private readonly em: EntityManager) {}

  async registerKiosk(siteId: string, name: string): Promise<DeviceCredentials> {
    const token = newSecret(DEVICE_TOKEN_PREFIX);
    const id = newId();
    await this.em.fork().transactional(async (tx) => {
      if (!(await tx.findOne(SiteEntity, siteId))) throw notFound('Site');
      tx.create(KioskEntity, { id, siteId, name: checkName(name), tokenHash: sha256(token) } as KioskEntity);
    });
    return { id, token };
  }

  /** A new gateway also takes over the site's banks that have none yet. */
  async registerGateway(siteId: string, name: string): Promise<DeviceCredentials> {
    const token = newSecret(DEVICE_TOKEN_PREFIX);
    const id = newId();
    await this.em.fork().transactional(async (tx) => {
      if (!(await tx.findOne(SiteEntity, siteId))) throw notFound('Site');
      tx.create(GatewayEntity, {
        id,
        siteId,
        name: checkName(name),
        tokenHash: sha256(token),
      } as GatewayEntity);
      await tx.flush();
      await tx.nativeUpdate(LockerBankEntity, { siteId, gatewayId: null }, { gatewayId: id });
    });
    return { id, token };
  }

  gatewaysOfSite(siteId: string): Promise<GatewayEntity[]> {
    return this.em.fork().find(GatewayEntity, { siteId }, { orderBy: { name: 'asc' } });
  }

  kiosksOfSite(siteId: string): Promise<KioskEntity[]> {
    return this.em.fork().find(KioskEntity, { siteId }, { orderBy: { name: 'asc' } });
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 120) throw badInput('name', 'name must be 1 to 120 characters');
  return trimmed;
}
