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
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { IssuedAccessCode, ScanIntent, ScanResult, SessionConnection, SessionTransitionView, SessionView } from './session.types.js';
import { SessionStatus } from './session.state.js';
import { CompartmentSize } from '../compartments/compartment.enums.js';
import { ContactInput } from './contact.types.js';
import { SiteView, toSiteView } from '../sites/site.types.js';
import { CompartmentView, toCompartmentView } from '../compartments/compartment.types.js';
import { DoorEventView, toDoorEventView } from '../door-events/door-event.types.js';
import { PaymentView, toPaymentView } from '../payments/payment.types.js';
import { Money, money } from '../../graphql/common.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { actorName } from '../../auth/caller.js';
import { siteScope } from '../../auth/visibility.js';
import { parseId, parseOptionalId } from '../../shared/ids.js';
import { amountDue, isOverdue } from './charges.js';
import { counted } from '../../graphql/subscriptions.js';
import { forbidden, notFound } from '../../errors/domain-error.js';
/** Depositor actions come from the site's kiosk, or (rate limited) from the public phone page. */
async function authorizeDepositor(caller, services, siteId) {
    if (caller.kind === 'anonymous')
        return services.infra.limits.consumePublic(caller.ip);
    if (caller.kind === 'user')
        return authorize(caller, 'sessions:write');
    authorize(caller, 'depositor:act', siteId);
}
/** Staff with sessions:read, or the kiosk of the session's site. */
function authorizeSessionRead(caller, siteId) {
    if (caller.kind === 'kiosk')
        return authorize(caller, 'depositor:act', siteId);
    authorize(caller, 'sessions:read');
}
let SessionResolver = class SessionResolver {
    async session(id, { caller, services }) {
        if (caller.kind === 'anonymous')
            authorize(caller, 'sessions:read');
        const s = await services.sessions.get(parseId(id, 'id'));
        if (!s)
            return null;
        authorizeSessionRead(caller, s.siteId);
        return s;
    }
    async sessions({ caller, services }, siteId, status, overdue, first, after) {
        authorize(caller, 'sessions:read');
        const page = await services.sessions.list({
            siteIds: siteScope(caller, parseOptionalId(siteId, 'siteId')),
            status: status ?? null,
            overdue: overdue ?? null,
            first: first ?? null,
            after: after ?? null,
        });
        return { nodes: page.nodes, totalCount: page.totalCount, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
    }
    async sessionByAccessCode(siteId, payload, { caller, services }) {
        const site = parseId(siteId, 'siteId');
        const attempt = await services.infra.limits.reserveScan([`ip:${caller.ip}`]);
        const s = await services.sessions.byCode(site, payload);
        if (s)
            await attempt.release();
        return s;
    }
    async issueAccessCode(siteId, size, { caller, services }, contact) {
        const site = parseId(siteId, 'siteId');
        await authorizeDepositor(caller, services, site);
        return services.sessions.issue(site, size, contact ?? null, actorName(caller));
    }
    async scanAccessCode(siteId, payload, { caller, services }, intent) {
        const site = parseId(siteId, 'siteId');
        authorize(caller, 'depositor:act', site);
        const device = caller.kind === 'kiosk' ? [`kiosk:${caller.kioskId}`] : [];
        return services.scans.scan({ siteId: site, payload, intent: intent ?? 'RETRIEVE', actor: actorName(caller), limitKeys: [...device, `ip:${caller.ip}`] });
    }
    async regenerateAccessCode(sessionId, reason, { caller, services }) {
        authorize(caller, 'sessions:write');
        return services.sessions.regenerate(parseId(sessionId, 'sessionId'), reason, actorName(caller));
    }
    async endSession(sessionId, reason, { caller, services }) {
        authorize(caller, 'sessions:write');
        return services.sessions.end(parseId(sessionId, 'sessionId'), reason, actorName(caller));
    }
    async site(s, { loaders }) {
        return toSiteView((await loaders.site.load(s.siteId)));
    }
    async compartment(s, { loaders }) {
        if (!s.compartmentId)
            return null;
        const c = await loaders.compartment.load(s.compartmentId);
        return c ? toCompartmentView(c) : null;
    }
    overdue(s, { services }) {
        return isOverdue(chargeInput(s), services.infra.clock.now());
    }
    amountDue(s, { services }) {
        return money(amountDue(chargeInput(s), services.infra.clock.now()), s.pricing.currency);
    }
    async events(s, { caller, services }) {
        authorizeSessionRead(caller, s.siteId);
        return (await services.doorEvents.forSession(s.id)).map((e) => toDoorEventView(e));
    }
    contactEmail(s, { caller }) {
        return caller.kind === 'user' ? s.contact.email : null;
    }
    contactPhone(s, { caller }) {
        return caller.kind === 'user' ? s.contact.phone : null;
    }
    async history(s, { caller, services }) {
        if (caller.kind !== 'user')
            throw forbidden('Staff only');
        return (await services.sessions.history(s.id)).map((t) => ({ at: t.at, from: t.fromStatus, to: t.toStatus, actor: t.actor, reason: t.reason }));
    }
    async payments(s, { services }) {
        return (await services.payments.forSession(s.id)).map(toPaymentView);
    }
    async feedbackRating(s, { services }) {
        return (await services.feedback.forSession(s.id))?.rating ?? null;
    }
    sessionUpdated(s, _sessionId) {
        return s;
    }
};
__decorate([
    Query(() => SessionView, { nullable: true }),
    __param(0, Arg('id', () => ID)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "session", null);
__decorate([
    Query(() => SessionConnection),
    __param(0, Ctx()),
    __param(1, Arg('siteId', () => ID, { nullable: true })),
    __param(2, Arg('status', () => SessionStatus, { nullable: true })),
    __param(3, Arg('overdue', () => Boolean, { nullable: true })),
    __param(4, Arg('first', () => Int, { nullable: true })),
    __param(5, Arg('after', () => String, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, Boolean, Number, String]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "sessions", null);
__decorate([
    Query(() => SessionView, { nullable: true, description: 'Public: the code is the proof; null when unknown' }),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('payload', () => String)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "sessionByAccessCode", null);
__decorate([
    Mutation(() => IssuedAccessCode),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('size', () => CompartmentSize)),
    __param(2, Ctx()),
    __param(3, Arg('contact', () => ContactInput, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object, ContactInput]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "issueAccessCode", null);
__decorate([
    Mutation(() => ScanResult),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('payload', () => String)),
    __param(2, Ctx()),
    __param(3, Arg('intent', () => ScanIntent, { nullable: true, defaultValue: 'RETRIEVE' })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "scanAccessCode", null);
__decorate([
    Mutation(() => IssuedAccessCode, { description: 'ADMIN or OPERATOR: revokes the old code' }),
    __param(0, Arg('sessionId', () => ID)),
    __param(1, Arg('reason', () => String)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "regenerateAccessCode", null);
__decorate([
    Mutation(() => SessionView, { description: 'ADMIN or OPERATOR: ends a session and frees its compartment' }),
    __param(0, Arg('sessionId', () => ID)),
    __param(1, Arg('reason', () => String)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "endSession", null);
__decorate([
    FieldResolver(() => SiteView),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "site", null);
__decorate([
    FieldResolver(() => CompartmentView, { nullable: true }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "compartment", null);
__decorate([
    FieldResolver(() => Boolean),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Boolean)
], SessionResolver.prototype, "overdue", null);
__decorate([
    FieldResolver(() => Money, { description: 'What must be paid before the next unlock' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Money)
], SessionResolver.prototype, "amountDue", null);
__decorate([
    FieldResolver(() => [DoorEventView]),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "events", null);
__decorate([
    FieldResolver(() => String, { nullable: true, description: 'Staff only' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Object)
], SessionResolver.prototype, "contactEmail", null);
__decorate([
    FieldResolver(() => String, { nullable: true, description: 'Staff only' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Object)
], SessionResolver.prototype, "contactPhone", null);
__decorate([
    FieldResolver(() => [SessionTransitionView], { description: 'Staff only' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "history", null);
__decorate([
    FieldResolver(() => [PaymentView]),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "payments", null);
__decorate([
    FieldResolver(() => Int, { nullable: true }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, Object]),
    __metadata("design:returntype", Promise)
], SessionResolver.prototype, "feedbackRating", null);
__decorate([
    Subscription(() => SessionView, {
        subscribe: async function* ({ args, context }) {
            const ctx = context;
            const id = parseId(args.sessionId, 'sessionId');
            const s = await ctx.services.sessions.get(id);
            if (!s)
                throw notFound('Session');
            if (ctx.caller.kind === 'kiosk')
                authorize(ctx.caller, 'depositor:act', s.siteId);
            else
                authorize(ctx.caller, can(ctx.caller, 'events:subscribe') ? 'sessions:read' : 'events:subscribe');
            yield* counted(ctx, 'sessionUpdated', ctx.services.infra.bus.subscribe('SESSION_UPDATED', id));
        },
    }),
    __param(0, Root()),
    __param(1, Arg('sessionId', () => ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SessionView, String]),
    __metadata("design:returntype", SessionView)
], SessionResolver.prototype, "sessionUpdated", null);
SessionResolver = __decorate([
    Resolver(() => SessionView)
], SessionResolver);
export { SessionResolver };
const chargeInput = (s) => ({
    status: s.status,
    price: s.pricing.price,
    overduePerHour: s.pricing.overduePerHour,
    graceMinutes: s.pricing.graceMinutes,
    dueAt: s.dueAt,
    retrievedAt: s.retrievedAt,
    endedAt: s.endedAt,
    paid: s.paid,
});
//# sourceMappingURL=session.resolver.js.map