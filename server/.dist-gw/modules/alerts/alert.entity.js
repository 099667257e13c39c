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
let AlertEntity = class AlertEntity {
    constructor() {
        this.compartmentId = null;
        this.sessionId = null;
        this.gatewayId = null;
        this.acknowledgedAt = null;
        this.acknowledgedBy = null;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], AlertEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], AlertEntity.prototype, "type", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], AlertEntity.prototype, "siteId", void 0);
__decorate([
    Property({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AlertEntity.prototype, "compartmentId", void 0);
__decorate([
    Property({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AlertEntity.prototype, "sessionId", void 0);
__decorate([
    Property({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AlertEntity.prototype, "gatewayId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], AlertEntity.prototype, "message", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], AlertEntity.prototype, "createdAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], AlertEntity.prototype, "acknowledgedAt", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], AlertEntity.prototype, "acknowledgedBy", void 0);
AlertEntity = __decorate([
    Entity({ tableName: 'alert' })
], AlertEntity);
export { AlertEntity };
//# sourceMappingURL=alert.entity.js.map