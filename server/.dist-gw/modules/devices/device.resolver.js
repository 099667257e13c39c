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
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { DeviceCredentials, GatewayView, KioskView } from './device.types.js';
import { SiteView, toSiteView } from '../sites/site.types.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';
let GatewayFieldsResolver = class GatewayFieldsResolver {
    async registerGateway(siteId, name, { caller, services }) {
        authorize(caller, 'setup:write');
        return services.devices.registerGateway(parseId(siteId, 'siteId'), name);
    }
    async registerKiosk(siteId, name, { caller, services }) {
        authorize(caller, 'setup:write');
        return services.devices.registerKiosk(parseId(siteId, 'siteId'), name);
    }
    async site(g, { loaders }) {
        return toSiteView((await loaders.site.load(g.siteId)));
    }
};
__decorate([
    Mutation(() => DeviceCredentials, { description: 'ADMIN; the token is shown once' }),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('name', () => String)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], GatewayFieldsResolver.prototype, "registerGateway", null);
__decorate([
    Mutation(() => DeviceCredentials, { description: 'ADMIN; the token is shown once' }),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('name', () => String)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], GatewayFieldsResolver.prototype, "registerKiosk", null);
__decorate([
    FieldResolver(() => SiteView),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [GatewayView, Object]),
    __metadata("design:returntype", Promise)
], GatewayFieldsResolver.prototype, "site", null);
GatewayFieldsResolver = __decorate([
    Resolver(() => GatewayView)
], GatewayFieldsResolver);
export { GatewayFieldsResolver };
let KioskFieldsResolver = class KioskFieldsResolver {
    async site(k, { loaders }) {
        return toSiteView((await loaders.site.load(k.siteId)));
    }
};
__decorate([
    FieldResolver(() => SiteView),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [KioskView, Object]),
    __metadata("design:returntype", Promise)
], KioskFieldsResolver.prototype, "site", null);
KioskFieldsResolver = __decorate([
    Resolver(() => KioskView)
], KioskFieldsResolver);
export { KioskFieldsResolver };
//# sourceMappingURL=device.resolver.js.map