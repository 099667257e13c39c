var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
let LockerBankEntity = class LockerBankEntity {
    constructor() {
        /** The gateway that drives this bank's relay boards; commands for its compartments go there. */
        this.gatewayId = null;
        this.createdAt = new Date();
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], LockerBankEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], LockerBankEntity.prototype, "siteId", void 0);
__decorate([
    Property({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], LockerBankEntity.prototype, "gatewayId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], LockerBankEntity.prototype, "label", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], LockerBankEntity.prototype, "modbusEndpoint", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], LockerBankEntity.prototype, "createdAt", void 0);
LockerBankEntity = __decorate([
    Entity({ tableName: 'locker_bank' })
], LockerBankEntity);
export { LockerBankEntity };
//# sourceMappingURL=locker-bank.entity.js.map