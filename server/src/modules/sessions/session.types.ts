import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChargeInput } from './charges.js';
import { CompartmentSize } from '../../entities/compartment.enums.js';
import { CompartmentView } from '../compartments/compartment.types.js';
import { DateTime, Money, PageInfo } from '../../shared/common.types.js';
import { SessionStatus } from '../../entities/session.state.js';
import type { StorageSessionEntity } from '../../entities/session.entity.js';

export type ScanIntent = 'RETRIEVE' | 'ACCESS';
export const ScanIntent = { RETRIEVE: 'RETRIEVE', ACCESS: 'ACCESS' } as const;
registerEnumType(ScanIntent, { name: 'ScanIntent' });

export type ScanOutcome =
  | 'UNLOCKING_FOR_DEPOSIT'
  | 'UNLOCKING_FOR_RETRIEVAL'
  | 'UNLOCKING_FOR_ACCESS'
  | 'PAYMENT_REQUIRED'
  | 'NO_COMPARTMENT_AVAILABLE'
  | 'INVALID_CODE'
  | 'WRONG_SITE'
  | 'SESSION_CLOSED'
  | 'BUSY'
  | 'COLLECT_FROM_STAFF';
export const ScanOutcome = {
  UNLOCKING_FOR_DEPOSIT: 'UNLOCKING_FOR_DEPOSIT',
  UNLOCKING_FOR_RETRIEVAL: 'UNLOCKING_FOR_RETRIEVAL',
  UNLOCKING_FOR_ACCESS: 'UNLOCKING_FOR_ACCESS',
  PAYMENT_REQUIRED: 'PAYMENT_REQUIRED',
  NO_COMPARTMENT_AVAILABLE: 'NO_COMPARTMENT_AVAILABLE',
  INVALID_CODE: 'INVALID_CODE',
  WRONG_SITE: 'WRONG_SITE',
  SESSION_CLOSED: 'SESSION_CLOSED',
  BUSY: 'BUSY',
  COLLECT_FROM_STAFF: 'COLLECT_FROM_STAFF',
} as const;
registerEnumType(ScanOutcome, {
  name: 'ScanOutcome',
  valuesConfig: {
    COLLECT_FROM_STAFF: {
      description: 'The bag was removed to lost property: nothing is opened; the depositor is sent to staff',
    },
  },
});

@ObjectType('Abandonment', {
  description: 'An abandoned bag: marked by the clock, then removed, claimed back or disposed of by staff',
})
export class AbandonmentView {
  @Field(() => DateTime) abandonedAt!: Date;
  @Field(() => DateTime, { nullable: true }) removedAt!: Date | null;
  @Field(() => String, { nullable: true }) removedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Where the bag went' }) removedTo!: string | null;
  @Field(() => String, { nullable: true }) lostPropertyRef!: string | null;
  @Field(() => ID, { nullable: true, description: 'The compartment it was taken from' })
  removedFromCompartmentId!: string | null;
  @Field(() => DateTime, { nullable: true }) claimedAt!: Date | null;
  @Field(() => String, { nullable: true }) claimedBy!: string | null;
  @Field(() => DateTime, { nullable: true }) disposedAt!: Date | null;
  @Field(() => String, { nullable: true }) disposedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'How it was disposed of' }) disposalMethod!:
    string | null;
}

/**
 * A storage session as the API shows it. `paid` (captured payments) travels with it so
 * `amountDue` and `overdue` are computed at read time from the tariff snapshot.
 */
@ObjectType('StorageSession')
export class SessionView {
  @Field(() => ID) id!: string;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field(() => CompartmentSize) size!: CompartmentSize;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) depositedAt!: Date | null;
  @Field(() => DateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => DateTime, { nullable: true }) retrievedAt!: Date | null;
  @Field(() => ScanIntent, { nullable: true, description: 'The door operation under way, if any' })
  intent!: ScanIntent | null;
  siteId!: string;
  compartmentId!: string | null;
  contact!: { email: string | null; phone: string | null };
  pricing!: {
    currency: string;
    price: number;
    overduePerHour: number;
    graceMinutes: number;
    includedMinutes: number;
    /** The overdue fee run up before the due time last moved (charges.ts). */
    earlierOverdueFee: number;
  };
  /** Where the unused code's lifetime is counted from (the last door operation, else issue). */
  codeClockFrom!: Date;
  paid!: number;
  endedAt!: Date | null;
  abandonment!: AbandonmentView | null;
}

