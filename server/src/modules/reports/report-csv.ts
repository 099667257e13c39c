import { csvText, moneyCsvCell, moneyCsvHeader } from '@lockers/common';
import type { InsightService } from './insight.service.js';
import type { ReportService } from './report.service.js';
import { badInput } from '../../errors/domain-error.js';
import { ReportBucket } from './report.types.js';

export const CSV_REPORTS = [
  'sessions',
  'usage',
  'occupancy',
  'storage-duration',
  'overdue',
  'revenue',
  'feedback',
] as const;
export type CsvReport = (typeof CSV_REPORTS)[number];

export interface CsvQuery {
  siteId: string | null;
  from: Date;
  to: Date;
  bucket: ReportBucket;
}

type Row = Record<string, unknown>;
const iso = (d: unknown) => (d == null ? '' : new Date(d as string).toISOString());
/** Money columns: major units of the row's currency, the unit named in the header (see @lockers/common). */
const amounts = (currency: string, values: Record<string, number>): Row =>
  Object.fromEntries(
    Object.entries(values).map(([k, amount]) => [moneyCsvHeader(k), moneyCsvCell({ amount, currency })]),
  );

/** The rows of one report, flat, in the order the GraphQL report gives them. */
/** The report services a CSV is read from. */
export interface CsvSources {
  reports: ReportService;
  insights: InsightService;
}

export async function csvRows(services: CsvSources, name: CsvReport, q: CsvQuery): Promise<Row[]> {
  const { siteId, from, to, bucket } = q;
  switch (name) {
    case 'sessions':
      return (await services.insights.sessions(siteId, from, to)).map(({ price, paid, currency, ...r }) => ({
        ...r,
        ...Object.fromEntries(
          ['created_at', 'deposited_at', 'due_at', 'retrieved_at', 'ended_at'].map((k) => [k, iso(r[k])]),
        ),
        currency,
        ...amounts(String(currency), { price: Number(price), paid: Number(paid) }),
      }));
    case 'usage':
      return (await services.reports.usage(siteId, from, to, bucket)).buckets.map((b) => ({
        start: iso(b.start),
        deposits: b.deposits,
        retrievals: b.retrievals,
        average_storage_minutes: b.averageStorageMinutes ?? '',
        peak_occupied: b.peakOccupied,
        currency: b.revenue.currency,
        ...amounts(b.revenue.currency, { revenue: b.revenue.amount }),
      }));
    case 'occupancy':
      return (await services.insights.occupancy(siteId, from, to, bucket)).buckets.map((b) => ({
        start: iso(b.start),
        size: b.size,
        peak_occupied: b.peakOccupied,
        capacity: b.capacity,
      }));
    case 'storage-duration':
      return (await services.insights.storageDuration(siteId, from, to)).ranges.map((r) => ({
        from_minutes: r.fromMinutes,
        to_minutes: r.toMinutes ?? '',
        sessions: r.sessions,
      }));
    case 'overdue':
      return (await services.insights.overdue(siteId, from, to, bucket)).buckets.map((b) => ({
        start: iso(b.start),
        overdue: b.overdue,
        security_escalations: b.securityEscalations,
        abandoned: b.abandoned,
      }));
    case 'revenue':
      return (await services.insights.revenue(siteId, from, to)).bySize.map((r) => ({
        size: r.size,
        payments: r.payments,
        automatic_refunds: r.automaticRefunds,
        currency: r.net.currency,
        ...amounts(r.net.currency, {
          captured: r.captured.amount,
          refunded: r.refunded.amount,
          refunded_automatically: r.refundedAutomatically.amount,
          net: r.net.amount,
        }),
      }));
    case 'feedback':
      return (await services.insights.feedback(siteId, from, to)).comments.map((c) => ({
        at: iso(c.at),
        site_id: c.siteId,
        session_id: c.sessionId,
        size: c.size,
        rating: c.rating,
        comment: c.comment,
      }));
  }
}

function cellText(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(v);
    case 'object':
      return v === null ? '' : v instanceof Date ? v.toISOString() : JSON.stringify(v);
    default:
      return '';
  }
}

/**
 * RFC 4180 text, cells escaped by the shared rule (@lockers/common's csvCell: a cell that a
 * spreadsheet would run as a formula, as a depositor's comment might, gets a leading apostrophe).
 */
export function toCsv(rows: Row[], header?: string[]): string {
  const columns = header ?? Object.keys(rows[0] ?? {});
  return csvText(
    columns,
    rows.map((r) => columns.map((c) => cellText(r[c]))),
  );
}

/** Reads `?siteId&from&to&bucket` (from/to ISO-8601; bucket defaults to DAY). */
export function parseCsvQuery(params: URLSearchParams): Omit<CsvQuery, 'siteId'> & { siteId: string | null } {
  const date = (name: string): Date => {
    const raw = params.get(name);
    const d = raw ? new Date(raw) : null;
    if (!d || Number.isNaN(d.getTime())) throw badInput(name, `${name} must be an ISO-8601 date-time`);
    return d;
  };
  const bucket = (params.get('bucket') ?? 'DAY').toUpperCase();
  if (!(bucket in ReportBucket)) throw badInput('bucket', 'bucket must be HOUR, DAY, WEEK or MONTH');
  return {
    siteId: params.get('siteId') || null,
    from: date('from'),
    to: date('to'),
    bucket: bucket as ReportBucket,
  };
}
