var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DemoPaymentOutcome, PaymentView, toPaymentView } from './payment.types.js';
import { parseId } from '../../shared/ids.js';
import { authorize } from '../../auth/authorize.js';
import { forbidden, notFound } from '../../errors/domain-error.js';
/** Who may pay for a session: staff, the kiosk of its site, or whoever holds its code. */
async function authorizePayer(caller, services, sessionId, payload) {
    const session = await services.sessions.get(sessionId);
    if (!session)
        throw notFound('Session');
    if (caller.kind === 'user')
        return authorize(caller, 'sessions:write');
    if (caller.kind === 'kiosk')
        return authorize(caller, 'depositor:act', session.siteId);
    if (payload) {
        const byCode = await services.sessions.byCode(session.siteId, payload);
        if (byCode?.id === sessionId)
            return;
    }
    throw forbidden('Pay at the kiosk, or give the access code of this session');
}
let PaymentResolver = class PaymentResolver {
    async createPayment(sessionId, { caller, services }, payload) {
        const id = parseId(sessionId, 'sessionId');
        await authorizePayer(caller, services, id, payload ?? null);
        return toPaymentView(await services.payments.create(id));
    }
    async confirmDemoPayment(paymentId, outcome, { caller, services }) {
        const payment = await services.payments.get(parseId(paymentId, 'paymentId'));
        if (!payment)
            throw notFound('Payment');
        await authorizePayer(caller, services, payment.sessionId, null);
        return toPaymentView(await services.payments.confirmDemo(payment.id, outcome));
    }
    async payment(id, { caller, services }) {
        const payment = await services.payments.get(parseId(id, 'id'));
        if (!payment)
            return null;
        await authorizePayer(caller, services, payment.sessionId, null);
        return toPaymentView(payment);
    }
};
__decorate([
    Mutation(() => PaymentView),
    __param(0, Arg('sessionId', () => ID)),
    __param(1, Ctx()),
    __param(2, Arg('payload', () => String, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String]),
    __metadata("design:returntype", Promise)
], PaymentResolver.prototype, "createPayment", null);
__decorate([
    Mutation(() => PaymentView, { description: 'Demo provider only: the kiosk tap-card answer' }),
    __param(0, Arg('paymentId', () => ID)),
    __param(1, Arg('outcome', () => DemoPaymentOutcome)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], PaymentResolver.prototype, "confirmDemoPayment", null);
__decorate([
    Query(() => PaymentView, { nullable: true }),
    __param(0, Arg('id', () => ID)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], PaymentResolver.prototype, "payment", null);
PaymentResolver = __decorate([
    Resolver(() => PaymentView)
], PaymentResolver);
export { PaymentResolver };
//# sourceMappingURL=payment.resolver.js.map