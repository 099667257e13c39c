import { transact } from '../../db/transaction.js';
import { GatewayCommandEntity } from './gateway-command.entity.js';
import { CompartmentEntity } from '../compartments/compartment.entity.js';
import { GatewayEntity } from '../devices/gateway.entity.js';
import { SiteEntity } from '../sites/site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { recordDoorEvent } from '../door-events/door-event.recorder.js';
import { failUnlock } from './unlock.js';
import { toCommandView } from './gateway-command.types.js';
import { toGatewayView } from '../devices/device.types.js';
import { parseId } from '../../shared/ids.js';
/** The server's side of the gateway link: config, the command queue, acks, presence. */
export class GatewayCommandService {
    constructor(em, bus, clock) {
        this.em = em;
        this.bus = bus;
        this.clock = clock;
    }
    async config(gatewayId) {
        const em = this.em.fork();
        const gateway = await em.findOneOrFail(GatewayEntity, gatewayId);
        const site = await em.findOneOrFail(SiteEntity, gateway.siteId);
        const rows = await em.execute(`select c.id, c.label, b.modbus_endpoint as endpoint, c.unit_id, c.coil, c.door_input
       from compartment c join locker_bank b on b.id = c.bank_id where b.gateway_id = ? order by c.label`, [gatewayId]);
        return {
            gateway: toGatewayView(gateway, site.gatewayHeartbeatSeconds, this.clock.now()),
            pulseMs: site.pulseMs,
            compartments: rows.map((r) => ({
                compartmentId: r.id,
                label: r.label,
                modbus: { endpoint: r.endpoint, unitId: r.unit_id, coil: r.coil, doorInput: r.door_input },
            })),
        };
    }
    /** Commands not yet acknowledged and not expired: re-sent when the gateway (re)connects. */
    async pending(gatewayId) {
        const rows = await this.em.fork().find(GatewayCommandEntity, { gatewayId, ackedAt: null, expiresAt: { $gt: this.clock.now() } }, { orderBy: { issuedAt: 'asc' } });
        return rows.map(toCommandView);
    }
    /** Idempotent: a second ack of the same command changes nothing and still answers true. */
    async ack(gatewayId, commandId, result, error) {
        const id = parseId(commandId, 'commandId');
        if (error && error.length > 500)
            throw badInput('error', 'error must be at most 500 characters');
        const actor = `gateway:${gatewayId}`;
        await transact(this.em, this.bus, async (tx, fx) => {
            const command = await tx.findOne(GatewayCommandEntity, id, { lockMode: 3 });
            if (!command || command.gatewayId !== gatewayId)
                throw notFound('Command');
            if (command.ackedAt)
                return;
            const now = this.clock.now();
            command.ackedAt = now;
            command.result = result;
            command.error = error;
            const compartment = await tx.findOneOrFail(CompartmentEntity, command.compartmentId, { lockMode: 3 });
            if (result === 'SUCCEEDED') {
                recordDoorEvent(tx, fx, { type: 'UNLOCKED', compartment, sessionId: command.sessionId, actor, at: now });
            }
            else {
                await failUnlock(tx, fx, command, compartment, error ?? 'the gateway reported a failure', actor, now);
            }
        });
        await this.seen(gatewayId);
        return true;
    }
    /** Presence: called on connect, periodically while connected, and on disconnect. */
    async setConnected(gatewayId, connected) {
        await this.em.fork().nativeUpdate(GatewayEntity, { id: gatewayId }, connected ? { connected, lastSeenAt: this.clock.now(), offlineAlerted: false } : { connected, lastSeenAt: this.clock.now() });
    }
    async seen(gatewayId) {
        await this.em.fork().nativeUpdate(GatewayEntity, { id: gatewayId }, { lastSeenAt: this.clock.now(), offlineAlerted: false });
    }
}
//# sourceMappingURL=gateway-command.service.js.map