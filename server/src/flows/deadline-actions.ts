import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../db/transaction.js';
import { StorageSessionEntity } from '../entities/session.entity.js';
import { CompartmentEntity } from '../entities/compartment.entity.js';
import { GatewayCommandEntity } from '../entities/gateway-command.entity.js';
import { GatewayEntity } from '../entities/gateway.entity.js';
import { KioskEntity } from '../entities/kiosk.entity.js';
import { toGatewayView } from '../modules/devices/device.types.js';
import { announceSession, moveSession } from '../modules/sessions/session-moves.js';
import { releaseHold } from './compartment-hold.js';
import { refundSessionPayments } from '../modules/payments/automatic-refunds.js';
import { undoDoorOperation } from './unlock.js';
import {
  announceChangedView,
  announceCompartment,
  moveCompartmentIfAllowed,
} from '../modules/compartments/compartment.state.js';
import { recordDoorEvent } from '../modules/door-events/door-event.recorder.js';
import { raiseAlert, resolveEndedAlert } from '../modules/alerts/alert.raiser.js';
import { AlertEntity } from '../entities/alert.entity.js';
import { notifyContact } from '../modules/notifications/outbox.js';
import { overdueFee } from '../modules/sessions/charges.js';
import type { DeadlineRule } from './deadline-rules.js';
import { emitWebhookEvent } from '../modules/webhooks/webhook-events.js';
import { sessionData } from '../modules/sessions/session-notices.js';
import { overdueMessage, reminderMessage } from '../modules/notifications/depositor-messages.js';
import { messageContext } from '../modules/notifications/message-context.js';
import { markAbandoned } from '../modules/sessions/abandonment.js';
import { SiteEntity } from '../entities/site.entity.js';
import { formatSiteTime } from '../shared/site-time.js';

/** `at` in the site's zone for an alert's text; UTC when the site is gone. */
async function siteTime(tx: EntityManager, siteId: string, at: Date | null | undefined): Promise<string> {
  if (!at) return 'an unknown time';
  const site = await tx.findOne(SiteEntity, siteId);
  return formatSiteTime(at, site?.timezone ?? 'UTC');
}

const ACTOR = 'system:timer';

/** What happens when a deadline passes; each runs in its own transaction on a claimed row. */
export const DEADLINE_ACTIONS: Record<
  DeadlineRule,
  (tx: EntityManager, fx: Effects, id: string, now: Date) => Promise<void>
