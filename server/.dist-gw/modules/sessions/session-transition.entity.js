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
/** The audit trail: who moved a session, when, from which device, and why. */
let SessionTransitionEntity = class SessionTransitionEntity {
    constructor() {
        this.fromStatus = null;
        this.reason = null;
    }
};
__decorate([
    PrimaryKey({ type: 'bigint', autoincrement: true }),
    __metadata("design:type", String)
], SessionTransitionEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], SessionTransitionEntity.prototype, "sessionId", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], SessionTransitionEntity.prototype, "at", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], SessionTransitionEntity.prototype, "fromStatus", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], SessionTransitionEntity.prototype, "toStatus", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], SessionTransitionEntity.prototype, "actor", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], SessionTransitionEntity.prototype, "reason", void 0);
SessionTransitionEntity = __decorate([
    Entity({ tableName: 'session_transition' })
], SessionTransitionEntity);
export { SessionTransitionEntity };
//# sourceMappingURL=session-transition.entity.js.map