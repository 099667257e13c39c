import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SiteEntity } from '../entities/site.entity.js';
import { LockerBankEntity } from '../entities/locker-bank.entity.js';
import { CompartmentEntity } from '../entities/compartment.entity.js';
import { GatewayEntity } from '../entities/gateway.entity.js';

function byId<T extends { id: string }>(
  em: EntityManager,
  entity: new () => T,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const rows = (await em.fork().find(entity, { id: { $in: [...ids] } })) as T[];
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    },
    { cache: false },
  );
}

/**
 * Batch loaders by id for the relations the schema walks (n+1 otherwise). Not cached: a
 * subscription keeps one context for many events, and each event must see fresh rows.
 * Each loader is made on first use: most subscriptions never need one, and thousands of
 * idle dashboards should not each carry four.
 */
export class Loaders {
  private siteLoader?: DataLoader<string, SiteEntity | null>;
  private bankLoader?: DataLoader<string, LockerBankEntity | null>;
  private compartmentLoader?: DataLoader<string, CompartmentEntity | null>;
  private gatewayLoader?: DataLoader<string, GatewayEntity | null>;
  private readonly grouped = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager) {}

  get site() {
    return (this.siteLoader ??= byId(this.em, SiteEntity));
  }
  get bank() {
    return (this.bankLoader ??= byId(this.em, LockerBankEntity));
  }
  get compartment() {
    return (this.compartmentLoader ??= byId(this.em, CompartmentEntity));
  }
  get gateway() {
    return (this.gatewayLoader ??= byId(this.em, GatewayEntity));
  }

  /**
   * A loader for a relation that is not a row by id (a bank's compartments, a compartment's
   * open session): `batch` answers many keys in one query; keys it leaves out get `empty`.
   * Made on first use under `name`, so one operation shares it across every parent.
   */
  by<V>(name: string, empty: V, batch: (keys: string[]) => Promise<Map<string, V>>): DataLoader<string, V> {
    let loader = this.grouped.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(
        async (keys) => {
          const found = await batch([...keys]);
          return keys.map((k) => found.get(k) ?? empty);
        },
        { cache: false },
      );
      this.grouped.set(name, loader);
    }
    return loader;
  }
}

export const createLoaders = (em: EntityManager): Loaders => new Loaders(em);