export function toSessionView(s: StorageSessionEntity, paid: number): SessionView {
  return {
    id: s.id,
    status: s.status,
    size: s.size,
    createdAt: s.createdAt,
    depositedAt: s.depositedAt,
    dueAt: s.dueAt,
    retrievedAt: s.retrievedAt,
    intent: s.intent === 'DEPOSIT' || s.intent === null ? null : s.intent,
    siteId: s.siteId,
    compartmentId: s.compartmentId,
    contact: { email: s.contactEmail, phone: s.contactPhone },
    pricing: {
      currency: s.currency,
      price: s.price,
      overduePerHour: s.overduePerHour,
      graceMinutes: s.graceMinutes,
      includedMinutes: s.includedMinutes,
      earlierOverdueFee: s.earlierOverdueFee,
    },
    codeClockFrom: s.opStartedAt ?? s.createdAt,
    paid,
    endedAt: s.endedAt,
    abandonment: s.abandonedAt
      ? {
          abandonedAt: s.abandonedAt,
          removedAt: s.removedAt,
          removedBy: s.removedBy,
          removedTo: s.removedTo,
          lostPropertyRef: s.lostPropertyRef,
          removedFromCompartmentId: s.removedFromCompartmentId,
          claimedAt: s.claimedAt,
          claimedBy: s.claimedBy,
          disposedAt: s.disposedAt,
          disposedBy: s.disposedBy,
          disposalMethod: s.disposalMethod,
        }
      : null,
  };
}

@ObjectType('AccessCode')
export class AccessCodeView {
  @Field(() => String, { description: 'The exact text encoded in the QR code' }) payload!: string;
  @Field(() => String, { description: 'An SVG image of that QR code' }) qrSvg!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The same session as 8 characters to type at the kiosk ("ABCD-EFGH"); shown once, like the payload, and replaced with it',
  })
  shortCode?: string | null;
  @Field(() => DateTime) issuedAt!: Date;
}

@ObjectType('IssuedAccessCode')
export class IssuedAccessCode {
  @Field(() => SessionView) session!: SessionView;
  @Field(() => AccessCodeView) code!: AccessCodeView;
}

@ObjectType('ScanResult')
export class ScanResult {
  @Field(() => ScanOutcome) outcome!: ScanOutcome;
  @Field(() => SessionView, { nullable: true }) session!: SessionView | null;
  @Field(() => CompartmentView, { nullable: true }) compartment!: CompartmentView | null;
  @Field(() => Money, { nullable: true }) amountDue!: Money | null;
  @Field(() => String, { description: 'Short, human, safe to show on the kiosk' }) message!: string;
}

@ObjectType('SessionConnection')
export class SessionConnection {
  @Field(() => [SessionView]) nodes!: SessionView[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('SessionTransition')
export class SessionTransitionView {
  @Field(() => DateTime) at!: Date;
  @Field(() => SessionStatus, { nullable: true }) from!: SessionStatus | null;
  @Field(() => SessionStatus) to!: SessionStatus;
  @Field(() => String) actor!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

/** The money rules' view of a session (charges.ts), from what the API read. */
export function chargeInputOf(s: SessionView): ChargeInput {
  return {
    status: s.status,
    price: s.pricing.price,
    overduePerHour: s.pricing.overduePerHour,
    graceMinutes: s.pricing.graceMinutes,
    dueAt: s.dueAt,
    retrievedAt: s.retrievedAt,
    endedAt: s.endedAt,
    paid: s.paid,
    earlierOverdueFee: s.pricing.earlierOverdueFee,
  };
}
