import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { parseId } from '../../shared/ids.js';
import { auditActor } from '../../auth/caller.js';
import type { GqlContext } from '../context.js';
import { AuthPayload, UserView, toUserView } from '../../modules/users/user.types.js';
import { Role } from '../../entities/roles.js';
import { authorize } from '../../auth/authorize.js';
import { DomainError } from '../../errors/domain-error.js';

@Resolver(() => UserView)
export class UserResolver {
  @Query(() => UserView, { nullable: true })
  async me(@Ctx() { caller, services }: GqlContext): Promise<UserView | null> {
    if (caller.kind !== 'user') return null;
    const user = await services.users.get(caller.userId);
    return user ? toUserView(user) : null;
  }

  @Mutation(() => AuthPayload)
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<AuthPayload> {
    const account = email.trim().toLowerCase().slice(0, 254);
    const limits = services.infra.limits;
    const attempt = await limits.reserveLogin(account, caller.ip);
    try {
      const result = await services.users.login(email, password);
      await attempt.release();
      await limits.rememberLogin(account, caller.ip);
      return result;
    } catch (e) {
      // only a wrong password counts; an error of ours (the database down) hands the attempt back
      if (!(e instanceof DomainError && e.code === 'UNAUTHENTICATED')) await attempt.release();
      throw e;
    }
  }

  @Mutation(() => UserView, { description: 'ADMIN' })
  async createUser(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteIds', () => [ID], {
      nullable: true,
      description: 'The sites an OPERATOR or VIEWER may act on; omitted or null: all sites',
    })
    siteIds?: string[] | null,
  ): Promise<UserView> {
    authorize(caller, 'users:write');
    return toUserView(
      await services.users.create(email, password, role, auditActor(caller), siteIds ?? null),
    );
  }

  @Mutation(() => UserView, {
    description: 'ADMIN: sign-in refused, tokens already issued rejected, open connections closed',
  })
  async deactivateUser(
    @Arg('userId', () => ID) userId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<UserView> {
    authorize(caller, 'users:write');
    return toUserView(await services.userLifecycle.deactivate(parseId(userId, 'userId'), auditActor(caller)));
  }

  @Query(() => [UserView], { description: 'ADMIN' })
  async users(@Ctx() { caller, services }: GqlContext): Promise<UserView[]> {
    authorize(caller, 'users:write');
    return (await services.users.list()).map(toUserView);
  }
}
