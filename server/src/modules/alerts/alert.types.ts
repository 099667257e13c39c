import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import { AlertType } from '../../entities/alert.enums.js';
import type { AlertEntity } from '../../entities/alert.entity.js';
import { statusOf, type AlertHistoryItem } from './alert-handling.js';

export enum AlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
}
registerEnumType(AlertStatus, {
  name: 'AlertStatus',
  description: 'OPEN until acknowledged; RESOLVED when someone closed it',
});

export enum AlertHistoryAction {
  RAISED = 'RAISED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ASSIGNED = 'ASSIGNED',
  UNASSIGNED = 'UNASSIGNED',
  NOTE = 'NOTE',
  RESOLVED = 'RESOLVED',
}
registerEnumType(AlertHistoryAction, { name: 'AlertHistoryAction' });

@ObjectType('AlertHistoryEntry', { description: 'One step of an alert’s life' })
export class AlertHistoryView {
  @Field(() => DateTime) at!: Date;
  @Field(() => AlertHistoryAction) action!: AlertHistoryAction;
  @Field(() => String, { description: 'The person by name and e-mail; system for a raised alert' })
  actorName!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A note, the assignee when ASSIGNED, the alert’s text when RAISED',
  })
  note!: string | null;
}

export const toAlertHistoryView = (h: AlertHistoryItem): AlertHistoryView => ({
  ...h,
  action: AlertHistoryAction[h.action],
});

@ObjectType('AlertAssignee', { description: 'An active ADMIN or OPERATOR an alert may be given to' })
export class AlertAssigneeView {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Name and e-mail' }) name!: string;
}

@ObjectType('Alert')
export class AlertView {
  @Field(() => ID) id!: string;
  @Field(() => AlertType) type!: AlertType;
  @Field(() => String, {
    description: 'A short reference a traveller can quote to staff (help requests show it at the kiosk)',
  })
  reference!: string;
  @Field(() => String) message!: string;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) acknowledgedBy!: string | null;
  @Field(() => AlertStatus) status!: AlertStatus;
  @Field(() => ID, { nullable: true }) assigneeId!: string | null;
  @Field(() => DateTime, {
    nullable: true,
    description:
      'When it was resolved, by a person or by the condition ending (a gateway back from an outage)',
  })
  resolvedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Who resolved it, by name and e-mail; null when the condition ended by itself',
  })
  resolvedBy!: string | null;
  siteId!: string;
  compartmentId!: string | null;
  sessionId!: string | null;
}

/** The first 8 hex digits of the alert's random id, upper case: what the traveller reads out. */
export const alertReference = (id: string): string => id.slice(0, 8).toUpperCase();

export const toAlertView = (a: AlertEntity): AlertView => ({
  id: a.id,
  type: a.type,
  reference: alertReference(a.id),
  message: a.message,
  createdAt: a.createdAt,
  acknowledgedAt: a.acknowledgedAt,
  acknowledgedBy: a.acknowledgedBy,
  status: AlertStatus[statusOf(a)],
  assigneeId: a.assigneeId,
  resolvedAt: a.resolvedAt,
  resolvedBy: a.resolvedBy,
  siteId: a.siteId,
  compartmentId: a.compartmentId,
  sessionId: a.sessionId,
});
