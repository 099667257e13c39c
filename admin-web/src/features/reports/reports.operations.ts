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
        revenue {
          amount
          currency
        }
      }
    }
  }
`);

export const InsightReportsQuery = graphql(`
  query InsightReports($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {
    occupancyReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {
      buckets {
        start
        size
        peakOccupied
        capacity
      }
    }
    storageDurationReport(siteId: $siteId, from: $from, to: $to) {
      sessions
      medianMinutes
      averageMinutes
      ranges {
        fromMinutes
        toMinutes
        sessions
      }
    }
    overdueReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {
      buckets {
        start
        overdue
        securityEscalations
      }
    }
    revenueReport(siteId: $siteId, from: $from, to: $to) {
      bySize {
        size
        payments
        captured {
          amount
          currency
        }
        refunded {
          amount
          currency
        }
        net {
          amount
          currency
        }
      }
      net {
        amount
        currency
      }
    }
    feedbackReport(siteId: $siteId, from: $from, to: $to) {
      responses
      averageRating
      ratingCounts
      comments {
        at
        rating
        comment
        sessionId
        siteId
        size
      }
    }
  }
`);
