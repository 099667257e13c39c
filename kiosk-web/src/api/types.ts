import {
  type IssuedCodeFieldsFragment,
  type ScanAccessCodeMutation,
  type SessionFieldsFragment,
  type SiteAvailabilityQuery,
} from './generated/graphql';

export type { CompartmentSize, DoorState, ScanIntent, ScanOutcome, SessionStatus } from './generated/graphql';

/** A storage session as the kiosk and phone read it. */
export type Session = SessionFieldsFragment;
/** A session with its freshly issued (or recovered) access code. */
export type IssuedCode = IssuedCodeFieldsFragment;
/** What the server answered to one scan. */
export type ScanResult = ScanAccessCodeMutation['scanAccessCode'];
/** Free count, total and tariff of one size at the site. */
export type SizeOffer = NonNullable<SiteAvailabilityQuery['site']>['availability'][number];
/** The site as the start screen reads it. */
export type SiteInfo = NonNullable<SiteAvailabilityQuery['site']>;
/** A contact for reminders and recovery. */
export interface Contact {
  email?: string;
  phone?: string;
}
