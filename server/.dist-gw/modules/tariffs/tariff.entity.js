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
let TariffEntity = class TariffEntity {
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], TariffEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], TariffEntity.prototype, "siteId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], TariffEntity.prototype, "size", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], TariffEntity.prototype, "price", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], TariffEntity.prototype, "currency", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], TariffEntity.prototype, "includedMinutes", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], TariffEntity.prototype, "overduePerHour", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], TariffEntity.prototype, "graceMinutes", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], TariffEntity.prototype, "securityAlertAfterMinutes", void 0);
TariffEntity = __decorate([
    Entity({ tableName: 'tariff' })
], TariffEntity);
export { TariffEntity };
//# sourceMappingURL=tariff.entity.js.map