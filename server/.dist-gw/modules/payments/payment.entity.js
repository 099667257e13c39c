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
let PaymentEntity = class PaymentEntity {
    constructor() {
        this.providerRef = null;
        this.clientSecret = null;
        this.status = 'PENDING';
        this.capturedAt = null;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], PaymentEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], PaymentEntity.prototype, "sessionId", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], PaymentEntity.prototype, "amount", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], PaymentEntity.prototype, "currency", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], PaymentEntity.prototype, "provider", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], PaymentEntity.prototype, "providerRef", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], PaymentEntity.prototype, "clientSecret", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], PaymentEntity.prototype, "status", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], PaymentEntity.prototype, "createdAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], PaymentEntity.prototype, "capturedAt", void 0);
PaymentEntity = __decorate([
    Entity({ tableName: 'payment' })
], PaymentEntity);
export { PaymentEntity };
//# sourceMappingURL=payment.entity.js.map