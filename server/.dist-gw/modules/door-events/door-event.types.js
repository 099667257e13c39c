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
import { DateTime, PageInfo } from '../../graphql/common.types.js';
import { DoorEventType } from './door-event.enums.js';
import { toCompartmentView } from '../compartments/compartment.types.js';
let DoorEventView = class DoorEventView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], DoorEventView.prototype, "id", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], DoorEventView.prototype, "at", void 0);
__decorate([
    Field(() => DoorEventType),
    __metadata("design:type", String)
], DoorEventView.prototype, "type", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], DoorEventView.prototype, "detail", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Who caused it (staff only)' }),
    __metadata("design:type", Object)
], DoorEventView.prototype, "actor", void 0);
DoorEventView = __decorate([
    ObjectType('DoorEvent')
], DoorEventView);
export { DoorEventView };
export function toDoorEventView(e, compartment) {
    return {
        id: e.id,
        at: e.at,
        type: e.type,
        detail: e.detail,
        actor: e.actor,
        siteId: e.siteId,
        compartmentId: e.compartmentId,
        sessionId: e.sessionId,
        compartment: compartment ? toCompartmentView(compartment) : undefined,
    };
}
let DoorEventConnection = class DoorEventConnection {
};
__decorate([
    Field(() => [DoorEventView]),
    __metadata("design:type", Array)
], DoorEventConnection.prototype, "nodes", void 0);
__decorate([
    Field(() => PageInfo),
    __metadata("design:type", PageInfo)
], DoorEventConnection.prototype, "pageInfo", void 0);
DoorEventConnection = __decorate([
    ObjectType('DoorEventConnection')
], DoorEventConnection);
export { DoorEventConnection };
//# sourceMappingURL=door-event.types.js.map