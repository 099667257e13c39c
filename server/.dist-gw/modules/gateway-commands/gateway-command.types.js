var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../graphql/common.types.js';
import { ModbusAddressView } from '../compartments/compartment.types.js';
import { GatewayView } from '../devices/device.types.js';
export const CommandResult = { SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED' };
registerEnumType(CommandResult, { name: 'CommandResult' });
let GatewayCommandView = class GatewayCommandView {
};
__decorate([
    Field(() => ID, { description: 'Idempotency key: the gateway acts once per id' }),
    __metadata("design:type", String)
], GatewayCommandView.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], GatewayCommandView.prototype, "type", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], GatewayCommandView.prototype, "compartmentId", void 0);
__decorate([
    Field(() => ModbusAddressView),
    __metadata("design:type", ModbusAddressView)
], GatewayCommandView.prototype, "modbus", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], GatewayCommandView.prototype, "pulseMs", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], GatewayCommandView.prototype, "issuedAt", void 0);
__decorate([
    Field(() => DateTime, { description: 'A command not executed by then must not be executed' }),
    __metadata("design:type", Date)
], GatewayCommandView.prototype, "expiresAt", void 0);
GatewayCommandView = __decorate([
    ObjectType('GatewayCommand')
], GatewayCommandView);
export { GatewayCommandView };
export const toCommandView = (c) => ({
    id: c.id,
    type: c.type,
    compartmentId: c.compartmentId,
    modbus: { endpoint: c.endpoint, unitId: c.unitId, coil: c.coil, doorInput: c.doorInput },
    pulseMs: c.pulseMs,
    issuedAt: c.issuedAt,
    expiresAt: c.expiresAt,
});
let GatewayCompartmentView = class GatewayCompartmentView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], GatewayCompartmentView.prototype, "compartmentId", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], GatewayCompartmentView.prototype, "label", void 0);
__decorate([
    Field(() => ModbusAddressView),
    __metadata("design:type", ModbusAddressView)
], GatewayCompartmentView.prototype, "modbus", void 0);
GatewayCompartmentView = __decorate([
    ObjectType('GatewayCompartment')
], GatewayCompartmentView);
export { GatewayCompartmentView };
let GatewayConfigView = class GatewayConfigView {
};
__decorate([
    Field(() => GatewayView),
    __metadata("design:type", GatewayView)
], GatewayConfigView.prototype, "gateway", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], GatewayConfigView.prototype, "pulseMs", void 0);
__decorate([
    Field(() => [GatewayCompartmentView]),
    __metadata("design:type", Array)
], GatewayConfigView.prototype, "compartments", void 0);
GatewayConfigView = __decorate([
    ObjectType('GatewayConfig')
], GatewayConfigView);
export { GatewayConfigView };
//# sourceMappingURL=gateway-command.types.js.map