import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SiteEntity } from './site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { COMPARTMENT_SIZES, type CompartmentSize } from '../compartments/compartment.enums.js';

export interface SiteSettings {
  name?: string | null;
  timezone?: string | null;
  codeLifetimeMinutes?: number | null;
  depositWindowSeconds?: number | null;
  leftOpenSeconds?: number | null;
  unlockAckTimeoutSeconds?: number | null;
  gatewayHeartbeatSeconds?: number | null;
  pulseMs?: number | null;
  /** -1 removes the limit. */
  accessOpensPerSession?: number | null;
}

export interface Availability {
  size: CompartmentSize;
  free: number;
  total: number;
}

const BOUNDS: Record<string, [number, number]> = {
  codeLifetimeMinutes: [1, 60 * 24 * 7],
  depositWindowSeconds: [10, 3600],
  leftOpenSeconds: [10, 3600],
  unlockAckTimeoutSeconds: [2, 300],
  gatewayHeartbeatSeconds: [5, 3600],
  pulseMs: [50, 10_000],
};

/** Sites and their operating settings. */
export class SiteService {
  constructor(private readonly em: EntityManager) {}

  async create(name: string, timezone: string): Promise<SiteEntity> {
    const em = this.em.fork();
    const site = em.create(SiteEntity, { id: newId(), name: checkName(name), timezone: checkTimezone(timezone) } as SiteEntity);
    await em.flush();
    return site;
  }

  async update(id: string, settings: SiteSettings): Promise<SiteEntity> {
    const em = this.em.fork();
    return em.transactional(async (tx) => {
      const site = await tx.findOne(SiteEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!site) throw notFound('Site');
      if (settings.name != null) site.name = checkName(settings.name);
      if (settings.timezone != null) site.timezone = checkTimezone(settings.timezone);
      if (settings.accessOpensPerSession != null) {
        const v = settings.accessOpensPerSession;
        if (!Number.isInteger(v) || v < -1 || v > 1000) throw badInput('accessOpensPerSession', 'accessOpensPerSession must be 0 to 1000, or -1 for no limit');
        site.accessOpensPerSession = v === -1 ? null : v;
      }
      for (const [field, [min, max]] of Object.entries(BOUNDS)) {
        const v = settings[field as keyof SiteSettings];
        if (v == null) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
          throw badInput(field, `${field} must be between ${min} and ${max}`);
        }
        (site as unknown as Record<string, number>)[field] = v;
      }
      return site;
    });
  }

  list(ids?: string[]): Promise<SiteEntity[]> {
    return this.em.fork().find(SiteEntity, ids ? { id: { $in: ids } } : {}, { orderBy: { name: 'asc', id: 'asc' } });
  }

  get(id: string): Promise<SiteEntity | null> {
    return this.em.fork().findOne(SiteEntity, id);
  }

  async require(id: string): Promise<SiteEntity> {
    const site = await this.get(id);
    if (!site) throw notFound('Site');
    return site;
  }

  /** Free and total compartments per size (out-of-service ones count in neither). */
  async availability(siteId: string): Promise<Availability[]> {
    const rows = await this.em.getConnection().execute<{ size: CompartmentSize; free: string; total: string }[]>(
      `select size, count(*) filter (where status = 'AVAILABLE') as free,
              count(*) filter (where status <> 'OUT_OF_SERVICE') as total
       from compartment where site_id = ? group by size`,
      [siteId],
    );
    const bySize = new Map(rows.map((r) => [r.size, r]));
    return COMPARTMENT_SIZES.filter((s) => bySize.has(s)).map((size) => ({
      size,
      free: Number(bySize.get(size)!.free),
      total: Number(bySize.get(size)!.total),
    }));
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 120) throw badInput('name', 'name must be 1 to 120 characters');
  return trimmed;
}

export function checkTimezone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw badInput('timezone', `timezone must be an IANA time zone such as Europe/Berlin (got "${tz.slice(0, 64)}")`);
  }
  if (tz.length > 64) throw badInput('timezone', 'timezone is too long');
  return tz;
}
