import { Field, ObjectType } from 'type-graphql';
import type { SiteEntity } from '../../entities/site.entity.js';

/** Where a traveller gets help at a site: shown on the kiosk's help screen and the phone page. */
@ObjectType('SiteHelp')
export class SiteHelpView {
  @Field(() => String, {
    nullable: true,
    description: 'A phone number staff answer, as dialled (E.164 style)',
  })
  phone!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "When that phone is answered, in the operator's words",
  })
  hours!: string | null;
}

export const toSiteHelpView = (s: SiteEntity): SiteHelpView => ({ phone: s.helpPhone, hours: s.helpHours });
