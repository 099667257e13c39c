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
/** A one-time code sent to a depositor's contact; hashed, short-lived, few attempts. */
let RecoveryCodeEntity = class RecoveryCodeEntity {
    constructor() {
        this.attempts = 0;
        this.usedAt = null;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], RecoveryCodeEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], RecoveryCodeEntity.prototype, "siteId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], RecoveryCodeEntity.prototype, "contactKey", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], RecoveryCodeEntity.prototype, "codeHash", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], RecoveryCodeEntity.prototype, "expiresAt", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], RecoveryCodeEntity.prototype, "attempts", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], RecoveryCodeEntity.prototype, "usedAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], RecoveryCodeEntity.prototype, "createdAt", void 0);
RecoveryCodeEntity = __decorate([
    Entity({ tableName: 'recovery_code' })
], RecoveryCodeEntity);
export { RecoveryCodeEntity };
//# sourceMappingURL=recovery-code.entity.js.map