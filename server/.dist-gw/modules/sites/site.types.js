var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CompartmentSize } from '../compartments/compartment.enums.js';
import { TariffView } from '../tariffs/tariff.types.js';
let SiteView = class SiteView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], SiteView.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], SiteView.prototype, "name", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], SiteView.prototype, "timezone", void 0);
__decorate([
    Field(() => Int, { description: 'A CREATED session is cancelled after this' }),
    __metadata("design:type", Number)
], SiteView.prototype, "codeLifetimeMinutes", void 0);
__decorate([
    Field(() => Int, { description: 'The door must open within this after an unlock' }),
    __metadata("design:type", Number)
], SiteView.prototype, "depositWindowSeconds", void 0);
__decorate([
    Field(() => Int, { description: 'A door open longer raises LEFT_OPEN' }),
    __metadata("design:type", Number)
], SiteView.prototype, "leftOpenSeconds", void 0);
__decorate([
    Field(() => Int, { description: 'No gateway acknowledgement by then: UNLOCK_FAILED' }),
    __metadata("design:type", Number)
], SiteView.prototype, "unlockAckTimeoutSeconds", void 0);
__decorate([
    Field(() => Int, { description: 'A gateway silent longer raises GATEWAY_OFFLINE' }),
    __metadata("design:type", Number)
], SiteView.prototype, "gatewayHeartbeatSeconds", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SiteView.prototype, "pulseMs", void 0);
SiteView = __decorate([
    ObjectType('Site')
], SiteView);
export { SiteView };
let SizeAvailabilityView = class SizeAvailabilityView {
};
__decorate([
    Field(() => CompartmentSize),
    __metadata("design:type", String)
], SizeAvailabilityView.prototype, "size", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SizeAvailabilityView.prototype, "free", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SizeAvailabilityView.prototype, "total", void 0);
__decorate([
    Field(() => TariffView, { nullable: true }),
    __metadata("design:type", Object)
], SizeAvailabilityView.prototype, "tariff", void 0);
SizeAvailabilityView = __decorate([
    ObjectType('SizeAvailability')
], SizeAvailabilityView);
export { SizeAvailabilityView };
export const toSiteView = (s) => ({
    id: s.id,
    name: s.name,
    timezone: s.timezone,
    codeLifetimeMinutes: s.codeLifetimeMinutes,
    depositWindowSeconds: s.depositWindowSeconds,
    leftOpenSeconds: s.leftOpenSeconds,
    unlockAckTimeoutSeconds: s.unlockAckTimeoutSeconds,
    gatewayHeartbeatSeconds: s.gatewayHeartbeatSeconds,
    pulseMs: s.pulseMs,
});
//# sourceMappingURL=site.types.js.map