var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { TariffView, toTariffView } from './tariff.types.js';
import { CompartmentSize } from '../compartments/compartment.enums.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';
let TariffResolver = class TariffResolver {
    async setTariff(siteId, size, price, currency, includedMinutes, overduePerHour, graceMinutes, securityAlertAfterMinutes, { caller, services }) {
        authorize(caller, 'setup:write');
        const tariff = await services.tariffs.set({
            siteId: parseId(siteId, 'siteId'), size, price, currency, includedMinutes, overduePerHour, graceMinutes, securityAlertAfterMinutes,
        });
        return toTariffView(tariff);
    }
};
__decorate([
    Mutation(() => TariffView, { description: 'ADMIN' }),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('size', () => CompartmentSize)),
    __param(2, Arg('price', () => Int)),
    __param(3, Arg('currency', () => String)),
    __param(4, Arg('includedMinutes', () => Int)),
    __param(5, Arg('overduePerHour', () => Int)),
    __param(6, Arg('graceMinutes', () => Int)),
    __param(7, Arg('securityAlertAfterMinutes', () => Int)),
    __param(8, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Number, String, Number, Number, Number, Number, Object]),
    __metadata("design:returntype", Promise)
], TariffResolver.prototype, "setTariff", null);
TariffResolver = __decorate([
    Resolver(() => TariffView)
], TariffResolver);
export { TariffResolver };
//# sourceMappingURL=tariff.resolver.js.map