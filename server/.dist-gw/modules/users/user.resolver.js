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
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AuthPayload, UserView, toUserView } from './user.types.js';
import { Role } from '../../auth/roles.js';
import { authorize } from '../../auth/authorize.js';
let UserResolver = class UserResolver {
    async me({ caller, services }) {
        if (caller.kind !== 'user')
            return null;
        const user = await services.users.get(caller.userId);
        return user ? toUserView(user) : null;
    }
    async login(email, password, { caller, services }) {
        const attempt = await services.infra.limits.reserveLogin([`ip:${caller.ip}`, `email:${email.trim().toLowerCase().slice(0, 254)}`]);
        const result = await services.users.login(email, password);
        await attempt.release();
        return result;
    }
    async createUser(email, password, role, { caller, services }) {
        authorize(caller, 'users:write');
        return toUserView(await services.users.create(email, password, role));
    }
    async users({ caller, services }) {
        authorize(caller, 'users:write');
        return (await services.users.list()).map(toUserView);
    }
};
__decorate([
    Query(() => UserView, { nullable: true }),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], UserResolver.prototype, "me", null);
__decorate([
    Mutation(() => AuthPayload),
    __param(0, Arg('email', () => String)),
    __param(1, Arg('password', () => String)),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], UserResolver.prototype, "login", null);
__decorate([
    Mutation(() => UserView, { description: 'ADMIN' }),
    __param(0, Arg('email', () => String)),
    __param(1, Arg('password', () => String)),
    __param(2, Arg('role', () => Role)),
    __param(3, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, String, Object]),
    __metadata("design:returntype", Promise)
], UserResolver.prototype, "createUser", null);
__decorate([
    Query(() => [UserView], { description: 'ADMIN' }),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], UserResolver.prototype, "users", null);
UserResolver = __decorate([
    Resolver(() => UserView)
], UserResolver);
export { UserResolver };
//# sourceMappingURL=user.resolver.js.map