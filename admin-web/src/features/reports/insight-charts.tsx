// Charts of the reports beyond usage. Every axis says what it counts and in which unit;
// time axes say which zone the periods are in.
import { formatMajorUnits } from '@lockers/common';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompartmentSize } from '../../api/generated/graphql';
import { humanize } from '../../ui/format';
import { Chart } from './report-charts';
import {
  occupancyChartData,
  type DurationRow,
  type OccupancyRow,
  type OverdueRow,
  type RatingRow,
  type RevenueRow,
} from './insight-data';

const SIZE_COLOURS: Record<CompartmentSize, string> = {
  SMALL: '#1f5fbf',
  MEDIUM: '#2e7d32',
  LARGE: '#b35c00',
  XLARGE: '#8a3ffc',
};
const yLabel = (value: string) => ({
  value,
  angle: -90,
  position: 'insideLeft' as const,
  style: { textAnchor: 'middle' as const },
});
const periodAxis = (timeZone: string) => (
  <XAxis
    dataKey="label"
    height={48}
    label={{ value: `Period start (${timeZone})`, position: 'insideBottom', offset: -4 }}
  />
);

/** Peak share of each size's compartments in use, per period (0–100 %). */
export function OccupancyChart({
  rows,
  sizes,
  timeZone,
}: {
  rows: readonly OccupancyRow[];
  sizes: readonly CompartmentSize[];
  timeZone: string;
}) {
  const data = occupancyChartData(rows);
  return (
    <Chart title="Peak occupancy by size" height={280}>
      <LineChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        {periodAxis(timeZone)}
        <YAxis domain={[0, 100]} unit=" %" label={yLabel('% of compartments in use')} width={72} />
        <Tooltip
          formatter={(v, name, item) => {
            const row =
              rows[item.payload ? data.indexOf(item.payload as Record<string, string | number>) : -1];
            const cell = row?.bySize[name as CompartmentSize];
            const value = String(v ?? '');
            return [
              cell ? `${value} % (${cell.occupied} of ${cell.capacity})` : `${value} %`,
              humanize(String(name)),
            ];
          }}
        />
        <Legend verticalAlign="top" itemSorter={null} formatter={(v) => humanize(String(v))} />
        {sizes.map((s) => (
          // Straight lines with dots: a step line hides the last period against the axis edge.
          <Line
            key={s}
            type="linear"
            dataKey={s}
            name={s}
            stroke={SIZE_COLOURS[s]}
            strokeWidth={2}
            dot={data.length <= 48 ? { r: 3 } : false}
          />
        ))}
      </LineChart>
    </Chart>
  );
}

/** How long luggage stayed, as a histogram of ranges. */
export function DurationChart({ rows }: { rows: readonly DurationRow[] }) {
  return (
    <Chart title="Storage time distribution">
      <BarChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          height={48}
          label={{ value: 'Time stored (deposit to retrieval)', position: 'insideBottom', offset: -4 }}
        />
        <YAxis allowDecimals={false} label={yLabel('sessions')} />
        <Tooltip
          formatter={(v, _n, item) => [
            `${String(v ?? '')} sessions (${(item.payload as DurationRow).percent} %)`,
            'Sessions',
          ]}
        />
        <Bar dataKey="sessions" name="Sessions" fill="#1f5fbf" />
      </BarChart>
    </Chart>
  );
}

/** Sessions that went overdue, and security escalations, per period. */
export function OverdueChart({ rows, timeZone }: { rows: readonly OverdueRow[]; timeZone: string }) {
  return (
    <Chart title="Overdue sessions">
      <BarChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        {periodAxis(timeZone)}
        <YAxis allowDecimals={false} label={yLabel('sessions')} />
        <Tooltip />
        <Legend verticalAlign="top" itemSorter={null} />
        <Bar dataKey="overdue" name="Became overdue" fill="#b35c00" />
        <Bar dataKey="securityEscalations" name="Security escalations" fill="#b00020" />
      </BarChart>
    </Chart>
  );
}

/** Captured, refunded and net money per tariff size. */
export function RevenueChart({ rows, currency }: { rows: readonly RevenueRow[]; currency: string }) {
  const money = (v: unknown) => (typeof v === 'number' ? formatMajorUnits(v, currency) : String(v));
  return (
    <Chart title={`Revenue by size (${currency})`}>
      <BarChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          height={48}
          label={{ value: 'Tariff (compartment size)', position: 'insideBottom', offset: -4 }}
        />
        <YAxis label={yLabel(currency)} width={72} />
        <Tooltip formatter={(v, n) => [money(v), n]} />
        <Legend verticalAlign="top" itemSorter={null} />
        <Bar dataKey="captured" name="Captured" fill="#00695c" />
        <Bar dataKey="refunded" name="Refunded" fill="#b00020" />
        <Bar dataKey="net" name="Net" fill="#1f5fbf" />
      </BarChart>
    </Chart>
  );
}

/** How many gave each star rating. */
export function RatingChart({ rows }: { rows: readonly RatingRow[] }) {
  return (
    <Chart title="Ratings">
      <BarChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          height={48}
          label={{ value: 'Rating (1 = poor, 5 = great)', position: 'insideBottom', offset: -4 }}
        />
        <YAxis allowDecimals={false} label={yLabel('responses')} />
        <Tooltip
          formatter={(v, _n, item) => [
            `${String(v ?? '')} (${(item.payload as RatingRow).percent} %)`,
            'Responses',
          ]}
        />
        <Bar dataKey="count" name="Responses" fill="#8a3ffc" />
      </BarChart>
    </Chart>
  );
}
