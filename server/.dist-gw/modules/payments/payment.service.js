import { transact } from '../../db/transaction.js';
import { PaymentEntity } from './payment.entity.js';
import { StorageSessionEntity } from '../sessions/session.entity.js';
import { conflict, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { amountDue } from '../sessions/charges.js';
import { announceSession, paidFor } from '../sessions/session-moves.js';
/** Payments for a session's amount due. `amountDue` drops only on a captured payment. */
export class PaymentService {
    constructor(em, bus, clock, provider) {
        this.em = em;
        this.bus = bus;
        this.clock = clock;
        this.provider = provider;
    }
    async create(sessionId) {
        const id = newId();
        return transact(this.em, this.bus, async (tx) => {
            const session = await tx.findOne(StorageSessionEntity, sessionId, { lockMode: 3 });
            if (!session)
                throw notFound('Session');
            const due = amountDue({ ...session, paid: await paidFor(tx, session.id) }, this.clock.now());
            if (due === 0)
                throw conflict('Nothing is due for this session');
            const started = await this.provider.start(due, session.currency, id);
            return tx.create(PaymentEntity, {
                id,
                sessionId,
                amount: due,
                currency: session.currency,
                provider: this.provider.name,
                providerRef: started.providerRef,
                clientSecret: started.clientSecret,
                status: 'PENDING',
                createdAt: this.clock.now(),
            });
        });
    }
    /** The demo provider's answer. Confirming a settled payment again changes nothing. */
    async confirmDemo(paymentId, outcome) {
        return transact(this.em, this.bus, async (tx, fx) => {
            const payment = await tx.findOne(PaymentEntity, paymentId, { lockMode: 3 });
            if (!payment)
                throw notFound('Payment');
            if (payment.provider !== 'demo')
                throw conflict('Only demo payments are confirmed this way');
            if (payment.status !== 'PENDING')
                return payment;
            payment.status = outcome === 'APPROVE' ? 'CAPTURED' : outcome === 'DECLINE' ? 'DECLINED' : 'CANCELLED';
            if (payment.status === 'CAPTURED')
                payment.capturedAt = this.clock.now();
            await tx.flush();
            const session = await tx.findOneOrFail(StorageSessionEntity, payment.sessionId);
            await announceSession(tx, fx, session);
            return payment;
        });
    }
    get(id) {
        return this.em.fork().findOne(PaymentEntity, id);
    }
    forSession(sessionId) {
        return this.em.fork().find(PaymentEntity, { sessionId }, { orderBy: { createdAt: 'asc' } });
    }
}
//# sourceMappingURL=payment.service.js.map