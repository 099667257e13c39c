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
let DoorEventEntity = class DoorEventEntity {
    constructor() {
        this.sessionId = null;
        this.actor = null;
        this.detail = null;
    }
};
__decorate([
    PrimaryKey({ type: 'bigint', autoincrement: true }),
    __metadata("design:type", String)
], DoorEventEntity.prototype, "seq", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], DoorEventEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], DoorEventEntity.prototype, "at", void 0);
__decorate([
    Property({ type: 'string' }),
    __metadata("design:type", String)
], DoorEventEntity.prototype, "type", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], DoorEventEntity.prototype, "siteId", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], DoorEventEntity.prototype, "compartmentId", void 0);
__decorate([
    Property({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], DoorEventEntity.prototype, "sessionId", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], DoorEventEntity.prototype, "actor", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], DoorEventEntity.prototype, "detail", void 0);
DoorEventEntity = __decorate([
    Entity({ tableName: 'door_event' })
], DoorEventEntity);
export { DoorEventEntity };
//# sourceMappingURL=door-event.entity.js.map