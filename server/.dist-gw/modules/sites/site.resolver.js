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
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SiteView, SizeAvailabilityView, toSiteView } from './site.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { siteScope } from '../../auth/visibility.js';
import { parseId } from '../../shared/ids.js';
import { LockerBankView, CompartmentView, toBankView, toCompartmentView } from '../compartments/compartment.types.js';
import { CompartmentSize, CompartmentStatus } from '../compartments/compartment.enums.js';
import { TariffView, toTariffView } from '../tariffs/tariff.types.js';
import { GatewayView, KioskView, toGatewayView, toKioskView } from '../devices/device.types.js';
import { forbidden } from '../../errors/domain-error.js';
let SiteResolver = class SiteResolver {
    async sites({ caller, services }) {
        const scope = siteScope(caller, null);
        authorize(caller, 'sites:read', scope?.[0]);
        return (await services.sites.list(scope ?? undefined)).map(toSiteView);
    }
    /** Public: the depositor's phone page shows a site's name, sizes and prices. */
    async site(id, { services }) {
        const site = await services.sites.get(parseId(id, 'id'));
        return site ? toSiteView(site) : null;
    }
    async createSite(name, timezone, { caller, services }) {
        authorize(caller, 'setup:write');
        return toSiteView(await services.sites.create(name, timezone));
    }
    async updateSite(id, { caller, services }, name, timezone, codeLifetimeMinutes, depositWindowSeconds, leftOpenSeconds, unlockAckTimeoutSeconds, gatewayHeartbeatSeconds, pulseMs) {
        authorize(caller, 'setup:write');
        const site = await services.sites.update(parseId(id, 'id'), {
            name, timezone, codeLifetimeMinutes, depositWindowSeconds, leftOpenSeconds, unlockAckTimeoutSeconds, gatewayHeartbeatSeconds, pulseMs,
        });
        return toSiteView(site);
    }
    async banks(site, { caller, services }) {
        authorize(caller, 'sites:read', site.id);
        return (await services.compartments.banksOfSite(site.id)).map(toBankView);
    }
    async compartments(site, { caller, services }, status, size) {
        authorize(caller, 'sites:read', site.id);
        return (await services.compartments.list(site.id, { status, size })).map(toCompartmentView);
    }
    async availability(site, { services }) {
        const [sizes, tariffs] = await Promise.all([services.sites.availability(site.id), services.tariffs.forSite(site.id)]);
        return sizes.map((a) => {
            const tariff = tariffs.find((t) => t.size === a.size);
            return { ...a, tariff: tariff ? toTariffView(tariff) : null };
        });
    }
    async tariffs(site, { services }) {
        return (await services.tariffs.forSite(site.id)).map(toTariffView);
    }
    async gateways(site, { caller, services }) {
        if (caller.kind !== 'user' && caller.kind !== 'apiKey')
            throw forbidden('Staff only');
        authorize(caller, 'sites:read');
        const now = services.infra.clock.now();
        return (await services.devices.gatewaysOfSite(site.id)).map((g) => toGatewayView(g, site.gatewayHeartbeatSeconds, now));
    }
    async kiosks(site, { caller, services }) {
        if (caller.kind !== 'user' || !can(caller, 'sites:read'))
            throw forbidden('Staff only');
        return (await services.devices.kiosksOfSite(site.id)).map(toKioskView);
    }
};
__decorate([
    Query(() => [SiteView]),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "sites", null);
__decorate([
    Query(() => SiteView, { nullable: true }),
    __param(0, Arg('id', () => ID)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "site", null);
__decorate([
    Mutation(() => SiteView, { description: 'ADMIN' }),
    __param(0, Arg('name', () => String)),
    __param(1, Arg('timezone', () => String)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "createSite", null);
__decorate([
    Mutation(() => SiteView, { description: 'ADMIN' }),
    __param(0, Arg('id', () => ID)),
    __param(1, Ctx()),
    __param(2, Arg('name', () => String, { nullable: true })),
    __param(3, Arg('timezone', () => String, { nullable: true })),
    __param(4, Arg('codeLifetimeMinutes', () => Int, { nullable: true })),
    __param(5, Arg('depositWindowSeconds', () => Int, { nullable: true })),
    __param(6, Arg('leftOpenSeconds', () => Int, { nullable: true })),
    __param(7, Arg('unlockAckTimeoutSeconds', () => Int, { nullable: true })),
    __param(8, Arg('gatewayHeartbeatSeconds', () => Int, { nullable: true })),
    __param(9, Arg('pulseMs', () => Int, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String, String, Number, Number, Number, Number, Number, Number]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "updateSite", null);
__decorate([
    FieldResolver(() => [LockerBankView]),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SiteView, Object]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "banks", null);
__decorate([
    FieldResolver(() => [CompartmentView]),
    __param(0, Root()),
    __param(1, Ctx()),
    __param(2, Arg('status', () => CompartmentStatus, { nullable: true })),
    __param(3, Arg('size', () => CompartmentSize, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SiteView, Object, String, String]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "compartments", null);
__decorate([
    FieldResolver(() => [SizeAvailabilityView]),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SiteView, Object]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "availability", null);
__decorate([
    FieldResolver(() => [TariffView]),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SiteView, Object]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "tariffs", null);
__decorate([
    FieldResolver(() => [GatewayView], { description: 'Staff only' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SiteView, Object]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "gateways", null);
__decorate([
    FieldResolver(() => [KioskView], { description: 'Staff only' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SiteView, Object]),
    __metadata("design:returntype", Promise)
], SiteResolver.prototype, "kiosks", null);
SiteResolver = __decorate([
    Resolver(() => SiteView)
], SiteResolver);
export { SiteResolver };
//# sourceMappingURL=site.resolver.js.map