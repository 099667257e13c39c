import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { SessionStatus } from './session.state.js';

/** The audit trail: who moved a session, when, from which device, and why. */
@Entity({ tableName: 'session_transition' })
export class SessionTransitionEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id?: string;
  @Property({ type: 'uuid' }) sessionId!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Property({ type: 'string', nullable: true }) fromStatus: SessionStatus | null = null;
  @Property({ type: 'string' }) toStatus!: SessionStatus;
  @Property({ type: 'string' }) actor!: string;
  @Property({ type: 'string', nullable: true }) reason: string | null = null;
}
