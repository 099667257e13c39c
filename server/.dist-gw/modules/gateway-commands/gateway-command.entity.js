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
/** An UNLOCK for one gateway. Its id is the idempotency key; unacknowledged ones are re-sent. */
let GatewayCommandEntity = class GatewayCommandEntity {
    constructor() {
        this.sessionId = null;
        this.type = 'UNLOCK';
        this.ackedAt = null;
        this.result = null;
        this.error = null;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], GatewayCommandEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], GatewayCommandEntity.prototype, "gatewayId", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], GatewayCommandEntity.prototype, "compartmentId", void 0);
__decorate([
    Property({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], GatewayCommandEntity.prototype, "sessionId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", Object)
], GatewayCommandEntity.prototype, "type", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], GatewayCommandEntity.prototype, "endpoint", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], GatewayCommandEntity.prototype, "unitId", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], GatewayCommandEntity.prototype, "coil", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], GatewayCommandEntity.prototype, "doorInput", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], GatewayCommandEntity.prototype, "pulseMs", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], GatewayCommandEntity.prototype, "issuedAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], GatewayCommandEntity.prototype, "expiresAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], GatewayCommandEntity.prototype, "ackedAt", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], GatewayCommandEntity.prototype, "result", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], GatewayCommandEntity.prototype, "error", void 0);
GatewayCommandEntity = __decorate([
    Entity({ tableName: 'gateway_command' })
], GatewayCommandEntity);
export { GatewayCommandEntity };
//# sourceMappingURL=gateway-command.entity.js.map