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
let GatewayView = class GatewayView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], GatewayView.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], GatewayView.prototype, "name", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], GatewayView.prototype, "online", void 0);
__decorate([
    Field(() => DateTime, { nullable: true }),
    __metadata("design:type", Object)
], GatewayView.prototype, "lastSeenAt", void 0);
GatewayView = __decorate([
    ObjectType('Gateway')
], GatewayView);
export { GatewayView };
/** Online: connected now and heard from within the site's heartbeat window. */
export function toGatewayView(g, heartbeatSeconds, now) {
    const fresh = g.lastSeenAt !== null && now.getTime() - new Date(g.lastSeenAt).getTime() <= heartbeatSeconds * 1000;
    return { id: g.id, name: g.name, online: g.connected && fresh, lastSeenAt: g.lastSeenAt, siteId: g.siteId };
}
let KioskView = class KioskView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], KioskView.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], KioskView.prototype, "name", void 0);
__decorate([
    Field(() => DateTime, { nullable: true }),
    __metadata("design:type", Object)
], KioskView.prototype, "lastSeenAt", void 0);
KioskView = __decorate([
    ObjectType('Kiosk')
], KioskView);
export { KioskView };
export const toKioskView = (k) => ({ id: k.id, name: k.name, lastSeenAt: k.lastSeenAt, siteId: k.siteId });
let DeviceCredentials = class DeviceCredentials {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], DeviceCredentials.prototype, "id", void 0);
__decorate([
    Field(() => String, { description: 'Shown once' }),
    __metadata("design:type", String)
], DeviceCredentials.prototype, "token", void 0);
DeviceCredentials = __decorate([
    ObjectType('DeviceCredentials')
], DeviceCredentials);
export { DeviceCredentials };
//# sourceMappingURL=device.types.js.map