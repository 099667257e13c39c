import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { DateTime } from '../../shared/common.types.js';
import { ReportBucket, UsageReportView } from '../../modules/reports/report.types.js';
import { oneSiteScope } from '../../auth/visibility.js';
import { parseOptionalId } from '../../shared/ids.js';

@Resolver()
export class ReportResolver {
  @Query(() => UsageReportView)
  async usageReport(
    @Arg('from', () => DateTime) from: Date,
    @Arg('to', () => DateTime) to: Date,
    @Arg('bucket', () => ReportBucket) bucket: ReportBucket,
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
  ): Promise<UsageReportView> {
    const site = oneSiteScope(caller, 'reports:read', parseOptionalId(siteId, 'siteId'));
    return services.reports.usage(site, from, to, bucket);
  }
}
