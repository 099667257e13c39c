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
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DoorEventConnection, DoorEventView, toDoorEventView } from './door-event.types.js';
import { CompartmentView, toCompartmentView } from '../compartments/compartment.types.js';
import { SessionView } from '../sessions/session.types.js';
import { DoorState } from '../compartments/compartment.enums.js';
import { DateTime } from '../../graphql/common.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { siteScope } from '../../auth/visibility.js';
import { parseOptionalId } from '../../shared/ids.js';
import { subscribeSiteTopic } from '../../graphql/subscriptions.js';
import { notFound } from '../../errors/domain-error.js';
let DoorReportInput = class DoorReportInput {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], DoorReportInput.prototype, "compartmentId", void 0);
__decorate([
    Field(() => DoorState),
    __metadata("design:type", String)
], DoorReportInput.prototype, "state", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], DoorReportInput.prototype, "at", void 0);
DoorReportInput = __decorate([
    InputType('DoorReport')
], DoorReportInput);
export { DoorReportInput };
let DoorEventResolver = class DoorEventResolver {
    async doorEvents({ caller, services }, siteId, first, after) {
        authorize(caller, 'sessions:read');
        const page = await services.doorEvents.page(siteScope(caller, parseOptionalId(siteId, 'siteId')), first ?? null, after ?? null);
        return { nodes: page.nodes.map((e) => toDoorEventView(e)), pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
    }
    async reportDoorStates(reports, { caller, services }) {
        authorize(caller, 'gateway:act');
        if (caller.kind !== 'gateway')
            return false;
        await services.doorReports.report(caller.gatewayId, caller.siteId, reports);
        return true;
    }
    async compartment(e, { loaders }) {
        if (e.compartment)
            return e.compartment;
        const c = await loaders.compartment.load(e.compartmentId);
        if (!c)
            throw notFound('Compartment');
        return toCompartmentView(c);
    }
    async session(e, { caller, services }) {
        if (!e.sessionId || !can(caller, 'sessions:read', e.siteId))
            return null;
        return services.sessions.get(e.sessionId);
    }
    actor(e, { caller }) {
        return caller.kind === 'user' ? e.actor : null;
    }
    doorEventStream(e, _siteId) {
        return e;
    }
};
__decorate([
    Query(() => DoorEventConnection),
    __param(0, Ctx()),
    __param(1, Arg('siteId', () => ID, { nullable: true })),
    __param(2, Arg('first', () => Int, { nullable: true })),
    __param(3, Arg('after', () => String, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Number, String]),
    __metadata("design:returntype", Promise)
], DoorEventResolver.prototype, "doorEvents", null);
__decorate([
    Mutation(() => Boolean, { description: 'Gateway token: door sensor changes, batched, timestamped at the source' }),
    __param(0, Arg('reports', () => [DoorReportInput])),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Array, Object]),
    __metadata("design:returntype", Promise)
], DoorEventResolver.prototype, "reportDoorStates", null);
__decorate([
    FieldResolver(() => CompartmentView),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [DoorEventView, Object]),
    __metadata("design:returntype", Promise)
], DoorEventResolver.prototype, "compartment", null);
__decorate([
    FieldResolver(() => SessionView, { nullable: true }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [DoorEventView, Object]),
    __metadata("design:returntype", Promise)
], DoorEventResolver.prototype, "session", null);
__decorate([
    FieldResolver(() => String, { nullable: true }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [DoorEventView, Object]),
    __metadata("design:returntype", Object)
], DoorEventResolver.prototype, "actor", null);
__decorate([
    Subscription(() => DoorEventView, {
        name: 'doorEvents',
        subscribe: ({ args, context }) => subscribeSiteTopic(context, 'DOOR_EVENT', args.siteId, 'events:subscribe'),
    }),
    __param(0, Root()),
    __param(1, Arg('siteId', () => ID, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [DoorEventView, String]),
    __metadata("design:returntype", DoorEventView)
], DoorEventResolver.prototype, "doorEventStream", null);
DoorEventResolver = __decorate([
    Resolver(() => DoorEventView)
], DoorEventResolver);
export { DoorEventResolver };
//# sourceMappingURL=door-event.resolver.js.map