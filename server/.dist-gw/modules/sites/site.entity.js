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
let SiteEntity = class SiteEntity {
    constructor() {
        this.codeLifetimeMinutes = 60;
        this.depositWindowSeconds = 120;
        this.leftOpenSeconds = 120;
        this.unlockAckTimeoutSeconds = 10;
        this.gatewayHeartbeatSeconds = 30;
        this.pulseMs = 500;
        this.createdAt = new Date();
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], SiteEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], SiteEntity.prototype, "name", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], SiteEntity.prototype, "timezone", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], SiteEntity.prototype, "codeLifetimeMinutes", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], SiteEntity.prototype, "depositWindowSeconds", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], SiteEntity.prototype, "leftOpenSeconds", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], SiteEntity.prototype, "unlockAckTimeoutSeconds", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], SiteEntity.prototype, "gatewayHeartbeatSeconds", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], SiteEntity.prototype, "pulseMs", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], SiteEntity.prototype, "createdAt", void 0);
SiteEntity = __decorate([
    Entity({ tableName: 'site' })
], SiteEntity);
export { SiteEntity };
//# sourceMappingURL=site.entity.js.map