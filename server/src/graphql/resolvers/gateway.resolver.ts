import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GqlContext } from '../context.js';
import {
  CommandResult,
  GatewayCommandView,
  GatewayConfigView,
} from '../../modules/gateway-commands/gateway-command.types.js';
import { authorize } from '../../auth/authorize.js';
import { forbidden } from '../../errors/domain-error.js';
import type { Caller } from '../../auth/caller.js';
import { commandStream } from './gateway-command-stream.js';

function gatewayOf(caller: Caller): Extract<Caller, { kind: 'gateway' }> {
  authorize(caller, 'gateway:act');
  if (caller.kind !== 'gateway') throw forbidden('Gateway token only');
  return caller;
}

@Resolver()
export class GatewayResolver {
  @Query(() => GatewayConfigView, { description: 'Gateway token only' })
  async gatewayConfig(@Ctx() { caller, services }: GqlContext): Promise<GatewayConfigView> {
    return services.gatewayCommands.config(gatewayOf(caller).gatewayId);
  }

  @Mutation(() => Boolean, { description: 'Gateway token only; idempotent' })
  async ackGatewayCommand(
    @Arg('commandId', () => ID) commandId: string,
    @Arg('result', () => CommandResult) result: CommandResult,
    @Ctx() { caller, services }: GqlContext,
    @Arg('error', () => String, { nullable: true }) error?: string,
  ): Promise<boolean> {
    return services.gatewayCommands.ack(gatewayOf(caller).gatewayId, commandId, result, error ?? null);
  }

  @Subscription(() => GatewayCommandView, {
    description: 'Gateway token only; pending ones are re-sent on connect',
    subscribe: ({ context }) => {
      const ctx = context as GqlContext;
      return commandStream(ctx, gatewayOf(ctx.caller));
    },
  })
  gatewayCommands(@Root() command: GatewayCommandView): GatewayCommandView {
    return command;
  }
}
