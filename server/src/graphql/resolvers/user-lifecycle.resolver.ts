import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GqlContext } from '../../graphql/context.js';
import { PasswordResetView, UserView, toUserView } from '../../modules/users/user.types.js';
import { Role } from '../../entities/roles.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';
import { auditActor } from '../../auth/caller.js';

const acting = (ctx: GqlContext) => auditActor(ctx.caller);

/** ADMIN: accounts after their creation (see UserLifecycleService for the rules). */
@Resolver(() => UserView)
export class UserLifecycleResolver {
  @Mutation(() => UserView, { description: 'ADMIN: a changed role ends the account’s sessions' })
  async updateUser(
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: GqlContext,
    @Arg('name', () => String, { nullable: true }) name?: string,
    @Arg('role', () => Role, { nullable: true }) role?: Role,
  ): Promise<UserView> {
    authorize(ctx.caller, 'users:write');
    const user = await ctx.services.userLifecycle.update(
      parseId(userId, 'userId'),
      { name, role },
      acting(ctx),
    );
    return toUserView(user);
  }

  @Mutation(() => UserView, {
    description:
      'ADMIN: the sites an OPERATOR or VIEWER may see and act on (null: all sites); applies to its next request',
  })
  async setUserSites(
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: GqlContext,
    @Arg('siteIds', () => [ID], { nullable: true }) siteIds?: string[] | null,
  ): Promise<UserView> {
    authorize(ctx.caller, 'users:write');
    return toUserView(
      await ctx.services.userLifecycle.setSites(parseId(userId, 'userId'), siteIds ?? null, acting(ctx)),
    );
  }

  @Mutation(() => UserView, { description: 'ADMIN: sign-in allowed again' })
  async reactivateUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GqlContext): Promise<UserView> {
    authorize(ctx.caller, 'users:write');
    return toUserView(await ctx.services.userLifecycle.reactivate(parseId(userId, 'userId'), acting(ctx)));
  }

  @Mutation(() => ID, { description: 'ADMIN: removes the account; its tokens stop at once' })
  async deleteUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GqlContext): Promise<string> {
    authorize(ctx.caller, 'users:write');
    return ctx.services.userLifecycle.delete(parseId(userId, 'userId'), acting(ctx));
  }

  @Mutation(() => PasswordResetView, {
    description: 'ADMIN: sets the password (or generates one, shown once); every token of the account stops',
  })
  async resetUserPassword(
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: GqlContext,
    @Arg('password', () => String, { nullable: true }) password?: string,
  ): Promise<PasswordResetView> {
    authorize(ctx.caller, 'users:write');
    const id = parseId(userId, 'userId');
    const oneTimePassword = await ctx.services.userLifecycle.resetPassword(id, password ?? null, acting(ctx));
    const user = await ctx.services.users.get(id);
    return { user: toUserView(user!), oneTimePassword };
  }

  @Mutation(() => UserView, { description: 'ADMIN: every token of the account stops working now' })
  async signOutUserEverywhere(
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: GqlContext,
  ): Promise<UserView> {
    authorize(ctx.caller, 'users:write');
    return toUserView(
      await ctx.services.userLifecycle.signOutEverywhere(parseId(userId, 'userId'), acting(ctx)),
    );
  }
}
