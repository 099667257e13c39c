var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';
/** `DateTime` as the contract names it: an ISO-8601 string with time zone. */
export const DateTime = new GraphQLScalarType({ ...DateTimeResolver.toConfig(), name: 'DateTime' });
let Money = class Money {
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Money.prototype, "amount", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Money.prototype, "currency", void 0);
Money = __decorate([
    ObjectType()
], Money);
export { Money };
export const money = (amount, currency) => ({ amount, currency });
let PageInfo = class PageInfo {
};
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], PageInfo.prototype, "endCursor", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], PageInfo.prototype, "hasNextPage", void 0);
PageInfo = __decorate([
    ObjectType()
], PageInfo);
export { PageInfo };
//# sourceMappingURL=common.types.js.map