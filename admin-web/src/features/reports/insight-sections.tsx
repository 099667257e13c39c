// The reports beyond usage, each as a section with its chart, a CSV of what is shown and
// the server's CSV export: occupancy by size, storage time, overdue, revenue, feedback.
import { useMemo } from 'react';
import type { InsightReportsQuery, ReportBucket } from '../../api/generated/graphql';
import { href } from '../../app/router';
import { formatDateTime, humanize } from '../../ui/format';
import { csvOf } from './csv';
import type { ReportRange } from './download';
import { DurationChart, OccupancyChart, OverdueChart, RatingChart, RevenueChart } from './insight-charts';
import {
  commentColumns,
  DURATION_COLUMNS,
  durationRows,
  formatMinutes,
  occupancyColumns,
  occupancyRows,
  overdueColumns,
  overdueRows,
  RATING_COLUMNS,
  ratingRows,
  REVENUE_COLUMNS,
  revenueRows,
} from './insight-data';
import { ReportSection } from './report-section';

interface Props {
  data: InsightReportsQuery;
  bucket: ReportBucket;
  timeZone: string;
  range: ReportRange;
  /** e.g. "central-station-2026-11-19-2026-11-25". */
  fileSuffix: string;
}

const minutes = (m: number | null | undefined) => (m == null ? '—' : formatMinutes(Math.round(m)));

/** All five sections. */
export function InsightSections({ data, bucket, timeZone, range, fileSuffix }: Props) {
  const occupancy = useMemo(
    () => occupancyRows(data.occupancyReport.buckets, bucket, timeZone),
    [data, bucket, timeZone],
  );
  const durations = useMemo(() => durationRows(data.storageDurationReport), [data]);
  const overdue = useMemo(
    () => overdueRows(data.overdueReport.buckets, bucket, timeZone),
    [data, bucket, timeZone],
  );
  const revenue = useMemo(() => revenueRows(data.revenueReport), [data]);
  const ratings = useMemo(() => ratingRows(data.feedbackReport.ratingCounts), [data]);
  const fb = data.feedbackReport;
  const sd = data.storageDurationReport;
  const common = { range, timeZone };
  const at = (iso: string) => formatDateTime(iso, timeZone);

  return (
    <>
      <ReportSection
        {...common}
        title="Occupancy by size"
        server="occupancy"
        fileBase={`occupancy-${fileSuffix}`}
        description={`Highest share of each size's compartments in use during each period (hover for counts). Periods in ${timeZone}.`}
        csv={
          occupancy.rows.length
            ? () => csvOf(occupancyColumns(occupancy.sizes, timeZone), occupancy.rows)
            : null
        }
      >
        {occupancy.rows.length ? (
          <OccupancyChart rows={occupancy.rows} sizes={occupancy.sizes} timeZone={timeZone} />
        ) : (
          <p>No compartments in this range.</p>
        )}
      </ReportSection>

      <ReportSection
        {...common}
        title="Storage time"
        server="storage-duration"
        fileBase={`storage-duration-${fileSuffix}`}
        description="Sessions retrieved in the range, by how long the luggage stayed."
        csv={durations.length ? () => csvOf(DURATION_COLUMNS, durations) : null}
      >
        <p data-testid="duration-summary">
          <span className="stat">{sd.sessions}</span> sessions · median {minutes(sd.medianMinutes)} · average{' '}
          {minutes(sd.averageMinutes)}
        </p>
        {sd.sessions > 0 && <DurationChart rows={durations} />}
      </ReportSection>

      <ReportSection
        {...common}
        title="Overdue"
        server="overdue"
        fileBase={`overdue-${fileSuffix}`}
        description={`Sessions that passed their included time and grace in each period, and security escalations. Periods in ${timeZone}.`}
        csv={overdue.length ? () => csvOf(overdueColumns(timeZone), overdue) : null}
      >
        <p>
          <span className="stat">{overdue.reduce((n, r) => n + r.overdue, 0)}</span> overdue ·{' '}
          {overdue.reduce((n, r) => n + r.securityEscalations, 0)} escalated to security
        </p>
        {overdue.length > 0 && <OverdueChart rows={overdue} timeZone={timeZone} />}
      </ReportSection>

      <ReportSection
        {...common}
        title="Revenue by tariff"
        server="revenue"
        fileBase={`revenue-${fileSuffix}`}
        description={`Captured card payments minus refunds, by compartment size, in ${revenue.currency} (major units).`}
        csv={revenue.rows.length ? () => csvOf(REVENUE_COLUMNS, revenue.rows) : null}
      >
        <p>
          Net{' '}
          <span className="stat" data-testid="revenue-net">
            {revenue.net.toFixed(2)} {revenue.currency}
          </span>{' '}
          from {revenue.rows.reduce((n, r) => n + r.payments, 0)} payments
        </p>
        {revenue.rows.length > 0 && <RevenueChart rows={revenue.rows} currency={revenue.currency} />}
      </ReportSection>

      <ReportSection
        {...common}
        title="Feedback"
        server="feedback"
        fileBase={`feedback-${fileSuffix}`}
        description="Ratings depositors gave after collecting, and their comments (newest first, at most 100)."
        csv={
          fb.responses
            ? () => csvOf(RATING_COLUMNS, ratings) + '\r\n' + csvOf(commentColumns(timeZone, at), fb.comments)
            : null
        }
      >
        <p data-testid="feedback-summary">
          Average <span className="stat">{fb.averageRating == null ? '—' : fb.averageRating.toFixed(2)}</span>{' '}
          / 5 from {fb.responses} responses
        </p>
        {fb.responses > 0 && <RatingChart rows={ratings} />}
        {fb.comments.length > 0 && (
          <table className="table compact" aria-label="Feedback comments">
            <thead>
              <tr>
                <th scope="col">When ({timeZone})</th>
                <th scope="col">Rating</th>
                <th scope="col">Size</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {fb.comments.map((c) => (
                <tr key={`${c.sessionId}-${c.at}`}>
                  <td>
                    <a href={href('sessions', c.sessionId)}>{at(c.at)}</a>
                  </td>
                  <td>{c.rating} / 5</td>
                  <td>{humanize(c.size)}</td>
                  <td>{c.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReportSection>
    </>
  );
}
