// Chart rows and the CSV of what is shown. Pure, tested in report-data.test.ts.
import { csvText, moneyCsvCell, moneyCsvHeader, toMajorUnits, type Money } from '@lockers/common';
import type { ReportBucket, UsageReportQuery } from '../../api/generated/graphql';

type Bucket = UsageReportQuery['usageReport']['buckets'][number];

/** One row as the charts and the CSV use it. */
export interface ReportRow {
  start: string;
  label: string;
  deposits: number;
  retrievals: number;
  peakOccupied: number;
  averageStorageMinutes: number | null;
  /** Major units (e.g. euros; yen are whole), for the chart axis. */
  revenue: number;
  /** The exact amount in minor units, for the CSV. */
  revenueMoney: Money;
  currency: string;
}

const FORMATS: Record<ReportBucket, Intl.DateTimeFormatOptions> = {
  HOUR: { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  DAY: { day: '2-digit', month: 'short' },
  WEEK: { day: '2-digit', month: 'short' },
  MONTH: { month: 'short', year: 'numeric' },
};

/** A labeller for bucket starts of size `bucket`, in `timeZone` ("25 Nov", "Week of 23 Nov"). */
export function bucketLabeller(
  bucket: ReportBucket,
  timeZone: string,
  locale?: string,
): (start: string) => string {
  const fmt = new Intl.DateTimeFormat(locale, { ...FORMATS[bucket], timeZone });
  return (start) => (bucket === 'WEEK' ? 'Week of ' : '') + fmt.format(new Date(start));
}

/** Buckets as rows, labelled in `timeZone`. */
export function toRows(
  buckets: readonly Bucket[],
  bucket: ReportBucket,
  timeZone: string,
  locale?: string,
): ReportRow[] {
  const label = bucketLabeller(bucket, timeZone, locale);
  return buckets.map((b) => ({
    start: b.start,
    label: label(b.start),
    deposits: b.deposits,
    retrievals: b.retrievals,
    peakOccupied: b.peakOccupied,
    averageStorageMinutes: b.averageStorageMinutes ?? null,
    revenue: toMajorUnits(b.revenue),
    revenueMoney: { amount: b.revenue.amount, currency: b.revenue.currency },
    currency: b.revenue.currency,
  }));
}

/** CSV (RFC 4180, header row; cells by the shared rule) of the rows shown. */
export function toCsv(rows: readonly ReportRow[], timeZone: string): string {
  const header = [
    'bucket_start_utc',
    `bucket_label_${timeZone}`,
    'deposits',
    'retrievals',
    'peak_occupied',
    'average_storage_minutes',
    moneyCsvHeader('revenue'),
    'currency',
  ];
  const lines = rows.map((r) => [
    r.start,
    r.label,
    r.deposits,
    r.retrievals,
    r.peakOccupied,
    r.averageStorageMinutes === null ? null : Math.round(r.averageStorageMinutes * 10) / 10,
    moneyCsvCell(r.revenueMoney),
    r.currency,
  ]);
  return csvText(header, lines);
}
