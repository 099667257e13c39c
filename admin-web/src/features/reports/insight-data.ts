// Shaping of the reports beyond usage into chart rows, plus the CSV columns of what each
// chart shows. Pure, tested in insight-data.test.ts.
import { moneyCsvCell, moneyCsvHeader, toMajorUnits, type Money } from '@lockers/common';
import type { CompartmentSize, InsightReportsQuery, ReportBucket } from '../../api/generated/graphql';
import { humanize } from '../../ui/format';
import type { CsvColumn } from './csv';
import { bucketLabeller } from './report-data';

type Data = InsightReportsQuery;
const SIZE_ORDER: readonly CompartmentSize[] = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'];

/** One period of occupancy: per size, peak occupied, capacity and the share in percent. */
export interface OccupancyRow {
  start: string;
  label: string;
  bySize: Partial<Record<CompartmentSize, { occupied: number; capacity: number; percent: number }>>;
}

/** Occupancy rows (one per period, sizes side by side) and the sizes present, in size order. */
export function occupancyRows(
  buckets: Data['occupancyReport']['buckets'],
  bucket: ReportBucket,
  timeZone: string,
  locale?: string,
): { rows: OccupancyRow[]; sizes: CompartmentSize[] } {
  const label = bucketLabeller(bucket, timeZone, locale);
  const byStart = new Map<string, OccupancyRow>();
  const sizes = new Set<CompartmentSize>();
  for (const b of buckets) {
    let row = byStart.get(b.start);
    if (!row) byStart.set(b.start, (row = { start: b.start, label: label(b.start), bySize: {} }));
    sizes.add(b.size);
    // Capacity 0 (no compartment of that size yet) reads as 0 %, not as a division error.
    const percent = b.capacity > 0 ? Math.round((1000 * b.peakOccupied) / b.capacity) / 10 : 0;
    row.bySize[b.size] = { occupied: b.peakOccupied, capacity: b.capacity, percent };
  }
  const rows = [...byStart.values()].sort((a, b) => a.start.localeCompare(b.start));
  return { rows, sizes: SIZE_ORDER.filter((s) => sizes.has(s)) };
}

/** recharts wants flat keys: "SMALL" -> percent, for each size. */
export function occupancyChartData(rows: readonly OccupancyRow[]): Record<string, string | number>[] {
  return rows.map((r) => ({
    label: r.label,
    ...Object.fromEntries(Object.entries(r.bySize).map(([size, v]) => [size, v.percent])),
  }));
}

export function occupancyColumns(
  sizes: readonly CompartmentSize[],
  timeZone: string,
): CsvColumn<OccupancyRow>[] {
  return [
    { header: 'bucket_start_utc', value: (r) => r.start },
    { header: `bucket_label_${timeZone}`, value: (r) => r.label },
    ...sizes.flatMap((s): CsvColumn<OccupancyRow>[] => [
      { header: `${s.toLowerCase()}_peak_occupied`, value: (r) => r.bySize[s]?.occupied ?? null },
      { header: `${s.toLowerCase()}_capacity`, value: (r) => r.bySize[s]?.capacity ?? null },
      { header: `${s.toLowerCase()}_percent`, value: (r) => r.bySize[s]?.percent ?? null },
    ]),
  ];
}

