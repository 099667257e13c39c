import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Who made a change: a person, a device, an API key, or one of the system's rules. */
export type ActorKind = 'user' | 'kiosk' | 'gateway' | 'apiKey' | 'rule' | 'public';

/**
 * One change in the audit log, written in the transaction of the change itself. The actor's
 * name is kept as it was then, so the entry still names a person after their account is gone.
 */
@Entity({ tableName: 'audit_entry' })
export class AuditEntryEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id?: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at: Date = new Date();
  @Property({ type: 'uuid', nullable: true }) siteId: string | null = null;
  @Property({ type: 'string' }) actorKind!: ActorKind;
  /** The account, device or key id; the rule's name for a rule. */
  @Property({ type: 'string', nullable: true }) actorId: string | null = null;
  @Property({ type: 'string' }) actorName!: string;
  @Property({ type: 'string' }) action!: string;
  @Property({ type: 'string' }) subjectType!: string;
  @Property({ type: 'string', nullable: true }) subjectId: string | null = null;
  @Property({ type: 'string' }) summary!: string;
  @Property({ type: 'json', nullable: true }) before: Record<string, unknown> | null = null;
  @Property({ type: 'json', nullable: true }) after: Record<string, unknown> | null = null;
}

/** An actor as the audit log records it: its kind and id; the name is looked up when written. */
export interface AuditActor {
  kind: ActorKind;
  id: string | null;
}

/** A clock-driven rule or other work of the system itself, named by what it does. */
export const ruleActor = (rule: string): AuditActor => ({ kind: 'rule', id: rule });
