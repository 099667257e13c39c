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
import { Role } from '../../auth/roles.js';
let UserView = class UserView {
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], UserView.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], UserView.prototype, "email", void 0);
__decorate([
    Field(() => Role),
    __metadata("design:type", String)
], UserView.prototype, "role", void 0);
UserView = __decorate([
    ObjectType('User')
], UserView);
export { UserView };
export const toUserView = (u) => ({ id: u.id, email: u.email, role: u.role });
let AuthPayload = class AuthPayload {
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], AuthPayload.prototype, "token", void 0);
__decorate([
    Field(() => UserView),
    __metadata("design:type", UserView)
], AuthPayload.prototype, "user", void 0);
AuthPayload = __decorate([
    ObjectType('AuthPayload')
], AuthPayload);
export { AuthPayload };
//# sourceMappingURL=user.types.js.map