> = {
  async codeExpired(tx, fx, id, now) {
    const s = await tx.findOneOrFail(StorageSessionEntity, id);
    await releaseHold(tx, fx, s, ACTOR, now);
    await refundSessionPayments(tx, fx, s.id, 'the code expired before anything was stored', now);
    await moveSession(tx, fx, s, {
      to: 'CANCELLED',
      trigger: 'code-expired',
      actor: ACTOR,
      at: now,
      reason: 'code not used within its lifetime',
    });
    s.endedAt = now;
  },

  async holdExpired(tx, fx, id, now) {
    // the payment window ran out unpaid: the compartment goes back; the next scan holds one again
    const s = await tx.findOneOrFail(StorageSessionEntity, id);
    await releaseHold(tx, fx, s, ACTOR, now);
    await announceSession(tx, fx, s);
  },

  /**
   * No ack in time: the pulse may well have happened (the ack lost with a server or gateway
   * crash), so the unlock is UNCERTAIN, never failed; an opening stays expected and the door
   * readings settle it (doorNotOpened). A late ack still lands (ackedAt stays empty).
   */
  async unlockUnacknowledged(tx, _fx, id) {
    const command = await tx.findOneOrFail(GatewayCommandEntity, id);
    command.result = 'UNCERTAIN';
    command.error = 'no acknowledgement from the gateway in time';
  },

  /** The readings show the door never opened after its unlock: the lock may be jammed, so staff are told. */
  async doorNotOpened(tx, fx, id, now) {
    const s = await tx.findOneOrFail(StorageSessionEntity, id);
    const compartment = await tx.findOneOrFail(CompartmentEntity, s.compartmentId!, { lockMode: 3 });
    const deposit = s.status === 'DEPOSITING';
    await undoDoorOperation(
      tx,
      fx,
      s,
      compartment,
      'window-passed',
      ACTOR,
      now,
      'the door was not opened in time',
    );
    raiseAlert(tx, fx, {
      type: 'UNLOCK_FAILED',
      siteId: compartment.siteId,
      compartmentId: compartment.id,
      sessionId: s.id,
      message: `Compartment ${compartment.label} was unlocked but its door was not opened in time: the lock may be jammed${deposit ? ' (out of allocation until inspected)' : ''}`,
      at: now,
    });
  },

  /** The readings of the window have a break: whether the door opened is unknown, so it is looked at. */
  async doorUnconfirmed(tx, fx, id, now) {
    const s = await tx.findOneOrFail(StorageSessionEntity, id);
    const compartment = await tx.findOneOrFail(CompartmentEntity, s.compartmentId!, { lockMode: 3 });
    await undoDoorOperation(
      tx,
      fx,
      s,
      compartment,
      'unlock-unconfirmed',
      ACTOR,
      now,
      'the door readings have a break during the deposit window',
    );
    raiseAlert(tx, fx, {
      type: 'UNLOCK_FAILED',
      siteId: compartment.siteId,
      compartmentId: compartment.id,
      sessionId: s.id,
      message: `Compartment ${compartment.label}: its door could not be watched through the whole window, so whether it opened is unknown; inspect it`,
      at: now,
    });
  },

  async doorLeftOpen(tx, fx, id, now) {
    const c = await tx.findOneOrFail(CompartmentEntity, id);
    c.leftOpenAlerted = true;
    const session = await tx.findOne(StorageSessionEntity, {
      compartmentId: c.id,
      status: { $in: ['DEPOSITING', 'STORED', 'RETRIEVING'] },
    });
    recordDoorEvent(fx, {
      type: 'LEFT_OPEN',
      compartment: c,
      sessionId: session?.id,
      actor: ACTOR,
      at: now,
    });
    if (!session)
      moveCompartmentIfAllowed(tx, fx, c, {
        to: 'NEEDS_INSPECTION',
        trigger: 'left-open',
        actor: ACTOR,
        at: now,
        reason: 'door left open',
      });
    raiseAlert(tx, fx, {
      type: 'DOOR_LEFT_OPEN',
      siteId: c.siteId,
      compartmentId: c.id,
      sessionId: session?.id,
      message: `Compartment ${c.label} has been left open`,
      at: now,
    });
    announceCompartment(fx, c);
  },

  /** Its gateway's presence expired: nobody reads this door, so it is shown UNKNOWN (the full state on its return restores it). */
  async doorsOfAbsentGateway(tx, fx, id) {
    const c = await tx.findOneOrFail(CompartmentEntity, id);
    c.doorState = 'UNKNOWN';
    announceCompartment(fx, c);
  },

  async reminderDue(tx, _fx, id, now) {
    const s = await tx.findOneOrFail(StorageSessionEntity, id);
    s.reminderSent = true;
    if (!s.dueAt || !(s.contactEmail || s.contactPhone)) return;
    const text = reminderMessage(await messageContext(tx, s), s.dueAt, {
      amount: s.overduePerHour,
      currency: s.currency,
    });
    await notifyContact(
      tx,
      { email: s.contactEmail, phone: s.contactPhone },
      // one reminder per due time: an extension moves it, and the new one is reminded of again
      { dedupeKey: `reminder:${s.id}:${s.dueAt.getTime()}`, ...text, sessionId: s.id, at: now },
    );
  },

  async overdue(tx, fx, id, now) {
    const s = await tx.findOneOrFail(StorageSessionEntity, id);
    s.overdueAlerted = true;
    const fee = overdueFee({ ...s, paid: 0 }, now);
    const since = await siteTime(tx, s.siteId, s.dueAt);
    // Boards show the compartment's badge from its session: tell them now, not on a reload.
    if (s.compartmentId) await announceChangedView(tx, fx, s.compartmentId);
    raiseAlert(tx, fx, {
      type: 'OVERDUE',
      siteId: s.siteId,
      compartmentId: s.compartmentId,
      sessionId: s.id,
      message: `Storage is overdue since ${since}`,
      at: now,
    });
    if (s.dueAt && (s.contactEmail || s.contactPhone)) {
      const text = overdueMessage(
        await messageContext(tx, s),
        s.dueAt,
        { amount: fee, currency: s.currency },
        { amount: s.overduePerHour, currency: s.currency },
      );
      await notifyContact(
        tx,
        { email: s.contactEmail, phone: s.contactPhone },
        { dedupeKey: `overdue:${s.id}:${s.dueAt.getTime()}`, ...text, sessionId: s.id, at: now },
      );
    }
    await emitWebhookEvent(
      tx,
      'session.overdue',
      { ...sessionData(s), overdueFee: { amount: fee, currency: s.currency } },
      now,
    );
  },

  async securityEscalation(tx, fx, id, now) {
    const s = await tx.findOneOrFail(StorageSessionEntity, id);
    s.securityAlerted = true;
    raiseAlert(tx, fx, {
      type: 'SECURITY_ESCALATION',
      siteId: s.siteId,
      compartmentId: s.compartmentId,
      sessionId: s.id,
      message: `Luggage overdue for ${s.securityAlertAfterMinutes} ${s.securityAlertAfterMinutes === 1 ? 'minute' : 'minutes'}: security check needed`,
      at: now,
    });
  },

  /** Its presence expired: dashboards hear it is offline (the alert waits for the site's heartbeat window). */
  async gatewayAbsent(tx, fx, id, now) {
    const g = await tx.findOneOrFail(GatewayEntity, id);
    g.absentAnnounced = true;
    fx.publish('GATEWAY_UPDATED', g.siteId, () => toGatewayView(g, now));
  },

  async abandoned(tx, fx, id, now) {
    await markAbandoned(tx, fx, await tx.findOneOrFail(StorageSessionEntity, id), ACTOR, now);
  },

  /** Once per outage (offlineAlerted is cleared by its next heartbeat); resolved by `outageOver`. */
  async gatewaySilent(tx, fx, id, now) {
    const g = await tx.findOneOrFail(GatewayEntity, id);
    g.offlineAlerted = true;
    fx.publish('GATEWAY_UPDATED', g.siteId, () => toGatewayView(g, now));
    const since = await siteTime(tx, g.siteId, g.lastSeenAt);
    raiseAlert(tx, fx, {
      type: g.sitePathAt ? 'SITE_OFFLINE' : 'GATEWAY_OFFLINE',
      siteId: g.siteId,
      gatewayId: g.id,
      message: g.sitePathAt
        ? `Site offline since ${since}: gateway ${g.name} keeps opening stored, paid bags on its own and replays what it did when it is back`
        : `Gateway ${g.name} has not been heard from since ${since}`,
      at: now,
    });
  },

  /** Once per quiet spell (quietAlerted is cleared by `kioskHeard`). */
  async kioskQuiet(tx, fx, id, now) {
    const k = await tx.findOneOrFail(KioskEntity, id);
    k.quietAlerted = true;
    const since = await siteTime(tx, k.siteId, k.lastSeenAt);
    raiseAlert(tx, fx, {
      type: 'KIOSK_QUIET',
      siteId: k.siteId,
      kioskId: k.id,
      message: `Kiosk ${k.name} has not been heard from since ${since}`,
      at: now,
    });
  },

  async kioskHeard(tx, fx, id, now) {
    const k = await tx.findOneOrFail(KioskEntity, id);
    k.quietAlerted = false;
    for (const a of await tx.find(AlertEntity, { kioskId: k.id, type: 'KIOSK_QUIET', resolvedAt: null }))
      resolveEndedAlert(fx, a, now);
  },

  async outageOver(tx, fx, id, now) {
    resolveEndedAlert(fx, await tx.findOneOrFail(AlertEntity, id), now);
  },
};
