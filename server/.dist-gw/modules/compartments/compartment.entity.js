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
let CompartmentEntity = class CompartmentEntity {
    constructor() {
        this.status = 'AVAILABLE';
        this.doorState = 'UNKNOWN';
        /** Source time of the last door change; older reports are ignored. */
        this.doorChangedAt = null;
        /** An opening before this time was asked for (an UNLOCK is pending); after it, it is forced. */
        this.unlockExpectedUntil = null;
        this.leftOpenAlerted = false;
        this.outOfServiceReason = null;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], CompartmentEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], CompartmentEntity.prototype, "bankId", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], CompartmentEntity.prototype, "siteId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], CompartmentEntity.prototype, "label", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], CompartmentEntity.prototype, "size", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], CompartmentEntity.prototype, "status", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], CompartmentEntity.prototype, "doorState", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], CompartmentEntity.prototype, "unitId", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], CompartmentEntity.prototype, "coil", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], CompartmentEntity.prototype, "doorInput", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], CompartmentEntity.prototype, "doorChangedAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], CompartmentEntity.prototype, "unlockExpectedUntil", void 0);
__decorate([
    Property({ type: 'boolean' }),
    __metadata("design:type", Object)
], CompartmentEntity.prototype, "leftOpenAlerted", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], CompartmentEntity.prototype, "outOfServiceReason", void 0);
__decorate([
    Property({ type: 'integer', version: true }),
    __metadata("design:type", Number)
], CompartmentEntity.prototype, "version", void 0);
CompartmentEntity = __decorate([
    Entity({ tableName: 'compartment' })
], CompartmentEntity);
export { CompartmentEntity };
//# sourceMappingURL=compartment.entity.js.map