// Reports over a chosen range and bucket, for the chosen site or all sites: usage, then
// occupancy by size, storage time, overdue, revenue by tariff and feedback. Each section
// offers the CSV of what it shows and the server's CSV export of the same range.
import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { ReportBucket } from '../../api/generated/graphql';
import { useSite } from '../../app/site-context';
import { useAuth } from '../auth/auth-context';
import { humanize } from '../../ui/format';
import { InsightSections } from './insight-sections';
import { ReportCharts } from './report-charts';
import { toCsv, toRows } from './report-data';
import { ReportSection } from './report-section';
import { InsightReportsQuery, UsageReportQuery } from './reports.operations';
import { addDays, startOfDayIn, todayIn } from './zoned-time';

const BUCKETS: ReportBucket[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];

/** The reports page. */
export function ReportsPage() {
  const { site } = useSite();
  const { user } = useAuth();
  // a network-wide figure is for those with every site (the server refuses it to the others)
  const mayReportAllSites = user?.siteIds == null;
  const [chosenAllSites, setAllSites] = useState(false);
  const allSites = chosenAllSites && mayReportAllSites;
  // All sites are bucketed by the server in UTC (no single site zone applies).
  const timeZone = allSites || !site ? 'UTC' : site.timezone;
  const [to, setTo] = useState(() => todayIn(timeZone));
  const [from, setFrom] = useState(() => addDays(todayIn(timeZone), -6));
  const [bucket, setBucket] = useState<ReportBucket>('DAY');
  const rangeOk = Boolean(from && to) && from <= to;
  const variables = {
    siteId: allSites ? null : (site?.id ?? null),
    from: rangeOk ? startOfDayIn(from, timeZone) : '',
    // `to` is inclusive for people: up to the start of the next day.
    to: rangeOk ? startOfDayIn(addDays(to, 1), timeZone) : '',
    bucket,
  };
  const usage = useQuery(UsageReportQuery, { variables, skip: !rangeOk });
  const insights = useQuery(InsightReportsQuery, { variables, skip: !rangeOk });
  const rows = useMemo(
    () => (usage.data ? toRows(usage.data.usageReport.buckets, bucket, timeZone) : []),
    [usage.data, bucket, timeZone],
  );
  const scope = allSites ? 'all-sites' : (site?.name ?? 'site').replace(/\W+/g, '-').toLowerCase();
  const fileSuffix = `${scope}-${from}-${to}-${bucket.toLowerCase()}`;
  const error = usage.error ?? insights.error;

  return (
    <main className="page">
      <h1>Reports</h1>
      <form className="filters" aria-label="Report range" onSubmit={(e) => e.preventDefault()}>
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          To (inclusive)
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <label>
          Bucket
          <select value={bucket} onChange={(e) => setBucket(e.target.value as ReportBucket)}>
            {BUCKETS.map((b) => (
              <option key={b} value={b}>
                {humanize(b)}
              </option>
            ))}
          </select>
        </label>
        {mayReportAllSites && (
          <label className="check">
            <input type="checkbox" checked={allSites} onChange={(e) => setAllSites(e.target.checked)} />
            All sites
          </label>
        )}
      </form>
      <p className="muted" data-testid="report-scope">
        {allSites ? 'All sites' : site?.name} · days and periods in {timeZone} · money in major units.
      </p>
      {!rangeOk && (
        <p role="alert" className="error">
          “From” must not be after “To”.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      {(usage.loading || insights.loading) && <p>Loading…</p>}
      <ReportSection
        title="Usage"
        server="usage"
        range={variables}
        fileBase={`usage-${fileSuffix}`}
        description={`Deposits, retrievals, peak occupancy, average storage time and revenue per period (${timeZone}).`}
        csv={rows.length ? () => toCsv(rows, timeZone) : null}
      >
        {usage.data && rows.length === 0 && <p>No activity in this range.</p>}
        {rows.length > 0 && <ReportCharts rows={rows} timeZone={timeZone} />}
      </ReportSection>
      {insights.data && (
        <InsightSections
          data={insights.data}
          bucket={bucket}
          timeZone={timeZone}
          range={variables}
          fileSuffix={fileSuffix}
        />
      )}
    </main>
  );
}
