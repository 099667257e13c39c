import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** EXPIRED: older rows, from when a missing ack failed the unlock; now it is UNCERTAIN. */
export type CommandOutcome = 'SUCCEEDED' | 'FAILED' | 'EXPIRED' | 'UNCERTAIN';

/** An UNLOCK for one gateway. Its id is the idempotency key; unacknowledged ones are re-sent. */
@Entity({ tableName: 'gateway_command' })
export class GatewayCommandEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) gatewayId!: string;
  @Property({ type: 'uuid' }) compartmentId!: string;
  @Property({ type: 'uuid', nullable: true }) sessionId: string | null = null;
  @Property({ type: 'string' }) type = 'UNLOCK';
  @Property({ type: 'string' }) endpoint!: string;
  @Property({ type: 'integer' }) unitId!: number;
  @Property({ type: 'integer' }) coil!: number;
  @Property({ type: 'integer' }) doorInput!: number;
  @Property({ type: 'integer' }) pulseMs!: number;
  @Property({ type: 'Date', columnType: 'timestamptz' }) issuedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz' }) expiresAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) ackedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) result: CommandOutcome | null = null;
  @Property({ type: 'string', nullable: true }) error: string | null = null;
}
