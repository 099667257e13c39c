var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CompartmentSize } from '../compartments/compartment.enums.js';
import { Money, money } from '../../graphql/common.types.js';
let TariffView = class TariffView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], TariffView.prototype, "id", void 0);
__decorate([
    Field(() => CompartmentSize),
    __metadata("design:type", String)
], TariffView.prototype, "size", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], TariffView.prototype, "price", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TariffView.prototype, "includedMinutes", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], TariffView.prototype, "overduePerHour", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TariffView.prototype, "graceMinutes", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TariffView.prototype, "securityAlertAfterMinutes", void 0);
TariffView = __decorate([
    ObjectType('Tariff')
], TariffView);
export { TariffView };
export const toTariffView = (t) => ({
    id: t.id,
    size: t.size,
    price: money(t.price, t.currency),
    includedMinutes: t.includedMinutes,
    overduePerHour: money(t.overduePerHour, t.currency),
    graceMinutes: t.graceMinutes,
    securityAlertAfterMinutes: t.securityAlertAfterMinutes,
});
//# sourceMappingURL=tariff.types.js.map