/** "45 min", "2 h", "1 h 30 min", "2 d". */
export function formatMinutes(m: number): string {
  if (m < 60) return `${m} min`;
  if (m % 1440 === 0) return `${m / 1440} d`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

/** One storage-time range of the distribution. */
export interface DurationRow {
  label: string;
  fromMinutes: number;
  toMinutes: number | null;
  sessions: number;
  percent: number;
}

/** The distribution with readable range labels ("1 h – 2 h", "24 h or more") and shares. */
export function durationRows(report: Data['storageDurationReport']): DurationRow[] {
  const total = report.ranges.reduce((n, r) => n + r.sessions, 0);
  return [...report.ranges]
    .sort((a, b) => a.fromMinutes - b.fromMinutes)
    .map((r) => ({
      label:
        r.toMinutes == null
          ? `${formatMinutes(r.fromMinutes)} or more`
          : `${formatMinutes(r.fromMinutes)} – ${formatMinutes(r.toMinutes)}`,
      fromMinutes: r.fromMinutes,
      toMinutes: r.toMinutes ?? null,
      sessions: r.sessions,
      percent: total ? Math.round((1000 * r.sessions) / total) / 10 : 0,
    }));
}

export const DURATION_COLUMNS: CsvColumn<DurationRow>[] = [
  { header: 'from_minutes', value: (r) => r.fromMinutes },
  { header: 'to_minutes', value: (r) => r.toMinutes },
  { header: 'range', value: (r) => r.label },
  { header: 'sessions', value: (r) => r.sessions },
  { header: 'percent', value: (r) => r.percent },
];

/** One period of overdue counts. */
export interface OverdueRow {
  start: string;
  label: string;
  overdue: number;
  securityEscalations: number;
}

export function overdueRows(
  buckets: Data['overdueReport']['buckets'],
  bucket: ReportBucket,
  timeZone: string,
  locale?: string,
): OverdueRow[] {
  const label = bucketLabeller(bucket, timeZone, locale);
  return buckets.map((b) => ({
    start: b.start,
    label: label(b.start),
    overdue: b.overdue,
    securityEscalations: b.securityEscalations,
  }));
}

export function overdueColumns(timeZone: string): CsvColumn<OverdueRow>[] {
  return [
    { header: 'bucket_start_utc', value: (r) => r.start },
    { header: `bucket_label_${timeZone}`, value: (r) => r.label },
    { header: 'overdue_sessions', value: (r) => r.overdue },
    { header: 'security_escalations', value: (r) => r.securityEscalations },
  ];
}

/** Revenue of one tariff size, in major units. */
export interface RevenueRow {
  size: CompartmentSize;
  label: string;
  payments: number;
  captured: number;
  refunded: number;
  net: number;
  currency: string;
  /** The exact amounts in minor units, for the CSV. */
  amounts: { captured: Money; refunded: Money; net: Money };
}

const plain = (m: Money): Money => ({ amount: m.amount, currency: m.currency });

/** Revenue by size in size order; money in major units (4.00, not 400). */
export function revenueRows(report: Data['revenueReport']): {
  rows: RevenueRow[];
  net: number;
  currency: string;
} {
  const rows = [...report.bySize]
    .sort((a, b) => SIZE_ORDER.indexOf(a.size) - SIZE_ORDER.indexOf(b.size))
    .map((r) => ({
      size: r.size,
      label: humanize(r.size),
      payments: r.payments,
      captured: toMajorUnits(r.captured),
      refunded: toMajorUnits(r.refunded),
      net: toMajorUnits(r.net),
      currency: r.net.currency,
      amounts: { captured: plain(r.captured), refunded: plain(r.refunded), net: plain(r.net) },
    }));
  return { rows, net: toMajorUnits(report.net), currency: report.net.currency };
}

export const REVENUE_COLUMNS: CsvColumn<RevenueRow>[] = [
  { header: 'size', value: (r) => r.size },
  { header: 'payments', value: (r) => r.payments },
  { header: moneyCsvHeader('captured'), value: (r) => moneyCsvCell(r.amounts.captured) },
  { header: moneyCsvHeader('refunded'), value: (r) => moneyCsvCell(r.amounts.refunded) },
  { header: moneyCsvHeader('net'), value: (r) => moneyCsvCell(r.amounts.net) },
  { header: 'currency', value: (r) => r.currency },
];

/** How many gave each rating, 1 to 5, with the share. */
export interface RatingRow {
  rating: number;
  label: string;
  count: number;
  percent: number;
}

export function ratingRows(ratingCounts: readonly number[]): RatingRow[] {
  const total = ratingCounts.reduce((a, n) => a + n, 0);
  return [1, 2, 3, 4, 5].map((rating) => {
    const count = ratingCounts[rating - 1] ?? 0;
    return {
      rating,
      label: `${rating} ★`,
      count,
      percent: total ? Math.round((1000 * count) / total) / 10 : 0,
    };
  });
}

export const RATING_COLUMNS: CsvColumn<RatingRow>[] = [
  { header: 'rating', value: (r) => r.rating },
  { header: 'responses', value: (r) => r.count },
  { header: 'percent', value: (r) => r.percent },
];

type Comment = Data['feedbackReport']['comments'][number];

export function commentColumns(timeZone: string, format: (iso: string) => string): CsvColumn<Comment>[] {
  return [
    { header: 'at_utc', value: (c) => c.at },
    { header: `at_${timeZone}`, value: (c) => format(c.at) },
    { header: 'rating', value: (c) => c.rating },
    { header: 'size', value: (c) => c.size },
    { header: 'session_id', value: (c) => c.sessionId },
    { header: 'comment', value: (c) => c.comment },
  ];
}
