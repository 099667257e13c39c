// What staff do with an alert after it is raised: notes, an assignee, resolution. Each change
// is written with its audit entry in one transaction; an alert's history is those entries.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { nameActor, recordAudit } from '../../db/audit-trail.js';
import { AlertEntity } from '../../entities/alert.entity.js';
import { AuditEntryEntity, type AuditActor } from '../../entities/audit-entry.entity.js';
import { UserEntity } from '../../entities/user.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';

const MAX_NOTE = 1000;

/** Where an alert is in its life: OPEN until acknowledged, RESOLVED when done. */
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

export function statusOf(a: Pick<AlertEntity, 'acknowledgedAt' | 'resolvedAt'>): AlertStatus {
  return a.resolvedAt ? 'RESOLVED' : a.acknowledgedAt ? 'ACKNOWLEDGED' : 'OPEN';
}

/** The filter that selects alerts in `status`. */
export function statusWhere(status: AlertStatus): Record<string, unknown> {
  if (status === 'OPEN') return { acknowledgedAt: null, resolvedAt: null };
  if (status === 'ACKNOWLEDGED') return { acknowledgedAt: { $ne: null }, resolvedAt: null };
  return { resolvedAt: { $ne: null } };
}

/** One step of an alert's life, oldest first. */
export interface AlertHistoryItem {
  at: Date;
  action: 'RAISED' | 'ACKNOWLEDGED' | 'ASSIGNED' | 'UNASSIGNED' | 'NOTE' | 'RESOLVED';
  actorName: string;
  /** A note's text, the assignee's name, or the resolution's note. */
  note: string | null;
}

/** A person an alert may be given to. */
export interface Assignee {
  id: string;
  name: string;
}

const HISTORY_ACTIONS: Record<string, AlertHistoryItem['action']> = {
  'alert.acknowledge': 'ACKNOWLEDGED',
  'alert.note': 'NOTE',
  'alert.resolve': 'RESOLVED',
};

function checkNote(note: string, required: boolean): string | null {
  const text = note.trim();
  if (!text && required) throw badInput('note', 'note must not be empty');
  if (text.length > MAX_NOTE) throw badInput('note', `note must be at most ${MAX_NOTE} characters`);
  return text || null;
}

async function lockOpen(tx: EntityManager, id: string): Promise<AlertEntity> {
  const alert = await tx.findOne(AlertEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!alert) throw notFound('Alert');
  if (alert.resolvedAt) throw conflict('The alert is resolved');
  return alert;
}

/** Adds a note to an alert that is not resolved. */
export function addNote(em: EntityManager, id: string, note: string, by: AuditActor): Promise<AlertEntity> {
  const text = checkNote(note, true)!;
  return em.fork().transactional(async (tx) => {
    const alert = await lockOpen(tx, id);
    await recordAudit(tx, {
      actor: by,
      action: 'alert.note',
      siteId: alert.siteId,
      subjectType: 'alert',
      subjectId: alert.id,
      summary: `Noted on a ${alert.type} alert`,
      after: { note: text },
    });
    return alert;
  });
}

/** Gives an alert to an active ADMIN or OPERATOR who has its site, or to nobody (`userId` null). */
export function assign(
  em: EntityManager,
  id: string,
  userId: string | null,
  by: AuditActor,
): Promise<AlertEntity> {
  return em.fork().transactional(async (tx) => {
    const alert = await lockOpen(tx, id);
    if (userId) {
      const user = await tx.findOne(UserEntity, { id: userId, disabledAt: null });
      if (!user || user.role === 'VIEWER')
        throw badInput('userId', 'an alert is given to an active admin or operator');
      if (!hasSite(user, alert.siteId))
        throw badInput('userId', 'this operator is not allowed at the site of the alert');
    }
    if (alert.assigneeId === userId) return alert;
    const name = (u: string | null) => (u ? nameActor(tx, { kind: 'user', id: u }) : Promise.resolve(null));
    const before = await name(alert.assigneeId);
    const after = await name(userId);
    alert.assigneeId = userId;
    await recordAudit(tx, {
      actor: by,
      action: userId ? 'alert.assign' : 'alert.unassign',
      siteId: alert.siteId,
      subjectType: 'alert',
      subjectId: alert.id,
      summary: after ? `Gave a ${alert.type} alert to ${after}` : `Took a ${alert.type} alert from ${before}`,
      before: { assignee: before },
      after: { assignee: after },
    });
    return alert;
  });
}

