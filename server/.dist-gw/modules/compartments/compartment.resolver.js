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
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { CompartmentView, LockerBankView, CompartmentInput, toCompartmentView, toBankView } from './compartment.types.js';
import { SiteView, toSiteView } from '../sites/site.types.js';
import { GatewayView, toGatewayView } from '../devices/device.types.js';
import { SessionView } from '../sessions/session.types.js';
import { DoorEventView, toDoorEventView } from '../door-events/door-event.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { parseId, parseOptionalId } from '../../shared/ids.js';
import { notFound } from '../../errors/domain-error.js';
import { subscribeSiteTopic } from '../../graphql/subscriptions.js';
import { actorName } from '../../auth/caller.js';
let LockerBankResolver = class LockerBankResolver {
    async createLockerBank(siteId, label, modbusEndpoint, compartments, { caller, services }, gatewayId) {
        authorize(caller, 'setup:write');
        const bank = await services.banks.create({
            siteId: parseId(siteId, 'siteId'), label, modbusEndpoint, gatewayId: parseOptionalId(gatewayId, 'gatewayId'), compartments,
        });
        return toBankView(bank);
    }
    async site(bank, { loaders }) {
        return toSiteView((await loaders.site.load(bank.siteId)));
    }
    async gateway(bank, { loaders, services }) {
        if (!bank.gatewayId)
            return null;
        const [gateway, site] = await Promise.all([loaders.gateway.load(bank.gatewayId), loaders.site.load(bank.siteId)]);
        return gateway && site ? toGatewayView(gateway, site.gatewayHeartbeatSeconds, services.infra.clock.now()) : null;
    }
    async compartments(bank, { services }) {
        return (await services.compartments.ofBank(bank.id)).map(toCompartmentView);
    }
};
__decorate([
    Mutation(() => LockerBankView, { description: 'ADMIN' }),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('label', () => String)),
    __param(2, Arg('modbusEndpoint', () => String)),
    __param(3, Arg('compartments', () => [CompartmentInput])),
    __param(4, Ctx()),
    __param(5, Arg('gatewayId', () => ID, { nullable: true, description: "Defaults to the site's gateway" })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, String, Array, Object, String]),
    __metadata("design:returntype", Promise)
], LockerBankResolver.prototype, "createLockerBank", null);
__decorate([
    FieldResolver(() => SiteView),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [LockerBankView, Object]),
    __metadata("design:returntype", Promise)
], LockerBankResolver.prototype, "site", null);
__decorate([
    FieldResolver(() => GatewayView, { nullable: true }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [LockerBankView, Object]),
    __metadata("design:returntype", Promise)
], LockerBankResolver.prototype, "gateway", null);
__decorate([
    FieldResolver(() => [CompartmentView]),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [LockerBankView, Object]),
    __metadata("design:returntype", Promise)
], LockerBankResolver.prototype, "compartments", null);
LockerBankResolver = __decorate([
    Resolver(() => LockerBankView)
], LockerBankResolver);
export { LockerBankResolver };
let CompartmentResolver = class CompartmentResolver {
    async operatorOpenCompartment(compartmentId, reason, { caller, services }) {
        authorize(caller, 'compartments:operate');
        const event = await services.compartments.operatorOpen(parseId(compartmentId, 'compartmentId'), reason, actorName(caller));
        return toDoorEventView(event);
    }
    async setCompartmentOutOfService(compartmentId, outOfService, { caller, services }, reason) {
        authorize(caller, 'compartments:operate');
        return toCompartmentView(await services.compartments.setOutOfService(parseId(compartmentId, 'compartmentId'), outOfService, reason ?? null));
    }
    async bank(c, { loaders }) {
        const bank = await loaders.bank.load(c.bankId);
        if (!bank)
            throw notFound('Bank');
        return toBankView(bank);
    }
    async currentSession(c, { caller, services }) {
        if (!can(caller, 'sessions:read', c.siteId))
            return null;
        return services.sessions.openOnCompartment(c.id);
    }
    outOfServiceReason(c, { caller }) {
        return caller.kind === 'user' ? c.outOfServiceReason : null;
    }
    compartmentUpdated(c, _siteId) {
        return c;
    }
};
__decorate([
    Mutation(() => DoorEventView, { description: 'ADMIN or OPERATOR: remote open, recorded with who and why' }),
    __param(0, Arg('compartmentId', () => ID)),
    __param(1, Arg('reason', () => String)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], CompartmentResolver.prototype, "operatorOpenCompartment", null);
__decorate([
    Mutation(() => CompartmentView, { description: 'ADMIN or OPERATOR' }),
    __param(0, Arg('compartmentId', () => ID)),
    __param(1, Arg('outOfService', () => Boolean)),
    __param(2, Ctx()),
    __param(3, Arg('reason', () => String, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Boolean, Object, String]),
    __metadata("design:returntype", Promise)
], CompartmentResolver.prototype, "setCompartmentOutOfService", null);
__decorate([
    FieldResolver(() => LockerBankView),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CompartmentView, Object]),
    __metadata("design:returntype", Promise)
], CompartmentResolver.prototype, "bank", null);
__decorate([
    FieldResolver(() => SessionView, { nullable: true, description: 'null for callers without the right to see sessions' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CompartmentView, Object]),
    __metadata("design:returntype", Promise)
], CompartmentResolver.prototype, "currentSession", null);
__decorate([
    FieldResolver(() => String, { nullable: true }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CompartmentView, Object]),
    __metadata("design:returntype", Object)
], CompartmentResolver.prototype, "outOfServiceReason", null);
__decorate([
    Subscription(() => CompartmentView, {
        subscribe: ({ args, context }) => {
            const ctx = context;
            // a kiosk follows its own site's availability; everyone else needs events:subscribe
            const permission = ctx.caller.kind === 'kiosk' ? 'sites:read' : 'events:subscribe';
            return subscribeSiteTopic(ctx, 'COMPARTMENT_UPDATED', args.siteId, permission);
        },
    }),
    __param(0, Root()),
    __param(1, Arg('siteId', () => ID, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CompartmentView, String]),
    __metadata("design:returntype", CompartmentView)
], CompartmentResolver.prototype, "compartmentUpdated", null);
CompartmentResolver = __decorate([
    Resolver(() => CompartmentView)
], CompartmentResolver);
export { CompartmentResolver };
//# sourceMappingURL=compartment.resolver.js.map