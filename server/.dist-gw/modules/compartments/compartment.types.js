var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength, Min, Max, MinLength } from 'class-validator';
import { CompartmentSize, CompartmentStatus, DoorState } from './compartment.enums.js';
let CompartmentView = class CompartmentView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], CompartmentView.prototype, "id", void 0);
__decorate([
    Field(() => String, { description: 'Printed on the door, unique in its site, e.g. "A07"' }),
    __metadata("design:type", String)
], CompartmentView.prototype, "label", void 0);
__decorate([
    Field(() => CompartmentSize),
    __metadata("design:type", String)
], CompartmentView.prototype, "size", void 0);
__decorate([
    Field(() => CompartmentStatus),
    __metadata("design:type", String)
], CompartmentView.prototype, "status", void 0);
__decorate([
    Field(() => DoorState),
    __metadata("design:type", String)
], CompartmentView.prototype, "doorState", void 0);
__decorate([
    Field(() => Int, { description: 'Grows with every change: a reconnecting client keeps the newest' }),
    __metadata("design:type", Number)
], CompartmentView.prototype, "version", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Why it is out of service (staff only)' }),
    __metadata("design:type", Object)
], CompartmentView.prototype, "outOfServiceReason", void 0);
CompartmentView = __decorate([
    ObjectType('Compartment')
], CompartmentView);
export { CompartmentView };
export const toCompartmentView = (c) => ({
    id: c.id,
    label: c.label,
    size: c.size,
    status: c.status,
    doorState: c.doorState,
    version: c.version,
    outOfServiceReason: c.outOfServiceReason,
    bankId: c.bankId,
    siteId: c.siteId,
});
let LockerBankView = class LockerBankView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], LockerBankView.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], LockerBankView.prototype, "label", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], LockerBankView.prototype, "modbusEndpoint", void 0);
LockerBankView = __decorate([
    ObjectType('LockerBank')
], LockerBankView);
export { LockerBankView };
export const toBankView = (b) => ({
    id: b.id,
    label: b.label,
    modbusEndpoint: b.modbusEndpoint,
    siteId: b.siteId,
    gatewayId: b.gatewayId,
});
let ModbusAddressView = class ModbusAddressView {
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ModbusAddressView.prototype, "endpoint", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ModbusAddressView.prototype, "unitId", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ModbusAddressView.prototype, "coil", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ModbusAddressView.prototype, "doorInput", void 0);
ModbusAddressView = __decorate([
    ObjectType('ModbusAddress')
], ModbusAddressView);
export { ModbusAddressView };
let CompartmentInput = class CompartmentInput {
};
__decorate([
    Field(() => String),
    MinLength(1),
    MaxLength(20),
    __metadata("design:type", String)
], CompartmentInput.prototype, "label", void 0);
__decorate([
    Field(() => CompartmentSize),
    __metadata("design:type", String)
], CompartmentInput.prototype, "size", void 0);
__decorate([
    Field(() => Int),
    Min(0),
    Max(255),
    __metadata("design:type", Number)
], CompartmentInput.prototype, "unitId", void 0);
__decorate([
    Field(() => Int),
    Min(0),
    Max(65535),
    __metadata("design:type", Number)
], CompartmentInput.prototype, "coil", void 0);
__decorate([
    Field(() => Int),
    Min(0),
    Max(65535),
    __metadata("design:type", Number)
], CompartmentInput.prototype, "doorInput", void 0);
CompartmentInput = __decorate([
    InputType('CompartmentInput')
], CompartmentInput);
export { CompartmentInput };
//# sourceMappingURL=compartment.types.js.map