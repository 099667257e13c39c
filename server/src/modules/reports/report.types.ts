import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, Money } from '../../shared/common.types.js';

export type ReportBucket = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';
export const ReportBucket = { HOUR: 'HOUR', DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' } as const;
registerEnumType(ReportBucket, { name: 'ReportBucket' });

@ObjectType('UsageBucket')
export class UsageBucketView {
  @Field(() => DateTime) start!: Date;
  @Field(() => Int) deposits!: number;
  @Field(() => Int) retrievals!: number;
  @Field(() => Float, { nullable: true }) averageStorageMinutes!: number | null;
  @Field(() => Int) peakOccupied!: number;
  @Field(() => Money) revenue!: Money;
}

@ObjectType('UsageReport')
export class UsageReportView {
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => DateTime) from!: Date;
  @Field(() => DateTime) to!: Date;
  @Field(() => ReportBucket) bucket!: ReportBucket;
  @Field(() => [UsageBucketView]) buckets!: UsageBucketView[];
}
