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
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKeyCredentials, ApiKeyView, toApiKeyView } from './api-key.types.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';
let ApiKeyResolver = class ApiKeyResolver {
    async createApiKey(name, scopes, { caller, services }) {
        authorize(caller, 'keys:write');
        return services.apiKeys.create(name, scopes);
    }
    async apiKeys({ caller, services }) {
        authorize(caller, 'keys:write');
        return (await services.apiKeys.list()).map(toApiKeyView);
    }
    async revokeApiKey(id, { caller, services }) {
        authorize(caller, 'keys:write');
        return toApiKeyView(await services.apiKeys.revoke(parseId(id, 'id')));
    }
};
__decorate([
    Mutation(() => ApiKeyCredentials, { description: 'ADMIN; the secret is shown once' }),
    __param(0, Arg('name', () => String)),
    __param(1, Arg('scopes', () => [String])),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Array, Object]),
    __metadata("design:returntype", Promise)
], ApiKeyResolver.prototype, "createApiKey", null);
__decorate([
    Query(() => [ApiKeyView], { description: 'ADMIN' }),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], ApiKeyResolver.prototype, "apiKeys", null);
__decorate([
    Mutation(() => ApiKeyView, { description: 'ADMIN' }),
    __param(0, Arg('id', () => ID)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], ApiKeyResolver.prototype, "revokeApiKey", null);
ApiKeyResolver = __decorate([
    Resolver(() => ApiKeyView)
], ApiKeyResolver);
export { ApiKeyResolver };
//# sourceMappingURL=api-key.resolver.js.map