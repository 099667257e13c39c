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
/**
 * The outbox: written in the same transaction as the state change it reports, delivered
 * afterwards with retries. `dedupeKey` makes "one message per event" a constraint.
 */
let NotificationEntity = class NotificationEntity {
    constructor() {
        /** Cleared after delivery when `sensitive` (it holds a one-time code). */
        this.body = null;
        this.sensitive = false;
        this.sessionId = null;
        this.status = 'PENDING';
        this.attempts = 0;
        this.lastError = null;
        this.sentAt = null;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], NotificationEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], NotificationEntity.prototype, "dedupeKey", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], NotificationEntity.prototype, "channel", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], NotificationEntity.prototype, "recipient", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], NotificationEntity.prototype, "subject", void 0);
__decorate([
    Property({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "body", void 0);
__decorate([
    Property({ type: 'boolean' }),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "sensitive", void 0);
__decorate([
    Property({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "sessionId", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], NotificationEntity.prototype, "status", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "attempts", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], NotificationEntity.prototype, "nextAttemptAt", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "lastError", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], NotificationEntity.prototype, "createdAt", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "sentAt", void 0);
NotificationEntity = __decorate([
    Entity({ tableName: 'notification' })
], NotificationEntity);
export { NotificationEntity };
//# sourceMappingURL=notification.entity.js.map