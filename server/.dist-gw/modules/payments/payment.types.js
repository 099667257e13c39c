var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, Money, money } from '../../graphql/common.types.js';
export const PaymentStatus = { PENDING: 'PENDING', CAPTURED: 'CAPTURED', DECLINED: 'DECLINED', CANCELLED: 'CANCELLED', REFUNDED: 'REFUNDED' };
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
export const DemoPaymentOutcome = { APPROVE: 'APPROVE', DECLINE: 'DECLINE', CANCEL: 'CANCEL' };
registerEnumType(DemoPaymentOutcome, { name: 'DemoPaymentOutcome' });
let PaymentView = class PaymentView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], PaymentView.prototype, "id", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], PaymentView.prototype, "sessionId", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], PaymentView.prototype, "amount", void 0);
__decorate([
    Field(() => PaymentStatus),
    __metadata("design:type", Object)
], PaymentView.prototype, "status", void 0);
__decorate([
    Field(() => String, { description: '"demo" (kiosk tap-card) or a card provider' }),
    __metadata("design:type", String)
], PaymentView.prototype, "provider", void 0);
__decorate([
    Field(() => String, { nullable: true, description: "What a card provider's widget needs; null for demo" }),
    __metadata("design:type", Object)
], PaymentView.prototype, "clientSecret", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], PaymentView.prototype, "createdAt", void 0);
__decorate([
    Field(() => DateTime, { nullable: true }),
    __metadata("design:type", Object)
], PaymentView.prototype, "capturedAt", void 0);
PaymentView = __decorate([
    ObjectType('Payment')
], PaymentView);
export { PaymentView };
export const toPaymentView = (p) => ({
    id: p.id,
    sessionId: p.sessionId,
    amount: money(p.amount, p.currency),
    status: p.status,
    provider: p.provider,
    clientSecret: p.clientSecret,
    createdAt: p.createdAt,
    capturedAt: p.capturedAt,
});
//# sourceMappingURL=payment.types.js.map