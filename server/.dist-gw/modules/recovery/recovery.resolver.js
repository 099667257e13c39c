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
import { ContactInput } from '../sessions/contact.types.js';
import { IssuedAccessCode } from '../sessions/session.types.js';
import { parseId } from '../../shared/ids.js';
import { authorize } from '../../auth/authorize.js';
/** Public self-service calls: rate limited per address; a device must belong to the site. */
async function selfService(caller, services, siteId) {
    if (caller.kind === 'anonymous')
        return services.infra.limits.consumePublic(caller.ip);
    if (caller.kind === 'kiosk' || caller.kind === 'gateway')
        authorize(caller, 'depositor:act', siteId);
}
let SelfServiceResolver = class SelfServiceResolver {
    async startAccessRecovery(siteId, contact, { caller, services }) {
        const site = parseId(siteId, 'siteId');
        await selfService(caller, services, site);
        return services.recovery.start(site, contact);
    }
    async completeAccessRecovery(siteId, contact, oneTimeCode, { caller, services }) {
        const site = parseId(siteId, 'siteId');
        await selfService(caller, services, site);
        const attempt = await services.infra.limits.reserveScan([`ip:${caller.ip}`]);
        const issued = await services.recovery.complete(site, contact, oneTimeCode);
        await attempt.release();
        return issued;
    }
    async submitFeedback(payload, rating, { caller, services }, comment) {
        await selfService(caller, services, null);
        return services.feedback.submit(payload, rating, comment ?? null);
    }
};
__decorate([
    Mutation(() => Boolean, { description: 'Always true: no account enumeration' }),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('contact', () => ContactInput)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, ContactInput, Object]),
    __metadata("design:returntype", Promise)
], SelfServiceResolver.prototype, "startAccessRecovery", null);
__decorate([
    Mutation(() => IssuedAccessCode),
    __param(0, Arg('siteId', () => ID)),
    __param(1, Arg('contact', () => ContactInput)),
    __param(2, Arg('oneTimeCode', () => String)),
    __param(3, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, ContactInput, String, Object]),
    __metadata("design:returntype", Promise)
], SelfServiceResolver.prototype, "completeAccessRecovery", null);
__decorate([
    Mutation(() => Boolean),
    __param(0, Arg('payload', () => String)),
    __param(1, Arg('rating', () => Int)),
    __param(2, Ctx()),
    __param(3, Arg('comment', () => String, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Number, Object, String]),
    __metadata("design:returntype", Promise)
], SelfServiceResolver.prototype, "submitFeedback", null);
SelfServiceResolver = __decorate([
    Resolver()
], SelfServiceResolver);
export { SelfServiceResolver };
//# sourceMappingURL=recovery.resolver.js.map