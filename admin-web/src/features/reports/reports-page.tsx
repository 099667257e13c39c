// Usage over a chosen range and bucket, for the chosen site or all sites, with a CSV of
// exactly what is charted. Occupancy by size, duration distribution and overdue counts
// come with a later issue.
import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { ReportBucket } from '../../api/generated/graphql';
import { useSite } from '../../app/site-context';
import { humanize } from '../../ui/format';
import { ReportCharts } from './report-charts';
import { toCsv, toRows } from './report-data';
import { UsageReportQuery } from './reports.operations';
import { addDays, startOfDayIn, todayIn } from './zoned-time';

const BUCKETS: ReportBucket[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** The reports page. */
export function ReportsPage() {
  const { site } = useSite();
  const [allSites, setAllSites] = useState(false);
  // All sites are bucketed by the server in UTC (no single site zone applies).
  const timeZone = allSites || !site ? 'UTC' : site.timezone;
  const [to, setTo] = useState(() => todayIn(timeZone));
  const [from, setFrom] = useState(() => addDays(todayIn(timeZone), -6));
  const [bucket, setBucket] = useState<ReportBucket>('DAY');
  const rangeOk = from <= to;
  const variables = {
    siteId: allSites ? null : (site?.id ?? null),
    from: startOfDayIn(from, timeZone),
    // `to` is inclusive for people: up to the start of the next day.
    to: startOfDayIn(addDays(to, 1), timeZone),
    bucket,
  };
  const { data, error, loading } = useQuery(UsageReportQuery, { variables, skip: !rangeOk });
  const rows = useMemo(() => (data ? toRows(data.usageReport.buckets, bucket, timeZone) : []), [data, bucket, timeZone]);
  const scope = allSites ? 'all-sites' : (site?.name ?? 'site').replace(/\W+/g, '-').toLowerCase();

  return (
    <main className="page">
      <h1>Usage reports</h1>
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
        <label className="check">
          <input type="checkbox" checked={allSites} onChange={(e) => setAllSites(e.target.checked)} />
          All sites
        </label>
        <button type="button" disabled={rows.length === 0} onClick={() => download(`usage-${scope}-${from}-${to}-${bucket.toLowerCase()}.csv`, toCsv(rows, timeZone))}>
          Download CSV
        </button>
      </form>
      <p className="muted">
        {allSites ? 'All sites' : site?.name} · days and buckets in {timeZone} · money in major units.
      </p>
      {!rangeOk && <p role="alert" className="error">“From” must not be after “To”.</p>}
      {error && <p role="alert" className="error">{errorMessage(error)}</p>}
      {loading && <p>Loading…</p>}
      {data && rows.length === 0 && <p>No activity in this range.</p>}
      {rows.length > 0 && <ReportCharts rows={rows} timeZone={timeZone} />}
      <p className="muted">Occupancy by size, the storage-duration distribution and overdue counts come with a later issue.</p>
    </main>
  );
}
