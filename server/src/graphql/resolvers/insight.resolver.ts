import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { DateTime } from '../../shared/common.types.js';
import { ReportBucket } from '../../modules/reports/report.types.js';
import { oneSiteScope } from '../../auth/visibility.js';
import { parseOptionalId } from '../../shared/ids.js';
import {
  FeedbackReportView,
  OccupancyReportView,
  OverdueReportView,
  RevenueReportView,
  StorageDurationReportView,
} from '../../modules/reports/insight.types.js';

/** Reports beyond usage; the same numbers as CSV at GET /reports/<name>.csv. */
@Resolver()
export class InsightResolver {
  @Query(() => OccupancyReportView, { description: 'Peak occupied compartments per bucket and size' })
  occupancyReport(
    @Arg('from', () => DateTime) from: Date,
    @Arg('to', () => DateTime) to: Date,
    @Arg('bucket', () => ReportBucket) bucket: ReportBucket,
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
  ): Promise<OccupancyReportView> {
    const site = oneSiteScope(caller, 'reports:read', parseOptionalId(siteId, 'siteId'));
    return services.insights.occupancy(site, from, to, bucket);
  }

  @Query(() => StorageDurationReportView, { description: 'How long retrieved sessions were stored' })
  storageDurationReport(
    @Arg('from', () => DateTime) from: Date,
    @Arg('to', () => DateTime) to: Date,
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
  ): Promise<StorageDurationReportView> {
    const site = oneSiteScope(caller, 'reports:read', parseOptionalId(siteId, 'siteId'));
    return services.insights.storageDuration(site, from, to);
  }

  @Query(() => OverdueReportView, {
    description: 'Sessions that became overdue, and security escalations, per bucket',
  })
  overdueReport(
    @Arg('from', () => DateTime) from: Date,
    @Arg('to', () => DateTime) to: Date,
    @Arg('bucket', () => ReportBucket) bucket: ReportBucket,
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
  ): Promise<OverdueReportView> {
    const site = oneSiteScope(caller, 'reports:read', parseOptionalId(siteId, 'siteId'));
    return services.insights.overdue(site, from, to, bucket);
  }

  @Query(() => RevenueReportView, { description: 'Captured and refunded money by tariff size' })
  revenueReport(
    @Arg('from', () => DateTime) from: Date,
    @Arg('to', () => DateTime) to: Date,
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
  ): Promise<RevenueReportView> {
    const site = oneSiteScope(caller, 'reports:read', parseOptionalId(siteId, 'siteId'));
    return services.insights.revenue(site, from, to);
  }

  @Query(() => FeedbackReportView, { description: "Depositors' ratings and comments" })
  feedbackReport(
    @Arg('from', () => DateTime) from: Date,
    @Arg('to', () => DateTime) to: Date,
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
  ): Promise<FeedbackReportView> {
    const site = oneSiteScope(caller, 'reports:read', parseOptionalId(siteId, 'siteId'));
    return services.insights.feedback(site, from, to);
  }
}