/**
 * Resolves an alert, with an optional note; an unacknowledged one is acknowledged by the
 * same person at the same time. Idempotent: resolving twice keeps the first resolution.
 */
export function resolve(
  em: EntityManager,
  id: string,
  note: string | null,
  by: AuditActor,
  now: Date,
): Promise<AlertEntity> {
  const text = note === null ? null : checkNote(note, false);
  return em.fork().transactional(async (tx) => {
    const alert = await tx.findOne(AlertEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!alert) throw notFound('Alert');
    if (alert.resolvedAt) return alert;
    const name = await nameActor(tx, by);
    if (!alert.acknowledgedAt) {
      alert.acknowledgedAt = now;
      alert.acknowledgedBy = name;
    }
    alert.resolvedAt = now;
    alert.resolvedBy = name;
    await recordAudit(tx, {
      actor: by,
      action: 'alert.resolve',
      siteId: alert.siteId,
      subjectType: 'alert',
      subjectId: alert.id,
      summary: `Resolved a ${alert.type} alert`,
      after: { note: text },
    });
    return alert;
  });
}

/** The alert's life, oldest first: raised, then each change staff made. */
export async function historyOf(em: EntityManager, alert: AlertEntity): Promise<AlertHistoryItem[]> {
  const entries = await em
    .fork()
    .find(AuditEntryEntity, { subjectType: 'alert', subjectId: alert.id }, { orderBy: { id: 'asc' } });
  const steps: AlertHistoryItem[] = [
    { at: alert.createdAt, action: 'RAISED', actorName: 'system', note: alert.message },
  ];
  for (const e of entries) {
    const assignee = typeof e.after?.assignee === 'string' ? e.after.assignee : null;
    const action =
      e.action === 'alert.assign'
        ? 'ASSIGNED'
        : e.action === 'alert.unassign'
          ? 'UNASSIGNED'
          : HISTORY_ACTIONS[e.action];
    if (!action) continue;
    const note = action === 'ASSIGNED' ? assignee : typeof e.after?.note === 'string' ? e.after.note : null;
    steps.push({ at: e.at, action, actorName: e.actorName, note });
  }
  // the condition ended by itself (a gateway back from an outage): no person, no audit entry
  if (alert.resolvedAt && !alert.resolvedBy)
    steps.push({
      at: alert.resolvedAt,
      action: 'RESOLVED',
      actorName: 'system',
      note: 'the condition ended',
    });
  return steps;
}

/** Whether a person's sites (null: all) include `siteId`. */
const hasSite = (user: UserEntity, siteId: string): boolean =>
  user.siteIds === null || user.siteIds.includes(siteId);

/**
 * Active ADMINs and OPERATORs by name and e-mail, as the assignee list shows them; with a
 * site, only those who have it (an alert given to someone who cannot see it helps nobody).
 */
export async function assignees(em: EntityManager, siteId: string | null = null): Promise<Assignee[]> {
  const users = await em
    .fork()
    .find(
      UserEntity,
      { disabledAt: null, role: { $in: ['ADMIN', 'OPERATOR'] } },
      { orderBy: { email: 'asc' } },
    );
  return users
    .filter((u) => siteId === null || hasSite(u, siteId))
    .map((u) => ({ id: u.id, name: u.name ? `${u.name} <${u.email}>` : u.email }));
}
