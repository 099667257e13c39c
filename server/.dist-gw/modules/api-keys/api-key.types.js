var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../graphql/common.types.js';
let ApiKeyCredentials = class ApiKeyCredentials {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ApiKeyCredentials.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ApiKeyCredentials.prototype, "name", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], ApiKeyCredentials.prototype, "scopes", void 0);
__decorate([
    Field(() => String, { description: 'Shown once' }),
    __metadata("design:type", String)
], ApiKeyCredentials.prototype, "secret", void 0);
ApiKeyCredentials = __decorate([
    ObjectType('ApiKeyCredentials')
], ApiKeyCredentials);
export { ApiKeyCredentials };
let ApiKeyView = class ApiKeyView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ApiKeyView.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ApiKeyView.prototype, "name", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], ApiKeyView.prototype, "scopes", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], ApiKeyView.prototype, "createdAt", void 0);
__decorate([
    Field(() => DateTime, { nullable: true }),
    __metadata("design:type", Object)
], ApiKeyView.prototype, "revokedAt", void 0);
ApiKeyView = __decorate([
    ObjectType('ApiKey')
], ApiKeyView);
export { ApiKeyView };
export const toApiKeyView = (k) => ({
    id: k.id,
    name: k.name,
    scopes: k.scopes,
    createdAt: k.createdAt,
    revokedAt: k.revokedAt,
});
//# sourceMappingURL=api-key.types.js.map