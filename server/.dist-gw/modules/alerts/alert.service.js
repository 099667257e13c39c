import { transact } from '../../db/transaction.js';
import { AlertEntity } from './alert.entity.js';
import { SiteEntity } from '../sites/site.entity.js';
import { CompartmentEntity } from '../compartments/compartment.entity.js';
import { StorageSessionEntity } from '../sessions/session.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { raiseAlert } from './alert.raiser.js';
import { hashAccessCode, normaliseAccessCode } from '../sessions/access-code.js';
/** Alerts: listing, acknowledging, and depositors' requests for help. */
export class AlertService {
    constructor(em, bus, clock) {
        this.em = em;
        this.bus = bus;
        this.clock = clock;
    }
    list(siteIds, open) {
        const where = {};
        if (siteIds)
            where.siteId = { $in: siteIds };
        if (open === true)
            where.acknowledgedAt = null;
        if (open === false)
            where.acknowledgedAt = { $ne: null };
        return this.em.fork().find(AlertEntity, where, { orderBy: { createdAt: 'desc' }, limit: 500 });
    }
    get(id) {
        return this.em.fork().findOne(AlertEntity, id);
    }
    /** Idempotent: acknowledging twice keeps the first acknowledgement. */
    async acknowledge(id, actor) {
        const em = this.em.fork();
        return em.transactional(async (tx) => {
            const alert = await tx.findOne(AlertEntity, id, { lockMode: 3 });
            if (!alert)
                throw notFound('Alert');
            if (!alert.acknowledgedAt) {
                alert.acknowledgedAt = this.clock.now();
                alert.acknowledgedBy = actor;
            }
            return alert;
        });
    }
    /** "The door did not open" and the like: an ASSISTANCE_REQUESTED alert for the operators. */
    async requestAssistance(req) {
        const reason = req.reason.trim();
        if (reason.length < 1 || reason.length > 500)
            throw badInput('reason', 'reason must be 1 to 500 characters');
        if (req.compartmentLabel && req.compartmentLabel.length > 20)
            throw badInput('compartmentLabel', 'compartmentLabel is too long');
        return transact(this.em, this.bus, async (tx, fx) => {
            if (!(await tx.findOne(SiteEntity, req.siteId)))
                throw notFound('Site');
            let session = null;
            if (req.payload) {
                const code = normaliseAccessCode(req.payload);
                session = code ? await tx.findOne(StorageSessionEntity, { codeHash: hashAccessCode(code), siteId: req.siteId }) : null;
            }
            const byLabel = req.compartmentLabel
                ? await tx.findOne(CompartmentEntity, { siteId: req.siteId, label: req.compartmentLabel.trim().toUpperCase() })
                : null;
            const compartmentId = byLabel?.id ?? session?.compartmentId ?? null;
            const label = byLabel?.label ?? (compartmentId ? (await tx.findOne(CompartmentEntity, compartmentId))?.label : null);
            return raiseAlert(tx, fx, {
                type: 'ASSISTANCE_REQUESTED',
                siteId: req.siteId,
                compartmentId,
                sessionId: session?.id ?? null,
                message: `Help requested${label ? ` at compartment ${label}` : ''}: ${reason}`,
                at: this.clock.now(),
            });
        });
    }
}
//# sourceMappingURL=alert.service.js.map