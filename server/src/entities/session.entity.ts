import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { CompartmentSize } from './compartment.enums.js';
import type { SessionStatus } from './session.state.js';
import type { MessageLanguage } from '../shared/message-locale.js';

/** The door operation a session is waiting on. */
export type DoorIntent = 'DEPOSIT' | 'RETRIEVE' | 'ACCESS';

@Entity({ tableName: 'storage_session' })
export class StorageSessionEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'string' }) size!: CompartmentSize;
  @Property({ type: 'string' }) status!: SessionStatus;
  @Property({ type: 'uuid', nullable: true }) compartmentId: string | null = null;
  /** A CREATED session's hold on `compartmentId` while it pays; released if unpaid by then. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) holdUntil: Date | null = null;
  /** sha256 of the access code; the code itself is only ever in the depositor's hands. */
  @Property({ type: 'string', lazy: true }) codeHash!: string;
  /** Hash of the short code typed at the kiosk (auth/short-code.ts); replaced with the QR code's. */
  @Property({ type: 'string', lazy: true, nullable: true }) shortCodeHash: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) codeIssuedAt!: Date;
  /** The kiosk's name for the request that issued it: a retried request gets this session again. */
  @Property({ type: 'string', nullable: true }) requestId: string | null = null;
  @Property({ type: 'string', nullable: true }) contactEmail: string | null = null;
  @Property({ type: 'string', nullable: true }) contactPhone: string | null = null;
  /** The depositor's language: their e-mails and SMS are written in it. */
  @Property({ type: 'string' }) language: MessageLanguage = 'en';
  // The tariff as it was at issue: a later price change does not alter a running session.
  @Property({ type: 'string' }) currency!: string;
  @Property({ type: 'integer' }) price!: number;
  @Property({ type: 'integer' }) includedMinutes!: number;
  @Property({ type: 'integer' }) overduePerHour!: number;
  @Property({ type: 'integer' }) graceMinutes!: number;
  @Property({ type: 'integer' }) securityAlertAfterMinutes!: number;
  @Property({ type: 'string', nullable: true }) intent: DoorIntent | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) opStartedAt: Date | null = null;
  @Property({ type: 'boolean' }) opDoorOpened = false;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) depositedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) dueAt: Date | null = null;
  /**
   * The overdue fee run up before `dueAt` last moved (an extension bought while late): the new
   * due time no longer counts those hours, yet their fee stays charged (and, paid, settled).
   */
  @Property({ type: 'integer' }) earlierOverdueFee = 0;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) retrievedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) endedAt: Date | null = null;
  @Property({ type: 'integer' }) accessOpens = 0;
  @Property({ type: 'boolean' }) overdueAlerted = false;
  @Property({ type: 'boolean' }) securityAlerted = false;
  @Property({ type: 'boolean' }) reminderSent = false;
  // Abandonment, recorded facts on a STORED session (see abandonment.service.ts)
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) abandonedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) removedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) removedBy: string | null = null;
  @Property({ type: 'string', nullable: true }) removedTo: string | null = null;
  @Property({ type: 'string', nullable: true }) lostPropertyRef: string | null = null;
  @Property({ type: 'uuid', nullable: true }) removedFromCompartmentId: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) claimedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) claimedBy: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) disposedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) disposedBy: string | null = null;
  @Property({ type: 'string', nullable: true }) disposalMethod: string | null = null;
  @Property({ type: 'integer', version: true }) version!: number;
}
