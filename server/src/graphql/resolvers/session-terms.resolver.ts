import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { money } from '../../shared/common.types.js';
import { chargeInputOf, SessionView } from '../../modules/sessions/session.types.js';
import { minutesOverdue, overdueFee } from '../../modules/sessions/charges.js';
import { getsReceipt } from '../../modules/sessions/session-notices.js';
import { SessionTermsView } from '../../modules/sessions/session-terms.types.js';
import { StorageExtensionView } from '../../modules/sessions/extension.types.js';
import { extensionTerms } from '../../modules/sessions/extension-terms.js';

@Resolver(() => SessionView)
export class SessionTermsResolver {
  @FieldResolver(() => SessionTermsView, {
    description: 'The tariff as it was at issue, what was paid, and how long the unused code is good for',
  })
  async terms(@Root() s: SessionView, @Ctx() { loaders, services }: GqlContext): Promise<SessionTermsView> {
    const { currency, price, includedMinutes, overduePerHour, graceMinutes } = s.pricing;
    let codeValidUntil: Date | null = null;
    if (s.status === 'CREATED') {
      const site = await loaders.site.load(s.siteId);
      if (site) codeValidUntil = new Date(s.codeClockFrom.getTime() + site.codeLifetimeMinutes * 60_000);
    }
    const now = services.infra.clock.now();
    return {
      price: money(price, currency),
      includedMinutes,
      overduePerHour: money(overduePerHour, currency),
      graceMinutes,
      amountPaid: money(s.paid, currency),
      overdueFee: money(overdueFee(chargeInputOf(s), now), currency),
      minutesOverdue: minutesOverdue(chargeInputOf(s), now),
      receiptReference: s.status === 'COMPLETED' && getsReceipt(receiptFacts(s)) ? s.id : null,
      codeValidUntil,
    };
  }

  @FieldResolver(() => StorageExtensionView, {
    nullable: true,
    description:
      'What more time costs while the bag is stored (createExtensionPayment); null when none can be bought (not stored, or a free tariff)',
  })
  extension(@Root() s: SessionView): StorageExtensionView | null {
    if (s.status !== 'STORED' || s.abandonment) return null;
    const terms = extensionTerms(s.pricing);
    if (!terms) return null;
    return { ...terms, stepPrice: money(terms.stepPrice, s.pricing.currency) };
  }
}

const receiptFacts = (s: SessionView) => ({
  depositedAt: s.depositedAt,
  disposedAt: s.abandonment?.disposedAt ?? null,
  contactEmail: s.contact.email,
  contactPhone: s.contact.phone,
});
