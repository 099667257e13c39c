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
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { AlertView, toAlertView } from './alert.types.js';
import { SiteView, toSiteView } from '../sites/site.types.js';
import { CompartmentView, toCompartmentView } from '../compartments/compartment.types.js';
import { SessionView } from '../sessions/session.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { actorName } from '../../auth/caller.js';
import { siteScope } from '../../auth/visibility.js';
import { parseId, parseOptionalId } from '../../shared/ids.js';
import { subscribeSiteTopic } from '../../graphql/subscriptions.js';
let AlertResolver = class AlertResolver {
    async alerts({ caller, services }, siteId, open) {
        authorize(caller, 'alerts:read');
        return (await services.alerts.list(siteScope(caller, parseOptionalId(siteId, 'siteId')), open ?? null)).map(toAlertView);
    }
    async acknowledgeAlert(alertId, { caller, services }) {
        authorize(caller, 'alerts:write');
        return toAlertView(await services.alerts.acknowledge(parseId(alertId, 'alertId'), actorName(caller)));
    }
    async requestAssistance(siteId, reason, { caller, services }, payload, compartmentLabel) {
        const site = parseId(siteId, 'siteId');
        if (caller.kind === 'anonymous')
            await services.infra.limits.consumePublic(caller.ip);
        else if (caller.kind !== 'user')
            authorize(caller, 'depositor:act', site);
        const alert = await services.alerts.requestAssistance({ siteId: site, payload: payload ?? null, compartmentLabel: compartmentLabel ?? null, reason });
        return toAlertView(alert);
    }
    async site(a, { loaders }) {
        return toSiteView((await loaders.site.load(a.siteId)));
    }
    async compartment(a, { loaders }) {
        const c = a.compartmentId ? await loaders.compartment.load(a.compartmentId) : null;
        return c ? toCompartmentView(c) : null;
    }
    async session(a, { caller, services }) {
        if (!a.sessionId || !can(caller, 'sessions:read', a.siteId))
            return null;
        return services.sessions.get(a.sessionId);
    }
    alertRaised(a, _siteId) {
        return a;
    }
};
__decorate([
    Query(() => [AlertView]),
    __param(0, Ctx()),
    __param(1, Arg('siteId', () => ID, { nullable: true })),
    __param(2, Arg('open', () => Boolean, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Boolean]),
    __metadata("design:returntype", Promise)
], AlertResolver.prototype, "alerts", null);
__decorate([
    Mutation(() => AlertView, { description: 'ADMIN or OPERATOR' }),
    __param(0, Arg('alertId', () => ID)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], AlertResolver.prototype, "acknowledgeAlert", null);
__decorate([
    Mutation(() => AlertView, { description: 'Kiosk or public page: raises ASSISTANCE_REQUESTED' }),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('reason', () => String)),
    __param(2, Ctx()),
    __param(3, Arg('payload', () => String, { nullable: true })),
    __param(4, Arg('compartmentLabel', () => String, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object, String, String]),
    __metadata("design:returntype", Promise)
], AlertResolver.prototype, "requestAssistance", null);
__decorate([
    FieldResolver(() => SiteView),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [AlertView, Object]),
    __metadata("design:returntype", Promise)
], AlertResolver.prototype, "site", null);
__decorate([
    FieldResolver(() => CompartmentView, { nullable: true }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [AlertView, Object]),
    __metadata("design:returntype", Promise)
], AlertResolver.prototype, "compartment", null);
__decorate([
    FieldResolver(() => SessionView, { nullable: true }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [AlertView, Object]),
    __metadata("design:returntype", Promise)
], AlertResolver.prototype, "session", null);
__decorate([
    Subscription(() => AlertView, {
        subscribe: ({ args, context }) => {
            const ctx = context;
            authorize(ctx.caller, 'alerts:read');
            return subscribeSiteTopic(ctx, 'ALERT_RAISED', args.siteId, 'events:subscribe');
        },
    }),
    __param(0, Root()),
    __param(1, Arg('siteId', () => ID, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [AlertView, String]),
    __metadata("design:returntype", AlertView)
], AlertResolver.prototype, "alertRaised", null);
AlertResolver = __decorate([
    Resolver(() => AlertView)
], AlertResolver);
export { AlertResolver };
//# sourceMappingURL=alert.resolver.js.map