import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SiteEntity } from '../modules/sites/site.entity.js';
import { LockerBankEntity } from '../modules/compartments/locker-bank.entity.js';
import { CompartmentEntity } from '../modules/compartments/compartment.entity.js';
import { GatewayEntity } from '../modules/devices/gateway.entity.js';

/**
 * Batch loaders by id for the relations the schema walks (n+1 otherwise). Not cached: a
 * subscription keeps one context for many events, and each event must see fresh rows.
 */
export function createLoaders(em: EntityManager) {
  const byId = <T extends { id: string }>(entity: new () => T) =>
    new DataLoader<string, T | null>(
      async (ids) => {
        const rows = (await em.fork().find(entity, { id: { $in: [...ids] } } as never)) as T[];
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      },
      { cache: false },
    );
  return {
    site: byId(SiteEntity),
    bank: byId(LockerBankEntity),
    compartment: byId(CompartmentEntity),
    gateway: byId(GatewayEntity),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
