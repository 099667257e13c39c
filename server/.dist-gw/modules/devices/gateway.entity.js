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
let GatewayEntity = class GatewayEntity {
    constructor() {
        this.connected = false;
        this.lastSeenAt = null;
        this.offlineAlerted = false;
        this.createdAt = new Date();
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], GatewayEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], GatewayEntity.prototype, "siteId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], GatewayEntity.prototype, "name", void 0);
__decorate([
    Property({ type: 'string', lazy: true }),
    __metadata("design:type", String)
], GatewayEntity.prototype, "tokenHash", void 0);
__decorate([
    Property({ type: 'boolean' }),
    __metadata("design:type", Object)
], GatewayEntity.prototype, "connected", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], GatewayEntity.prototype, "lastSeenAt", void 0);
__decorate([
    Property({ type: 'boolean' }),
    __metadata("design:type", Object)
], GatewayEntity.prototype, "offlineAlerted", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], GatewayEntity.prototype, "createdAt", void 0);
GatewayEntity = __decorate([
    Entity({ tableName: 'gateway' })
], GatewayEntity);
export { GatewayEntity };
//# sourceMappingURL=gateway.entity.js.map