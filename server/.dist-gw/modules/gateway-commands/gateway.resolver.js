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
import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { CommandResult, GatewayCommandView, GatewayConfigView } from './gateway-command.types.js';
import { authorize } from '../../auth/authorize.js';
import { forbidden } from '../../errors/domain-error.js';
import { commandStream } from './command-stream.js';
function gatewayOf(caller) {
    authorize(caller, 'gateway:act');
    if (caller.kind !== 'gateway')
        throw forbidden('Gateway token only');
    return caller;
}
let GatewayResolver = class GatewayResolver {
    async gatewayConfig({ caller, services }) {
        return services.gatewayCommands.config(gatewayOf(caller).gatewayId);
    }
    async ackGatewayCommand(commandId, result, { caller, services }, error) {
        return services.gatewayCommands.ack(gatewayOf(caller).gatewayId, commandId, result, error ?? null);
    }
    gatewayCommands(command) {
        return command;
    }
};
__decorate([
    Query(() => GatewayConfigView, { description: 'Gateway token only' }),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], GatewayResolver.prototype, "gatewayConfig", null);
__decorate([
    Mutation(() => Boolean, { description: 'Gateway token only; idempotent' }),
    __param(0, Arg('commandId', () => ID)),
    __param(1, Arg('result', () => CommandResult)),
    __param(2, Ctx()),
    __param(3, Arg('error', () => String, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object, String]),
    __metadata("design:returntype", Promise)
], GatewayResolver.prototype, "ackGatewayCommand", null);
__decorate([
    Subscription(() => GatewayCommandView, {
        description: 'Gateway token only; pending ones are re-sent on connect',
        subscribe: ({ context }) => {
            const ctx = context;
            return commandStream(ctx, gatewayOf(ctx.caller));
        },
    }),
    __param(0, Root()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [GatewayCommandView]),
    __metadata("design:returntype", GatewayCommandView)
], GatewayResolver.prototype, "gatewayCommands", null);
GatewayResolver = __decorate([
    Resolver()
], GatewayResolver);
export { GatewayResolver };
//# sourceMappingURL=gateway.resolver.js.map