import { transact } from '../../db/transaction.js';
import { CompartmentEntity } from './compartment.entity.js';
import { LockerBankEntity } from './locker-bank.entity.js';
import { SiteEntity } from '../sites/site.entity.js';
import { StorageSessionEntity } from '../sessions/session.entity.js';
import { DoorEventEntity } from '../door-events/door-event.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import { requestUnlock } from '../gateway-commands/unlock.js';
import { announceCompartment } from '../door-events/door-event.recorder.js';
/** Compartments: reading them, and the operators' actions on them. */
export class CompartmentService {
    constructor(em, bus, clock) {
        this.em = em;
        this.bus = bus;
        this.clock = clock;
    }
    list(siteId, filter = {}) {
        const where = { siteId };
        if (filter.status)
            where.status = filter.status;
        if (filter.size)
            where.size = filter.size;
        return this.em.fork().find(CompartmentEntity, where, { orderBy: { label: 'asc' } });
    }
    ofBank(bankId) {
        return this.em.fork().find(CompartmentEntity, { bankId }, { orderBy: { label: 'asc' } });
    }
    banksOfSite(siteId) {
        return this.em.fork().find(LockerBankEntity, { siteId }, { orderBy: { label: 'asc' } });
    }
    get(id) {
        return this.em.fork().findOne(CompartmentEntity, id);
    }
    /** Remote open by an operator, recorded with who and why; the door opening is then expected. */
    async operatorOpen(compartmentId, reason, actor) {
        const why = checkReason(reason);
        return transact(this.em, this.bus, async (tx, fx) => {
            const c = await tx.findOne(CompartmentEntity, compartmentId, { lockMode: 3 });
            if (!c)
                throw notFound('Compartment');
            const site = await tx.findOneOrFail(SiteEntity, c.siteId);
            const session = await tx.findOne(StorageSessionEntity, { compartmentId: c.id, status: { $in: ['DEPOSITING', 'STORED', 'RETRIEVING'] } });
            await requestUnlock(tx, fx, { compartment: c, site, sessionId: session?.id ?? null, actor, detail: `operator open: ${why}`, at: this.clock.now() });
            await tx.flush();
            return tx.findOneOrFail(DoorEventEntity, { compartmentId: c.id, type: 'UNLOCK_REQUESTED' }, { orderBy: { seq: 'desc' } });
        });
    }
    /** Out of service: never allocated. Only an empty compartment can be taken out. */
    async setOutOfService(compartmentId, outOfService, reason) {
        if (reason && reason.length > 500)
            throw badInput('reason', 'reason must be at most 500 characters');
        return transact(this.em, this.bus, async (tx, fx) => {
            const c = await tx.findOne(CompartmentEntity, compartmentId, { lockMode: 3 });
            if (!c)
                throw notFound('Compartment');
            const open = await tx.findOne(StorageSessionEntity, { compartmentId: c.id, status: { $in: ['DEPOSITING', 'STORED', 'RETRIEVING'] } });
            if (outOfService) {
                if (open || c.status === 'RESERVED' || c.status === 'OCCUPIED') {
                    throw conflict(`Compartment ${c.label} holds a session; end it before taking the compartment out of service`);
                }
                c.status = 'OUT_OF_SERVICE';
                c.outOfServiceReason = reason?.trim() || null;
            }
            else if (c.status === 'OUT_OF_SERVICE') {
                c.status = 'AVAILABLE';
                c.outOfServiceReason = null;
            }
            announceCompartment(fx, c);
            return c;
        });
    }
}
function checkReason(reason) {
    const why = reason.trim();
    if (why.length < 1 || why.length > 500)
        throw badInput('reason', 'reason must be 1 to 500 characters');
    return why;
}
//# sourceMappingURL=compartment.service.js.map