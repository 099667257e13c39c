import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SiteEntity } from '../../entities/site.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { mapMaybe, type MaybePromise } from '../../shared/maybe-promise.js';
import { transact } from '../../db/transaction.js';
import type { EventBus } from '../../events/event-bus.js';
import { COMPARTMENT_SIZES, type CompartmentSize } from '../../entities/compartment.enums.js';
import { SiteReadCache, type SiteSnapshot } from './site-read.cache.js';
import { SiteView, toLocalNameViews, type SizeAvailabilityView } from './site.types.js';
import { SITE_NAME_LANGUAGES, type LocalNames, type SiteNameLanguage } from '../../shared/site-names.js';
import { toTariffView } from '../tariffs/tariff.types.js';
import type { TariffEntity } from '../../entities/tariff.entity.js';
import { checkSlug, isSiteId, slugFromName } from './site-slug.js';
import { auditedSettings, recordSiteEdit } from './site-audit.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import { toSizeDimensionsViews, type SizeDimensionsData } from '../compartments/size-dimensions.js';

export interface SiteSettings {
  name?: string | null;
  /** The phone page's short address; see checkSlug. */
  slug?: string | null;
  timezone?: string | null;
  codeLifetimeMinutes?: number | null;
  depositWindowSeconds?: number | null;
  leftOpenSeconds?: number | null;
  abandonAfterDays?: number | null;
  unlockAckTimeoutSeconds?: number | null;
  gatewayHeartbeatSeconds?: number | null;
  pulseMs?: number | null;
  paymentWindowSeconds?: number | null;
  /** -1 removes the limit. */
  accessOpensPerSession?: number | null;
}

const BOUNDS: Record<string, [number, number]> = {
  codeLifetimeMinutes: [1, 60 * 24 * 7],
  depositWindowSeconds: [10, 3600],
  leftOpenSeconds: [10, 3600],
  abandonAfterDays: [1, 365],
  unlockAckTimeoutSeconds: [2, 300],
  gatewayHeartbeatSeconds: [5, 3600],
  pulseMs: [50, 10_000],
  paymentWindowSeconds: [30, 3600],
};

