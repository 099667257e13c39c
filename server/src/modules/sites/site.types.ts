import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SITE_NAME_LANGUAGES } from '../../shared/site-names.js';
import { CompartmentSize } from '../../entities/compartment.enums.js';
import { TariffView } from '../tariffs/tariff.types.js';
import type { SiteEntity } from '../../entities/site.entity.js';
import { DateTime } from '../../shared/common.types.js';
import { SizeDimensionsView } from '../compartments/size-dimensions.js';

// simpleResolvers: plain properties need no type-graphql wrapper (no middlewares are used)
@ObjectType('Site', { simpleResolvers: true })
export class SiteView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, {
    description: "The phone page's short address: /kiosk/phone/<slug> (the site's id there works too)",
  })
  slug!: string;
  @Field(() => String) timezone!: string;
  @Field(() => [LocalSiteNameView], {
    description: "The site's name per language; a language not listed uses `name`",
  })
  localNames!: LocalSiteNameView[];
  @Field(() => Int, { description: 'A CREATED session is cancelled after this' })
  codeLifetimeMinutes!: number;
  @Field(() => Int, { description: 'The door must open within this after an unlock' })
  depositWindowSeconds!: number;
  @Field(() => Int, { description: 'A door open longer raises LEFT_OPEN' }) leftOpenSeconds!: number;
  @Field(() => Int, {
    description:
      'A session overdue this many days is marked abandoned; its bag may then be removed to lost property',
  })
  abandonAfterDays!: number;
  @Field(() => Int, { description: 'No gateway acknowledgement by then: UNLOCK_FAILED' })
  unlockAckTimeoutSeconds!: number;
  @Field(() => Int, { description: 'A gateway silent longer raises GATEWAY_OFFLINE' })
  gatewayHeartbeatSeconds!: number;
  @Field(() => Int) pulseMs!: number;
  @Field(() => Int, {
    description: 'A compartment is held this long for a traveller who must pay; released if unpaid',
  })
  paymentWindowSeconds!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'How often a depositor may open mid-session (intent ACCESS); null: no limit',
  })
  accessOpensPerSession!: number | null;
  @Field(() => DateTime, { nullable: true, description: 'Retired: nothing offered, nothing allocated' })
  retiredAt!: Date | null;
}

@ObjectType('LocalSiteName', { simpleResolvers: true })
export class LocalSiteNameView {
  @Field(() => String, { description: 'en, de, fr or es' }) language!: string;
  @Field(() => String) name!: string;
}

@InputType('LocalSiteNameInput')
export class LocalSiteNameInput {
  @Field(() => String, { description: 'en, de, fr or es' }) language!: string;
  @Field(() => String, { description: 'Empty: that language uses the site name' }) name!: string;
}

/** The stored names (`site.local_names`) as GraphQL rows, in the languages' order. */
export const toLocalNameViews = (stored: unknown): LocalSiteNameView[] =>
  SITE_NAME_LANGUAGES.flatMap((language) => {
    const name = ((stored ?? {}) as Record<string, unknown>)[language];
    return typeof name === 'string' && name ? [{ language, name }] : [];
  });

@ObjectType('SizeAvailability', { simpleResolvers: true })
export class SizeAvailabilityView {
  @Field(() => CompartmentSize) size!: CompartmentSize;
  @Field(() => Int) free!: number;
  @Field(() => Int) total!: number;
  @Field(() => TariffView, { nullable: true }) tariff!: TariffView | null;
  @Field(() => SizeDimensionsView, {
    nullable: true,
    description:
      "Size guide: inside dimensions (cm) that every open bank's compartments of this size have at least; null until set",
  })
  dimensions!: SizeDimensionsView | null;
}

export const toSiteView = (s: SiteEntity): SiteView => ({
  id: s.id,
  name: s.name,
  slug: s.slug,
  localNames: toLocalNameViews(s.localNames),
  timezone: s.timezone,
  codeLifetimeMinutes: s.codeLifetimeMinutes,
  depositWindowSeconds: s.depositWindowSeconds,
  leftOpenSeconds: s.leftOpenSeconds,
  abandonAfterDays: s.abandonAfterDays,
  unlockAckTimeoutSeconds: s.unlockAckTimeoutSeconds,
  gatewayHeartbeatSeconds: s.gatewayHeartbeatSeconds,
  pulseMs: s.pulseMs,
  paymentWindowSeconds: s.paymentWindowSeconds,
  accessOpensPerSession: s.accessOpensPerSession,
  retiredAt: s.retiredAt,
});
