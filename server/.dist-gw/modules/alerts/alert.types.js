var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../graphql/common.types.js';
import { AlertType } from './alert.enums.js';
let AlertView = class AlertView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], AlertView.prototype, "id", void 0);
__decorate([
    Field(() => AlertType),
    __metadata("design:type", String)
], AlertView.prototype, "type", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], AlertView.prototype, "message", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], AlertView.prototype, "createdAt", void 0);
__decorate([
    Field(() => DateTime, { nullable: true }),
    __metadata("design:type", Object)
], AlertView.prototype, "acknowledgedAt", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], AlertView.prototype, "acknowledgedBy", void 0);
AlertView = __decorate([
    ObjectType('Alert')
], AlertView);
export { AlertView };
export const toAlertView = (a) => ({
    id: a.id,
    type: a.type,
    message: a.message,
    createdAt: a.createdAt,
    acknowledgedAt: a.acknowledgedAt,
    acknowledgedBy: a.acknowledgedBy,
    siteId: a.siteId,
    compartmentId: a.compartmentId,
    sessionId: a.sessionId,
});
//# sourceMappingURL=alert.types.js.map