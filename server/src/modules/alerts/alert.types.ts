import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import { AlertType } from '../../entities/alert.enums.js';
import type { AlertEntity } from '../../entities/alert.entity.js';

@ObjectType('Alert')
export class AlertView {
  @Field(() => ID) id!: string;
  @Field(() => AlertType) type!: AlertType;
  @Field(() => String) message!: string;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) acknowledgedBy!: string | null;
  siteId!: string;
  compartmentId!: string | null;
  sessionId!: string | null;
}

export const toAlertView = (a: AlertEntity): AlertView => ({
  id: a.id,
  type: a.type,
  message: a.message,
  createdAt: a.createdAt,
  acknowledgedAt: a.acknowledgedAt,
  acknowledgedBy: a.acknowledgedBy,
  siteId: a.siteId,
  compartmentId: a.compartmentId,
  sessionId: a.sessionId,
});
