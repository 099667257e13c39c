import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../db/transaction.js';
import { CompartmentEntity } from '../entities/compartment.entity.js';
import type { GatewayEntity } from '../entities/gateway.entity.js';
import { SessionTransitionEntity } from '../entities/session-transition.entity.js';
import { StorageSessionEntity } from '../entities/session.entity.js';
import { OPEN_STATUSES } from '../entities/session.state.js';
import type { OfflineEventConflict, OfflineEventOutcome } from '../entities/site-offline-event.entity.js';
import { SiteEntity } from '../entities/site.entity.js';
import { TariffEntity } from '../entities/tariff.entity.js';
import { moveCompartment, announceCompartment } from '../modules/compartments/compartment.state.js';
import { recordDoorEvent } from '../modules/door-events/door-event.recorder.js';
import { moveSession } from '../modules/sessions/session-moves.js';
import { FREE_TARIFF } from '../modules/tariffs/free-tariff.js';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../shared/message-locale.js';

/** A deposit the site took while cut off: a free size, a code the site issued (its hash only). */
export interface OfflineDeposit {
  sessionId: string;
  compartmentId: string;
  codeHash: string;
  language: string | null;
  occurredAt: Date;
  pulseResult: 'SUCCEEDED' | 'FAILED' | 'UNCERTAIN';
}

type Decision = { outcome: OfflineEventOutcome; conflict: OfflineEventConflict | null };

/**
 * Creates the session the site started: issued and scanned at the site's time, DEPOSITING in
 * the compartment the site opened, so the door readings replayed with it store it exactly as
 * an online deposit (due time from the door closing). Free sizes only, so nothing is owed;
 * the site promised the free terms, and those are kept even if the tariff changed meanwhile.
 * A compartment the server had meanwhile given to someone else is a conflict: the opening is
 * recorded as expected and staff are alerted (the caller raises it); nothing is undone.
 */
export async function applyOfflineDeposit(
  tx: EntityManager,
  fx: Effects,
  gateway: GatewayEntity,
  c: CompartmentEntity,
  e: OfflineDeposit,
): Promise<Decision> {
  if (e.pulseResult === 'FAILED') return { outcome: 'NOT_OPENED', conflict: null };
  const actor = `site:${gateway.id}`;
  await tx.findOne(CompartmentEntity, c.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const site = await tx.findOneOrFail(SiteEntity, gateway.siteId);
  c.unlockExpectedUntil = new Date(
    e.occurredAt.getTime() + (site.unlockAckTimeoutSeconds + site.depositWindowSeconds) * 1000,
  );
  const holder = await tx.findOne(StorageSessionEntity, {
    compartmentId: c.id,
    status: { $in: [...OPEN_STATUSES, 'CREATED'] },
  });
  const codeTaken = (await tx.count(StorageSessionEntity, { codeHash: e.codeHash })) > 0;
  const conflict: OfflineEventConflict | null = codeTaken
    ? 'CODE_IN_USE'
    : holder || c.status !== 'AVAILABLE'
      ? 'COMPARTMENT_TAKEN'
      : null;
  recordDoorEvent(fx, {
    type: e.pulseResult === 'SUCCEEDED' ? 'UNLOCKED' : 'UNLOCK_REQUESTED',
    compartment: c,
    sessionId: conflict ? null : e.sessionId,
    actor,
    detail: `opened at the site while offline for a deposit (${e.pulseResult === 'SUCCEEDED' ? 'pulsed' : 'pulse uncertain'})`,
    at: e.occurredAt,
  });
  announceCompartment(fx, c);
  if (conflict) return { outcome: 'APPLIED_WITH_CONFLICT', conflict };

  const tariff = (await tx.findOne(TariffEntity, { siteId: site.id, size: c.size })) ?? FREE_TARIFF;
  const language = (MESSAGE_LANGUAGES as readonly string[]).includes(e.language ?? '')
    ? (e.language as MessageLanguage)
    : 'en';
  const session = tx.create(StorageSessionEntity, {
    id: e.sessionId,
    siteId: site.id,
    size: c.size,
    status: 'CREATED',
    codeHash: e.codeHash,
    shortCodeHash: null,
    codeIssuedAt: e.occurredAt,
    language,
    currency: tariff.currency,
    price: 0,
    includedMinutes: tariff.includedMinutes,
    overduePerHour: tariff.overduePerHour,
    graceMinutes: tariff.graceMinutes,
    securityAlertAfterMinutes: tariff.securityAlertAfterMinutes,
    createdAt: e.occurredAt,
  } as StorageSessionEntity);
  fx.append(SessionTransitionEntity, {
    sessionId: session.id,
    at: e.occurredAt,
    fromStatus: null,
    toStatus: 'CREATED',
    actor,
    reason: 'issued at the site while offline',
  });
  moveCompartment(tx, fx, c, {
    to: 'RESERVED',
    trigger: 'allocated',
    actor,
    at: e.occurredAt,
    reason: `session ${session.id} (offline deposit)`,
  });
  session.compartmentId = c.id;
  session.intent = 'DEPOSIT';
  session.opStartedAt = e.occurredAt;
  session.opDoorOpened = false;
  await moveSession(tx, fx, session, {
    to: 'DEPOSITING',
    trigger: 'scan',
    actor,
    at: e.occurredAt,
    reason: 'deposited at the site while offline',
    paid: 0,
  });
  return { outcome: 'APPLIED', conflict: null };
}
