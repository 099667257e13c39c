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
let StorageSessionEntity = class StorageSessionEntity {
    constructor() {
        this.compartmentId = null;
        this.contactEmail = null;
        this.contactPhone = null;
        this.intent = null;
        this.opStartedAt = null;
        this.opDoorOpened = false;
        this.depositedAt = null;
        this.dueAt = null;
        this.retrievedAt = null;
        this.endedAt = null;
        this.accessOpens = 0;
        this.overdueAlerted = false;
        this.securityAlerted = false;
        this.reminderSent = false;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], StorageSessionEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], StorageSessionEntity.prototype, "siteId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], StorageSessionEntity.prototype, "size", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], StorageSessionEntity.prototype, "status", void 0);
__decorate([
    Property({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "compartmentId", void 0);
__decorate([
    Property({ type: 'string', lazy: true }),
    __metadata("design:type", String)
], StorageSessionEntity.prototype, "codeHash", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], StorageSessionEntity.prototype, "codeIssuedAt", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "contactEmail", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "contactPhone", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], StorageSessionEntity.prototype, "currency", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], StorageSessionEntity.prototype, "price", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], StorageSessionEntity.prototype, "includedMinutes", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], StorageSessionEntity.prototype, "overduePerHour", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], StorageSessionEntity.prototype, "graceMinutes", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], StorageSessionEntity.prototype, "securityAlertAfterMinutes", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "intent", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "opStartedAt", void 0);
__decorate([
    Property({ type: 'boolean' }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "opDoorOpened", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], StorageSessionEntity.prototype, "createdAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "depositedAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "dueAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "retrievedAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "endedAt", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "accessOpens", void 0);
__decorate([
    Property({ type: 'boolean' }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "overdueAlerted", void 0);
__decorate([
    Property({ type: 'boolean' }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "securityAlerted", void 0);
__decorate([
    Property({ type: 'boolean' }),
    __metadata("design:type", Object)
], StorageSessionEntity.prototype, "reminderSent", void 0);
__decorate([
    Property({ type: 'integer', version: true }),
    __metadata("design:type", Number)
], StorageSessionEntity.prototype, "version", void 0);
StorageSessionEntity = __decorate([
    Entity({ tableName: 'storage_session' })
], StorageSessionEntity);
export { StorageSessionEntity };
//# sourceMappingURL=session.entity.js.map