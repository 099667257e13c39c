import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import type { ActorKind, AuditEntryEntity } from '../../entities/audit-entry.entity.js';

export enum AuditActorKind {
  USER = 'user',
  KIOSK = 'kiosk',
  GATEWAY = 'gateway',
  API_KEY = 'apiKey',
  RULE = 'rule',
  PUBLIC = 'public',
}
registerEnumType(AuditActorKind, { name: 'AuditActorKind', description: 'Who made a change' });

@ObjectType('AuditEntry', { description: 'One change by a person, device, key or rule' })
export class AuditEntryView {
  @Field(() => ID) id!: string;
  @Field(() => DateTime) at!: Date;
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => AuditActorKind) actorKind!: AuditActorKind;
  @Field(() => String, {
    description: 'People by name and e-mail, devices and keys by name, rules by what they do',
  })
  actorName!: string;
  @Field(() => String, { description: 'e.g. user.deactivate, device.rotate-token, compartment.remote-open' })
  action!: string;
  @Field(() => String) subjectType!: string;
  @Field(() => ID, { nullable: true }) subjectId!: string | null;
  @Field(() => String) summary!: string;
  @Field(() => String, { nullable: true, description: 'The changed fields before, as JSON' }) before!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The changed fields after, as JSON' }) after!:
    string | null;
}

const KINDS: Record<ActorKind, AuditActorKind> = {
  user: AuditActorKind.USER,
  kiosk: AuditActorKind.KIOSK,
  gateway: AuditActorKind.GATEWAY,
  apiKey: AuditActorKind.API_KEY,
  rule: AuditActorKind.RULE,
  public: AuditActorKind.PUBLIC,
};

export const toAuditEntryView = (e: AuditEntryEntity): AuditEntryView => ({
  id: String(e.id),
  at: e.at,
  siteId: e.siteId,
  actorKind: KINDS[e.actorKind],
  actorName: e.actorName,
  action: e.action,
  subjectType: e.subjectType,
  subjectId: e.subjectId,
  summary: e.summary,
  before: e.before ? JSON.stringify(e.before) : null,
  after: e.after ? JSON.stringify(e.after) : null,
});
