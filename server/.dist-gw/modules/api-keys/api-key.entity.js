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
let ApiKeyEntity = class ApiKeyEntity {
    constructor() {
        this.createdAt = new Date();
        this.revokedAt = null;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], ApiKeyEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], ApiKeyEntity.prototype, "name", void 0);
__decorate([
    Property({ type: 'string[]', columnType: 'text[]' }),
    __metadata("design:type", Array)
], ApiKeyEntity.prototype, "scopes", void 0);
__decorate([
    Property({ type: 'string', lazy: true }),
    __metadata("design:type", String)
], ApiKeyEntity.prototype, "secretHash", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], ApiKeyEntity.prototype, "createdAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApiKeyEntity.prototype, "revokedAt", void 0);
ApiKeyEntity = __decorate([
    Entity({ tableName: 'api_key' })
], ApiKeyEntity);
export { ApiKeyEntity };
//# sourceMappingURL=api-key.entity.js.map