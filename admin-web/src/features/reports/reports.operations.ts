import { graphql } from '../../api/generated';

export const UsageReportQuery = graphql(`
  query UsageReport($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {
    usageReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {
      siteId
      from
      to
      bucket
      buckets {
        start
        deposits
        retrievals
        averageStorageMinutes
        peakOccupied
        revenue { amount currency }
      }
    }
  }
`);
