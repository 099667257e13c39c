import { AlertEntity } from './alert.entity.js';
import { toAlertView } from './alert.types.js';
import { newId } from '../../shared/ids.js';
/** Raises an alert inside the caller's transaction and announces it after the commit. */
export function raiseAlert(tx, fx, input) {
    const alert = tx.create(AlertEntity, {
        id: newId(),
        type: input.type,
        siteId: input.siteId,
        compartmentId: input.compartmentId ?? null,
        sessionId: input.sessionId ?? null,
        gatewayId: input.gatewayId ?? null,
        message: input.message.slice(0, 500),
        createdAt: input.at,
    });
    fx.publish('ALERT_RAISED', input.siteId, () => toAlertView(alert));
    return alert;
}
//# sourceMappingURL=alert.raiser.js.map