/** Sites and their operating settings. */
export class SiteService {
  /** The public read path (`site(id) { availability }`); see SiteReadCache for its invalidation. */
  readonly reads: SiteReadCache;

  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    cache: { maxAgeMs: number; maxEntries: number } = { maxAgeMs: 10_000, maxEntries: 10_000 },
  ) {
    this.reads = new SiteReadCache((id) => this.loadSnapshot(id), cache);
  }

  async create(name: string, timezone: string): Promise<SiteEntity> {
    const em = this.em.fork();
    const id = newId();
    const checked = checkName(name);
    const site = em.create(SiteEntity, {
      id,
      name: checked,
      slug: await this.freeSlug(em, slugFromName(checked) ?? `site-${id.slice(0, 8)}`),
      timezone: checkTimezone(timezone),
    } as SiteEntity);
    await em.flush();
    return site;
  }

  /** `base`, or `base-2`, `base-3`... whichever no site has yet (a race is caught by site_slug_unique). */
  private async freeSlug(em: EntityManager, base: string): Promise<string> {
    const taken = new Set(
      (
        await em
          .getConnection()
          .execute<{ slug: string }[]>(`select slug from site where slug = ? or slug like ?`, [
            base,
            `${base}-%`,
          ])
      ).map((r) => r.slug),
    );
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    return candidate;
  }

  /** The id of the site a phone address names: by slug, or by id (the old address). */
  async resolveAddress(address: string): Promise<string | null> {
    if (isSiteId(address)) return address;
    const slug = address.trim().toLowerCase();
    if (slug.length > 64) return null;
    const rows = await this.em
      .getConnection()
      .execute<{ id: string }[]>(`select id from site where slug = ?`, [slug]);
    return rows[0]?.id ?? null;
  }

  /** Name, address, timezone and operating settings; the changed ones audited with their values before and after. */
  async update(id: string, settings: SiteSettings, by: AuditActor): Promise<SiteEntity> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const site = await tx.findOne(SiteEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!site) throw notFound('Site');
      const before = auditedSettings(site);
      fx.publish('SITE_CHANGED', site.id, () => ({ siteId: site.id }));
      if (settings.name != null) site.name = checkName(settings.name);
      if (settings.timezone != null) site.timezone = checkTimezone(settings.timezone);
      if (settings.slug != null) {
        const slug = checkSlug(settings.slug);
        if (slug !== site.slug && (await tx.count(SiteEntity, { slug, id: { $ne: site.id } })) > 0)
          throw conflict(`Another site already has the address "${slug}"`);
        site.slug = slug;
      }
      if (settings.accessOpensPerSession != null) {
        const v = settings.accessOpensPerSession;
        if (!Number.isInteger(v) || v < -1 || v > 1000)
          throw badInput(
            'accessOpensPerSession',
            'accessOpensPerSession must be 0 to 1000, or -1 for no limit',
          );
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
      await recordSiteEdit(tx, site, before, by);
      return site;
    });
  }

  list(ids?: string[]): Promise<SiteEntity[]> {
    return this.em
      .fork()
      .find(SiteEntity, ids ? { id: { $in: ids } } : {}, { orderBy: { name: 'asc', id: 'asc' } });
  }

  get(id: string): Promise<SiteEntity | null> {
    return this.em.fork().findOne(SiteEntity, id);
  }

  async require(id: string): Promise<SiteEntity> {
    const site = await this.get(id);
    if (!site) throw notFound('Site');
    return site;
  }

  /**
   * Sets the site's names per language (those given; an empty name removes that language's),
   * each checked as the site's own name is.
   */
  async setLocalNames(id: string, names: readonly { language: string; name: string }[]): Promise<SiteEntity> {
    const changes = new Map<SiteNameLanguage, string>();
    for (const { language, name } of names) {
      if (!SITE_NAME_LANGUAGES.includes(language as SiteNameLanguage))
        throw badInput('language', `language must be one of ${SITE_NAME_LANGUAGES.join(', ')}`);
      if (changes.has(language as SiteNameLanguage)) throw badInput('language', `${language} is given twice`);
      changes.set(language as SiteNameLanguage, name.trim() ? checkName(name) : '');
    }
    return transact(this.em, this.bus, async (tx, fx) => {
      const site = await tx.findOne(SiteEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!site) throw notFound('Site');
      fx.publish('SITE_CHANGED', site.id, () => ({ siteId: site.id }));
      const next: LocalNames = { ...(site.localNames as LocalNames) };
      for (const [language, name] of changes) {
        if (name) next[language] = name;
        else delete next[language];
      }
      site.localNames = next;
      return site;
    });
  }

  /** A site and its availability as the public read path shows them; cached, see SiteReadCache. */
  snapshot(id: string): SiteSnapshot | Promise<SiteSnapshot | null> {
    return this.reads.get(id);
  }

  /** Free and total compartments per size (out-of-service ones count in neither); cached, so at hand on a hit. */
  availability(siteId: string): MaybePromise<readonly SizeAvailabilityView[]> {
    return mapMaybe(this.reads.get(siteId), (snapshot) => snapshot?.availability ?? []);
  }

  /** One statement: the site's row, its tariffs and its counts per size (one row per size, or one with no size). */
  private async loadSnapshot(id: string): Promise<SiteSnapshot | null> {
    const rows = await this.em.getConnection().execute<SnapshotRow[]>(
      `select s.id, s.name, s.slug, s.local_names, s.timezone, s.code_lifetime_minutes, s.deposit_window_seconds, s.left_open_seconds, s.abandon_after_days,
              s.unlock_ack_timeout_seconds, s.gateway_heartbeat_seconds, s.pulse_ms, s.payment_window_seconds, s.access_opens_per_session, s.retired_at,
              a.size, a.free, a.total, a.live,
              (select json_agg(json_build_object('id', t.id, 'size', t.size, 'price', t.price, 'currency', t.currency,
                        'includedMinutes', t.included_minutes, 'overduePerHour', t.overdue_per_hour,
                        'graceMinutes', t.grace_minutes, 'securityAlertAfterMinutes', t.security_alert_after_minutes))
               from tariff t where t.site_id = s.id and t.retired_at is null) as tariffs,
              (select json_agg(t.size) from tariff t where t.site_id = s.id and t.retired_at is not null) as retired_sizes,
              -- the size guide: per size, the smallest inside measure among the open banks that give one
              (select json_object_agg(g.size, json_build_object('w', g.w, 'h', g.h, 'd', g.d))
               from (select e.key as size, min((e.value->>'w')::int) as w, min((e.value->>'h')::int) as h,
                            min((e.value->>'d')::int) as d
                     from locker_bank b, jsonb_each(b.size_dimensions) e
                     where b.site_id = s.id and b.retired_at is null group by e.key) g) as dimensions
       from site s
       left join lateral (
         select c.size, count(*) filter (where c.status = 'AVAILABLE') as free,
                count(*) filter (where c.status not in ('OUT_OF_SERVICE', 'RETIRED')) as total,
                count(*) filter (where c.status <> 'RETIRED') as live
         from compartment c where c.site_id = s.id and s.retired_at is null group by c.size
       ) a on true
       where s.id = ?`,
      [id],
    );
    const first = rows[0];
    if (!first) return null;
    const bySize = new Map(rows.filter((r) => r.size !== null).map((r) => [r.size!, r]));
    const tariffs = (first.tariffs ?? []).map((t) => toTariffView({ ...t, siteId: first.id }));
    // a retired tariff's size is not offered; a retired site offers nothing (no counts above)
    const retiredSizes = new Set(first.retired_sizes ?? []);
    const offered = COMPARTMENT_SIZES.filter(
      (size) => bySize.has(size) && !retiredSizes.has(size) && Number(bySize.get(size)!.live) > 0,
    );
    const availability = offered.map((size) =>
      Object.freeze({
        size,
        free: Number(bySize.get(size)!.free),
        total: Number(bySize.get(size)!.total),
        tariff: tariffs.find((t) => t.size === size) ?? null,
        dimensions: toSizeDimensionsViews(first.dimensions).find((d) => d.size === size) ?? null,
      }),
    );
    // a SiteView already, so that type-graphql need not copy it into one for each field resolver
    const site = Object.freeze(
      Object.assign(new SiteView(), {
        id: first.id,
        name: first.name,
        slug: first.slug,
        localNames: toLocalNameViews(first.local_names),
        timezone: first.timezone,
        codeLifetimeMinutes: first.code_lifetime_minutes,
        depositWindowSeconds: first.deposit_window_seconds,
        leftOpenSeconds: first.left_open_seconds,
        abandonAfterDays: first.abandon_after_days,
        unlockAckTimeoutSeconds: first.unlock_ack_timeout_seconds,
        gatewayHeartbeatSeconds: first.gateway_heartbeat_seconds,
        pulseMs: first.pulse_ms,
        paymentWindowSeconds: first.payment_window_seconds,
        accessOpensPerSession: first.access_opens_per_session,
        retiredAt: first.retired_at ? new Date(first.retired_at) : null,
      }),
    );
    return Object.freeze({ site, availability: Object.freeze(availability) });
  }
}

interface SnapshotRow {
  id: string;
  name: string;
  slug: string;
  local_names: unknown;
  timezone: string;
  code_lifetime_minutes: number;
  deposit_window_seconds: number;
  left_open_seconds: number;
  abandon_after_days: number;
  unlock_ack_timeout_seconds: number;
  gateway_heartbeat_seconds: number;
  pulse_ms: number;
  payment_window_seconds: number;
  access_opens_per_session: number | null;
  retired_at: string | Date | null;
  retired_sizes: CompartmentSize[] | null;
  dimensions: SizeDimensionsData | null;
  size: CompartmentSize | null;
  free: string | null;
  total: string | null;
  live: string | null;
  tariffs: Omit<TariffEntity, 'siteId'>[] | null;
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
    throw badInput(
      'timezone',
      `timezone must be an IANA time zone such as Europe/Berlin (got "${tz.slice(0, 64)}")`,
    );
  }
  if (tz.length > 64) throw badInput('timezone', 'timezone is too long');
  return tz;
}
