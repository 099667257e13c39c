import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTime, Money } from '../../shared/common.types.js';
import { CompartmentSize } from '../../entities/compartment.enums.js';

@ObjectType('OccupancyBucket')
export class OccupancyBucketView {
  @Field(() => DateTime) start!: Date;
  @Field(() => CompartmentSize) size!: string;
  @Field(() => Int, { description: 'Most compartments of this size OCCUPIED at once in the bucket' })
  peakOccupied!: number;
  @Field(() => Int, { description: 'Compartments of this size (today)' }) capacity!: number;
}

@ObjectType('OccupancyReport')
export class OccupancyReportView {
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => [OccupancyBucketView], { description: 'One row per bucket and size' })
  buckets!: OccupancyBucketView[];
}

@ObjectType('DurationRange')
export class DurationRangeView {
  @Field(() => Int) fromMinutes!: number;
  @Field(() => Int, { nullable: true, description: 'null: no upper bound' }) toMinutes!: number | null;
  @Field(() => Int) sessions!: number;
}

@ObjectType('StorageDurationReport')
export class StorageDurationReportView {
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => Int, { description: 'Sessions retrieved in the range' }) sessions!: number;
  @Field(() => Float, { nullable: true }) medianMinutes!: number | null;
  @Field(() => Float, { nullable: true }) averageMinutes!: number | null;
  @Field(() => [DurationRangeView]) ranges!: DurationRangeView[];
}

@ObjectType('OverdueBucket')
export class OverdueBucketView {
  @Field(() => DateTime) start!: Date;
  @Field(() => Int, { description: 'Sessions that became overdue' }) overdue!: number;
  @Field(() => Int) securityEscalations!: number;
  @Field(() => Int, { description: 'Sessions marked abandoned (overdue past the site retention)' })
  abandoned!: number;
}

@ObjectType('OverdueReport')
export class OverdueReportView {
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => [OverdueBucketView]) buckets!: OverdueBucketView[];
}

@ObjectType('RevenueBySize')
export class RevenueBySizeView {
  @Field(() => CompartmentSize) size!: string;
  @Field(() => Int) payments!: number;
  @Field(() => Money) captured!: Money;
  @Field(() => Money) refunded!: Money;
  @Field(() => Int, { description: 'Refunds the system made because a session could not go on' })
  automaticRefunds!: number;
  @Field(() => Money, { description: 'The part of refunded that was automatic' })
  refundedAutomatically!: Money;
  @Field(() => Money, { description: 'captured - refunded' }) net!: Money;
}

@ObjectType('RevenueReport')
export class RevenueReportView {
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => [RevenueBySizeView]) bySize!: RevenueBySizeView[];
  @Field(() => Money) net!: Money;
}

@ObjectType('FeedbackComment')
export class FeedbackCommentView {
  @Field(() => DateTime) at!: Date;
  @Field(() => Int) rating!: number;
  @Field(() => String) comment!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => CompartmentSize) size!: string;
}

@ObjectType('FeedbackReport')
export class FeedbackReportView {
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => Int) responses!: number;
  @Field(() => Float, { nullable: true }) averageRating!: number | null;
  @Field(() => [Int], { description: 'How many gave 1, 2, 3, 4 and 5' }) ratingCounts!: number[];
  @Field(() => [FeedbackCommentView], { description: 'Newest first, at most 100' })
  comments!: FeedbackCommentView[];
}
