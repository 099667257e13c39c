import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../../db/transaction.js';
import { AlertEntity } from '../../entities/alert.entity.js';
import type { AlertType } from '../../entities/alert.enums.js';
import { toAlertView } from './alert.types.js';
import { newId } from '../../shared/ids.js';
import { emitWebhookEvent } from '../webhooks/webhook-events.js';

export interface AlertInput {
  type: AlertType;
  siteId: string;
  message: string;
  at: Date;
  compartmentId?: string | null;
  sessionId?: string | null;
  gatewayId?: string | null;
  kioskId?: string | null;
}

/** Raises an alert inside the caller's transaction and announces it after the commit. */
export function raiseAlert(tx: EntityManager, fx: Effects, input: AlertInput): AlertEntity {
  const alert = tx.create(AlertEntity, {
    id: newId(),
    type: input.type,
    siteId: input.siteId,
    compartmentId: input.compartmentId ?? null,
    sessionId: input.sessionId ?? null,
    gatewayId: input.gatewayId ?? null,
    kioskId: input.kioskId ?? null,
    message: input.message.slice(0, 500),
    createdAt: input.at,
  } as AlertEntity);
  fx.publish('ALERT_RAISED', input.siteId, () => toAlertView(alert));
  fx.inTransaction((tx2) =>
    emitWebhookEvent(
      tx2,
      'alert.raised',
      {
        alertId: alert.id,
        type: alert.type,
        siteId: alert.siteId,
        compartmentId: alert.compartmentId,
        sessionId: alert.sessionId,
        gatewayId: alert.gatewayId,
        message: alert.message,
        createdAt: alert.createdAt.toISOString(),
      },
      input.at,
    ),
  );
  return alert;
}

/**
 * An alert whose condition ended by itself (the kiosk is heard again, the outage is over, the
 * bag's due time moved on): resolved inside the caller's transaction with nobody named
 * (`resolvedBy` stays empty), and dashboards hear of it after the commit.
 */
export function resolveEndedAlert(fx: Effects, alert: AlertEntity, at: Date): void {
  alert.resolvedAt = at;
  fx.publish('ALERT_RAISED', alert.siteId, () => toAlertView(alert));
}
