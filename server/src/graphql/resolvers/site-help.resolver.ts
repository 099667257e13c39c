import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { SiteView, toSiteView } from '../../modules/sites/site.types.js';
import { SiteHelpView, toSiteHelpView } from '../../modules/sites/site-help.types.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';

@Resolver(() => SiteView)
export class SiteHelpResolver {
  /** Public like the site itself: a help line is meant to be seen by every traveller. */
  @FieldResolver(() => SiteHelpView, { description: "The site's help phone number and opening hours" })
  async help(@Root() site: SiteView, @Ctx() { loaders }: GqlContext): Promise<SiteHelpView> {
    const entity = await loaders.site.load(site.id);
    return entity ? toSiteHelpView(entity) : { phone: null, hours: null };
  }

  @Mutation(() => SiteView, {
    description: 'ADMIN: the help phone number and opening hours travellers see (empty or null removes one)',
  })
  async setSiteHelp(
    @Arg('siteId', () => ID) siteId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('phone', () => String, { nullable: true }) phone?: string,
    @Arg('hours', () => String, { nullable: true }) hours?: string,
  ): Promise<SiteView> {
    const id = parseId(siteId, 'siteId');
    authorize(caller, 'setup:write', id);
    return toSiteView(await services.siteHelp.set(id, { phone: phone ?? null, hours: hours ?? null }));
  }
}
