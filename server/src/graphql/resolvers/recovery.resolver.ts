import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { ContactInput } from '../../modules/sessions/contact.types.js';
import { IssuedAccessCode } from '../../modules/sessions/session.types.js';
import { parseId } from '../../shared/ids.js';
import { authorize } from '../../auth/authorize.js';
import { DomainError } from '../../errors/domain-error.js';
import type { Caller } from '../../auth/caller.js';
import type { Services } from '../../container/services.js';

/** Public self-service calls: rate limited per address; a device must belong to the site. */
async function selfService(caller: Caller, services: Services, siteId: string | null): Promise<void> {
  if (caller.kind === 'anonymous') return services.infra.limits.consumePublic(caller.ip);
  if (caller.kind === 'kiosk' || caller.kind === 'gateway') authorize(caller, 'depositor:act', siteId);
}

@Resolver()
export class SelfServiceResolver {
  @Mutation(() => Boolean, { description: 'Always true: no account enumeration' })
  async startAccessRecovery(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('contact', () => ContactInput) contact: ContactInput,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<boolean> {
    const site = parseId(siteId, 'siteId');
    await selfService(caller, services, site);
    return services.recovery.start(site, contact);
  }

  @Mutation(() => IssuedAccessCode)
  async completeAccessRecovery(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('contact', () => ContactInput) contact: ContactInput,
    @Arg('oneTimeCode', () => String) oneTimeCode: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<IssuedAccessCode> {
    const site = parseId(siteId, 'siteId');
    await selfService(caller, services, site);
    const attempt = await services.infra.limits.reserveOneTimeCode([`ip:${caller.ip}`]);
    try {
      const issued = await services.recovery.complete(site, contact, oneTimeCode);
      await attempt.release();
      return issued;
    } catch (e) {
      // only a wrong code counts; an error of ours (the database down) hands the attempt back
      if (!(e instanceof DomainError && e.code === 'BAD_USER_INPUT')) await attempt.release();
      throw e;
    }
  }

  @Mutation(() => Boolean)
  async submitFeedback(
    @Arg('payload', () => String) payload: string,
    @Arg('rating', () => Int) rating: number,
    @Ctx() { caller, services }: GqlContext,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ): Promise<boolean> {
    await selfService(caller, services, null);
    return services.feedback.submit(payload, rating, comment ?? null);
  }
}
