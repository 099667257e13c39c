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
let FeedbackEntity = class FeedbackEntity {
    constructor() {
        this.comment = null;
    }
};
__decorate([
    PrimaryKey({ type: 'uuid' }),
    __metadata("design:type", String)
], FeedbackEntity.prototype, "id", void 0);
__decorate([
    Property({ type: 'uuid' }),
    __metadata("design:type", String)
], FeedbackEntity.prototype, "sessionId", void 0);
__decorate([
    Property({ type: 'integer' }),
    __metadata("design:type", Number)
], FeedbackEntity.prototype, "rating", void 0);
__decorate([
    Property({ type: 'string', nullable: true }),
    __metadata("design:type", Object)
], FeedbackEntity.prototype, "comment", void 0);
__decorate([
    Property({ type: 'Date', columnType: 'timestamptz' }),
    __metadata("design:type", Date)
], FeedbackEntity.prototype, "createdAt", void 0);
FeedbackEntity = __decorate([
    Entity({ tableName: 'feedback' })
], FeedbackEntity);
export { FeedbackEntity };
//# sourceMappingURL=feedback.entity.js.map