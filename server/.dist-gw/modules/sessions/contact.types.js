var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
let ContactInput = class ContactInput {
};
__decorate([
    Field(() => String, { nullable: true }),
    MaxLength(254),
    __metadata("design:type", Object)
], ContactInput.prototype, "email", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    MaxLength(32),
    __metadata("design:type", Object)
], ContactInput.prototype, "phone", void 0);
ContactInput = __decorate([
    InputType('ContactInput')
], ContactInput);
export { ContactInput };
//# sourceMappingURL=contact.types.js.map