var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CompartmentSize } from '../compartments/compartment.enums.js';
import { CompartmentView } from '../compartments/compartment.types.js';
import { DateTime, Money, PageInfo } from '../../graphql/common.types.js';
import { SessionStatus } from './session.state.js';
export const ScanIntent = { RETRIEVE: 'RETRIEVE', ACCESS: 'ACCESS' };
registerEnumType(ScanIntent, { name: 'ScanIntent' });
export const ScanOutcome = {
    UNLOCKING_FOR_DEPOSIT: 'UNLOCKING_FOR_DEPOSIT',
    UNLOCKING_FOR_RETRIEVAL: 'UNLOCKING_FOR_RETRIEVAL',
    UNLOCKING_FOR_ACCESS: 'UNLOCKING_FOR_ACCESS',
    PAYMENT_REQUIRED: 'PAYMENT_REQUIRED',
    NO_COMPARTMENT_AVAILABLE: 'NO_COMPARTMENT_AVAILABLE',
    INVALID_CODE: 'INVALID_CODE',
    WRONG_SITE: 'WRONG_SITE',
    SESSION_CLOSED: 'SESSION_CLOSED',
    BUSY: 'BUSY',
};
registerEnumType(ScanOutcome, { name: 'ScanOutcome' });
/**
 * A storage session as the API shows it. `paid` (captured payments) travels with it so
 * `amountDue` and `overdue` are computed at read time from the tariff snapshot.
 */
let SessionView = class SessionView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], SessionView.prototype, "id", void 0);
__decorate([
    Field(() => SessionStatus),
    __metadata("design:type", String)
], SessionView.prototype, "status", void 0);
__decorate([
    Field(() => CompartmentSize),
    __metadata("design:type", String)
], SessionView.prototype, "size", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], SessionView.prototype, "createdAt", void 0);
__decorate([
    Field(() => DateTime, { nullable: true }),
    __metadata("design:type", Object)
], SessionView.prototype, "depositedAt", void 0);
__decorate([
    Field(() => DateTime, { nullable: true }),
    __metadata("design:type", Object)
], SessionView.prototype, "dueAt", void 0);
__decorate([
    Field(() => DateTime, { nullable: true }),
    __metadata("design:type", Object)
], SessionView.prototype, "retrievedAt", void 0);
__decorate([
    Field(() => ScanIntent, { nullable: true, description: 'The door operation under way, if any' }),
    __metadata("design:type", Object)
], SessionView.prototype, "intent", void 0);
SessionView = __decorate([
    ObjectType('StorageSession')
], SessionView);
export { SessionView };
export function toSessionView(s, paid) {
    return {
        id: s.id,
        status: s.status,
        size: s.size,
        createdAt: s.createdAt,
        depositedAt: s.depositedAt,
        dueAt: s.dueAt,
        retrievedAt: s.retrievedAt,
        intent: s.intent === 'DEPOSIT' || s.intent === null ? null : s.intent,
        siteId: s.siteId,
        compartmentId: s.compartmentId,
        contact: { email: s.contactEmail, phone: s.contactPhone },
        pricing: { currency: s.currency, price: s.price, overduePerHour: s.overduePerHour, graceMinutes: s.graceMinutes },
        paid,
        endedAt: s.endedAt,
    };
}
let AccessCodeView = class AccessCodeView {
};
__decorate([
    Field(() => String, { description: 'The exact text encoded in the QR code' }),
    __metadata("design:type", String)
], AccessCodeView.prototype, "payload", void 0);
__decorate([
    Field(() => String, { description: 'An SVG image of that QR code' }),
    __metadata("design:type", String)
], AccessCodeView.prototype, "qrSvg", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], AccessCodeView.prototype, "issuedAt", void 0);
AccessCodeView = __decorate([
    ObjectType('AccessCode')
], AccessCodeView);
export { AccessCodeView };
let IssuedAccessCode = class IssuedAccessCode {
};
__decorate([
    Field(() => SessionView),
    __metadata("design:type", SessionView)
], IssuedAccessCode.prototype, "session", void 0);
__decorate([
    Field(() => AccessCodeView),
    __metadata("design:type", AccessCodeView)
], IssuedAccessCode.prototype, "code", void 0);
IssuedAccessCode = __decorate([
    ObjectType('IssuedAccessCode')
], IssuedAccessCode);
export { IssuedAccessCode };
let ScanResult = class ScanResult {
};
__decorate([
    Field(() => ScanOutcome),
    __metadata("design:type", String)
], ScanResult.prototype, "outcome", void 0);
__decorate([
    Field(() => SessionView, { nullable: true }),
    __metadata("design:type", Object)
], ScanResult.prototype, "session", void 0);
__decorate([
    Field(() => CompartmentView, { nullable: true }),
    __metadata("design:type", Object)
], ScanResult.prototype, "compartment", void 0);
__decorate([
    Field(() => Money, { nullable: true }),
    __metadata("design:type", Object)
], ScanResult.prototype, "amountDue", void 0);
__decorate([
    Field(() => String, { description: 'Short, human, safe to show on the kiosk' }),
    __metadata("design:type", String)
], ScanResult.prototype, "message", void 0);
ScanResult = __decorate([
    ObjectType('ScanResult')
], ScanResult);
export { ScanResult };
let SessionConnection = class SessionConnection {
};
__decorate([
    Field(() => [SessionView]),
    __metadata("design:type", Array)
], SessionConnection.prototype, "nodes", void 0);
__decorate([
    Field(() => PageInfo),
    __metadata("design:type", PageInfo)
], SessionConnection.prototype, "pageInfo", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SessionConnection.prototype, "totalCount", void 0);
SessionConnection = __decorate([
    ObjectType('SessionConnection')
], SessionConnection);
export { SessionConnection };
let SessionTransitionView = class SessionTransitionView {
};
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], SessionTransitionView.prototype, "at", void 0);
__decorate([
    Field(() => SessionStatus, { nullable: true }),
    __metadata("design:type", Object)
], SessionTransitionView.prototype, "from", void 0);
__decorate([
    Field(() => SessionStatus),
    __metadata("design:type", String)
], SessionTransitionView.prototype, "to", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], SessionTransitionView.prototype, "actor", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], SessionTransitionView.prototype, "reason", void 0);
SessionTransitionView = __decorate([
    ObjectType('SessionTransition')
], SessionTransitionView);
export { SessionTransitionView };
//# sourceMappingURL=session.types.js.map