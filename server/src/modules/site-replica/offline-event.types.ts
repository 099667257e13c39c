import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import { CommandResult } from '../gateway-commands/gateway-command.types.js';
import type {
  OfflineEventConflict,
  OfflineEventKind,
  OfflineEventOutcome,
  SiteOfflineEventEntity,
} from '../../entities/site-offline-event.entity.js';

export const OfflineEventOutcomeEnum = {
  APPLIED: 'APPLIED',
  APPLIED_WITH_CONFLICT: 'APPLIED_WITH_CONFLICT',
  NOT_OPENED: 'NOT_OPENED',
} as const satisfies Record<OfflineEventOutcome, OfflineEventOutcome>;
registerEnumType(OfflineEventOutcomeEnum, { name: 'OfflineEventOutcome' });

export const OfflineEventConflictEnum = {
  SESSION_ENDED: 'SESSION_ENDED',
  CODE_REPLACED: 'CODE_REPLACED',
  SESSION_BUSY: 'SESSION_BUSY',
  UNKNOWN_SESSION: 'UNKNOWN_SESSION',
  COMPARTMENT_TAKEN: 'COMPARTMENT_TAKEN',
  CODE_IN_USE: 'CODE_IN_USE',
} as const satisfies Record<OfflineEventConflict, OfflineEventConflict>;
registerEnumType(OfflineEventConflictEnum, { name: 'OfflineEventConflict' });

export const OfflineEventKindEnum = {
  RETRIEVAL: 'RETRIEVAL',
  DEPOSIT: 'DEPOSIT',
} as const satisfies Record<OfflineEventKind, OfflineEventKind>;
registerEnumType(OfflineEventKindEnum, {
  name: 'OfflineEventKind',
  valuesConfig: {
    RETRIEVAL: { description: 'A stored bag opened with its code' },
    DEPOSIT: { description: 'A bag taken into a free compartment with a code issued at the site' },
  },
});

@InputType('OfflineRetrievalInput', {
  description:
    "An event the site performed while cut off (a retrieval, or a deposit of a free size), from its gateway's journal",
})
export class OfflineRetrievalInput {
  @Field(() => OfflineEventKindEnum, { defaultValue: 'RETRIEVAL' })
  kind: OfflineEventKind = 'RETRIEVAL';
  @Field(() => ID, {
    description: "The site's id for the event: a replay of it is answered, not applied again",
  })
  id!: string;
  @Field(() => Int, { description: "Its place in the gateway's journal" }) seq!: number;
  @Field(() => ID, { description: "The session's id; for a deposit, minted by the site" })
  sessionId!: string;
  @Field(() => ID) compartmentId!: string;
  @Field(() => String, {
    description: 'The verifier of the code that was scanned (or issued, for a deposit)',
  })
  verifier!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A deposit only: sha256 of the code the site issued, which the server then accepts',
  })
  codeHash?: string | null;
  @Field(() => String, { nullable: true, description: "A deposit only: the depositor's language" })
  language?: string | null;
  @Field(() => DateTime) occurredAt!: Date;
  @Field(() => CommandResult, { description: 'What the pulse did' }) pulseResult!: CommandResult;
  @Field(() => DateTime, { nullable: true, description: 'The door read open after the pulse' })
  doorOpenedAt?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'The door read closed again after that' })
  doorClosedAt?: Date | null;
}

@ObjectType('OfflineReplayResult')
export class OfflineReplayResultView {
  @Field(() => ID) id!: string;
  @Field(() => OfflineEventOutcomeEnum) outcome!: OfflineEventOutcome;
  @Field(() => OfflineEventConflictEnum, { nullable: true }) conflict!: OfflineEventConflict | null;
}

@ObjectType('SiteOfflineEvent', {
  description: 'An event taken at a site while offline, and what the server made of it',
})
export class SiteOfflineEventView extends OfflineReplayResultView {
  @Field(() => ID) siteId!: string;
  @Field(() => ID) gatewayId!: string;
  @Field(() => Int) seq!: number;
  @Field(() => OfflineEventKindEnum) kind!: OfflineEventKind;
  @Field(() => ID, { nullable: true }) sessionId!: string | null;
  @Field(() => ID, { nullable: true }) compartmentId!: string | null;
  @Field(() => CommandResult) pulseResult!: CommandResult;
  @Field(() => DateTime) occurredAt!: Date;
  @Field(() => DateTime) receivedAt!: Date;
}

export const toSiteOfflineEventView = (e: SiteOfflineEventEntity): SiteOfflineEventView => ({
  id: e.id,
  siteId: e.siteId,
  gatewayId: e.gatewayId,
  seq: e.seq,
  kind: e.kind,
  sessionId: e.sessionId,
  compartmentId: e.compartmentId,
  pulseResult: e.pulseResult,
  occurredAt: e.occurredAt,
  receivedAt: e.receivedAt,
  outcome: e.outcome,
  conflict: e.conflict,
});
