// The four usage charts. Each has a heading, labelled axes with units, and a table
// fallback is the CSV download (the numbers themselves).
import { formatMajorUnits } from '@lockers/common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportRow } from './report-data';

const H = 240;

/** A captioned figure (its accessible name is the title) holding one responsive chart. */
export function Chart({
  title,
  children,
  height = H,
}: {
  title: string;
  children: React.ReactElement;
  height?: number;
}) {
  return (
    <figure className="card chart" aria-label={title}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** Deposits and retrievals, peak occupancy, average storage time, revenue. */
export function ReportCharts({ rows, timeZone }: { rows: readonly ReportRow[]; timeZone: string }) {
  const currency = rows[0]?.currency ?? '';
  const xAxis = (
    <XAxis
      dataKey="label"
      label={{ value: `Period start (${timeZone})`, position: 'insideBottom', offset: -4 }}
      height={48}
    />
  );
  const data = rows as ReportRow[];
  return (
    <div className="charts">
      <Chart title="Deposits and retrievals">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          {xAxis}
          <YAxis allowDecimals={false} label={{ value: 'sessions', angle: -90, position: 'insideLeft' }} />
          <Tooltip />
          <Legend verticalAlign="top" />
          <Bar dataKey="deposits" name="Deposits" fill="#1f5fbf" />
          <Bar dataKey="retrievals" name="Retrievals" fill="#2e7d32" />
        </BarChart>
      </Chart>
      <Chart title="Peak occupancy">
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          {xAxis}
          <YAxis allowDecimals={false} label={{ value: 'occupied', angle: -90, position: 'insideLeft' }} />
          <Tooltip />
          <Line
            type="stepAfter"
            dataKey="peakOccupied"
            name="Peak occupied"
            stroke="#8a3ffc"
            strokeWidth={2}
          />
        </LineChart>
      </Chart>
      <Chart title="Average storage time">
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          {xAxis}
          <YAxis label={{ value: 'minutes', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(0)} min` : String(v))} />
          <Line
            type="monotone"
            dataKey="averageStorageMinutes"
            name="Average minutes"
            stroke="#b35c00"
            strokeWidth={2}
            connectNulls={false}
          />
        </LineChart>
      </Chart>
      <Chart title={`Revenue${currency ? ` (${currency})` : ''}`}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          {xAxis}
          <YAxis label={{ value: currency || 'amount', angle: -90, position: 'insideLeft' }} />
          <Tooltip
            formatter={(v) => (typeof v === 'number' && currency ? formatMajorUnits(v, currency) : String(v))}
          />
          <Bar dataKey="revenue" name="Revenue" fill="#00695c" />
        </BarChart>
      </Chart>
    </div>
  );
}
