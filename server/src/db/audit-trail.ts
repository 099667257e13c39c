import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntryEntity, type AuditActor } from '../entities/audit-entry.entity.js';

/** A change to record: who, what, on what, and the fields before and after. */
export interface AuditRecord {
  actor: AuditActor;
  action: string;
  siteId?: string | null;
  subjectType: string;
  subjectId?: string | null;
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NAME_OF: Record<Exclude<AuditActor['kind'], 'rule' | 'public'>, string> = {
  // a person by name and e-mail (the e-mail alone when unnamed)
  user: `select coalesce(nullif(name, '') || ' <' || email || '>', email) as name from app_user where id = ?`,
  kiosk: `select name from kiosk where id = ?`,
  gateway: `select name from gateway where id = ?`,
  apiKey: `select 'API key ' || name as name from api_key where id = ?`,
};

/** How the log names an actor now: people, kiosks, gateways and keys by their names. */
export async function nameActor(tx: EntityManager, actor: AuditActor): Promise<string> {
  if (actor.kind === 'rule') return `rule: ${actor.id ?? 'system'}`;
  if (actor.kind === 'public' || !actor.id) return actor.kind === 'public' ? 'public' : actor.kind;
  if (!UUID.test(actor.id)) return `${actor.kind} ${actor.id}`;
  const rows = await tx.execute<{ name: string }[]>(NAME_OF[actor.kind], [actor.id]);
  return rows[0]?.name ?? `${actor.kind} ${actor.id}`;
}

/**
 * Writes one entry of the audit log inside the change's own transaction (`tx`), so a change
 * and its entry commit or roll back together.
 */
export async function recordAudit(tx: EntityManager, record: AuditRecord): Promise<void> {
  const entry = new AuditEntryEntity();
  entry.at = new Date();
  entry.siteId = record.siteId ?? null;
  entry.actorKind = record.actor.kind;
  entry.actorId = record.actor.id;
  entry.actorName = await nameActor(tx, record.actor);
  entry.action = record.action;
  entry.subjectType = record.subjectType;
  entry.subjectId = record.subjectId ?? null;
  entry.summary = record.summary;
  entry.before = record.before ?? null;
  entry.after = record.after ?? null;
  tx.persist(entry);
}

/**
 * Names for the actors that session and door trails keep as `kind:id` (`user:<e-mail>`,
 * `kiosk:<uuid>`, ...): people by name and e-mail, devices and keys by name. Unknown ones
 * (a deleted device) keep their stored form.
 */
export async function nameStoredActors(
  em: EntityManager,
  actors: Iterable<string | null>,
): Promise<Map<string, string>> {
  const byKind = new Map<string, Set<string>>();
  for (const a of actors) {
    const m = a ? /^(user|kiosk|gateway|api-key):(.+)$/.exec(a) : null;
    if (!m) continue;
    const ids = byKind.get(m[1]!) ?? new Set<string>();
    if (m[1] === 'user' || UUID.test(m[2]!)) ids.add(m[2]!);
    byKind.set(m[1]!, ids);
  }
  const names = new Map<string, string>();
  const lookups: Record<string, string> = {
    user: `select email as key, coalesce(nullif(name, '') || ' <' || email || '>', email) as name from app_user where email in (?)`,
    kiosk: `select id::text as key, 'kiosk ' || name as name from kiosk where id in (?)`,
    gateway: `select id::text as key, 'gateway ' || name as name from gateway where id in (?)`,
    'api-key': `select id::text as key, 'API key ' || name as name from api_key where id in (?)`,
  };
  for (const [kind, ids] of byKind) {
    if (ids.size === 0) continue;
    const rows = await em.execute<{ key: string; name: string }[]>(lookups[kind]!, [[...ids]]);
    for (const r of rows) names.set(`${kind}:${r.key}`, r.name);
  }
  return names;
}
