import { describe, expect, it } from 'vitest';
import { csvOf } from './csv';
import {
  commentColumns,
  durationRows,
  formatMinutes,
  occupancyChartData,
  occupancyColumns,
  occupancyRows,
  overdueRows,
  ratingRows,
  REVENUE_COLUMNS,
  revenueRows,
} from './insight-data';

const money = (amount: number) => ({ __typename: 'Money' as const, amount, currency: 'EUR' });

describe('occupancy by size', () => {
  const b = (start: string, size: 'SMALL' | 'MEDIUM' | 'XLARGE', peakOccupied: number, capacity: number) => ({
    __typename: 'OccupancyBucket' as const,
    start,
    size,
    peakOccupied,
    capacity,
  });
  const buckets = [
    b('2026-11-25T23:00:00.000Z', 'XLARGE', 1, 2),
    b('2026-11-24T23:00:00.000Z', 'MEDIUM', 3, 8),
    b('2026-11-24T23:00:00.000Z', 'SMALL', 8, 8),
    b('2026-11-25T23:00:00.000Z', 'SMALL', 0, 0),
  ];

  it('puts sizes side by side per period, in time and size order, as shares of capacity', () => {
    const { rows, sizes } = occupancyRows(buckets, 'DAY', 'Europe/Berlin', 'en-GB');
    expect(sizes).toEqual(['SMALL', 'MEDIUM', 'XLARGE']);
    expect(rows.map((r) => r.label)).toEqual(['25 Nov', '26 Nov']);
    expect(rows[0]?.bySize).toEqual({
      SMALL: { occupied: 8, capacity: 8, percent: 100 },
      MEDIUM: { occupied: 3, capacity: 8, percent: 37.5 },
    });
    // No compartments of a size reads as 0 %, not NaN.
    expect(rows[1]?.bySize.SMALL?.percent).toBe(0);
    expect(occupancyChartData(rows)[1]).toEqual({ label: '26 Nov', XLARGE: 50, SMALL: 0 });
  });

  it('writes the CSV with one column group per size and empty cells for a missing size', () => {
    const { rows, sizes } = occupancyRows(buckets, 'DAY', 'Europe/Berlin', 'en-GB');
    expect(csvOf(occupancyColumns(sizes, 'Europe/Berlin'), rows).split('\r\n')).toEqual([
      'bucket_start_utc,bucket_label_Europe/Berlin,small_peak_occupied,small_capacity,small_percent,medium_peak_occupied,medium_capacity,medium_percent,xlarge_peak_occupied,xlarge_capacity,xlarge_percent',
      '2026-11-24T23:00:00.000Z,25 Nov,8,8,100,3,8,37.5,,,',
      '2026-11-25T23:00:00.000Z,26 Nov,0,0,0,,,,1,2,50',
      '',
    ]);
  });
});

describe('storage duration', () => {
  it('labels ranges for people and gives each share', () => {
    const rows = durationRows({
      sessions: 8,
      medianMinutes: 95,
      averageMinutes: 300,
      ranges: [
        { fromMinutes: 1440, toMinutes: null, sessions: 2 },
        { fromMinutes: 0, toMinutes: 30, sessions: 2 },
        { fromMinutes: 60, toMinutes: 240, sessions: 4 },
      ],
    });
    expect(rows.map((r) => [r.label, r.sessions, r.percent])).toEqual([
      ['0 min – 30 min', 2, 25],
      ['1 h – 4 h', 4, 50],
      ['1 d or more', 2, 25],
    ]);
    expect(formatMinutes(90)).toBe('1 h 30 min');
  });
});

describe('overdue, revenue and feedback', () => {
  it('labels overdue periods in the site zone', () => {
    const rows = overdueRows(
      [{ start: '2026-11-25T13:00:00.000Z', overdue: 2, securityEscalations: 1 }],
      'HOUR',
      'Europe/Berlin',
      'en-GB',
    );
    expect(rows).toEqual([
      { start: '2026-11-25T13:00:00.000Z', label: '25 Nov, 14:00', overdue: 2, securityEscalations: 1 },
    ]);
  });

  it('gives revenue by size in major units, in size order', () => {
    const r = revenueRows({
      net: money(1400),
      bySize: [
        { size: 'XLARGE', payments: 1, captured: money(800), refunded: money(0), net: money(800) },
        { size: 'MEDIUM', payments: 3, captured: money(1200), refunded: money(600), net: money(600) },
      ],
    });
    expect(r.net).toBe(14);
    expect(r.rows.map((x) => [x.label, x.captured, x.refunded, x.net])).toEqual([
      ['Medium', 12, 6, 6],
      ['X-large', 8, 0, 8],
    ]);
    const csv = csvOf(REVENUE_COLUMNS, r.rows).split('\r\n');
    expect(csv[0]).toBe('size,payments,captured_major_units,refunded_major_units,net_major_units,currency');
    expect(csv[1]).toBe('MEDIUM,3,12.00,6.00,6.00,EUR');
  });

  it('uses each currency decimals: JPY 1500 is 1500 yen, KWD 1500 is 1.500 dinars (never a 100x slip)', () => {
    for (const [currency, major, text] of [
      ['JPY', 1500, '1500'],
      ['EUR', 15, '15.00'],
      ['KWD', 1.5, '1.500'],
    ] as const) {
      const m = { __typename: 'Money' as const, amount: 1500, currency };
      const r = revenueRows({
        net: m,
        bySize: [{ size: 'SMALL', payments: 1, captured: m, refunded: { ...m, amount: 0 }, net: m }],
      } as never);
      expect(r.net).toBe(major);
      expect(csvOf(REVENUE_COLUMNS, r.rows).split('\r\n')[1]).toBe(
        `SMALL,1,${text},${currency === 'EUR' ? '0.00' : currency === 'KWD' ? '0.000' : '0'},${text},${currency}`,
      );
    }
  });

  it('turns rating counts into five rows with shares, and guards comments against spreadsheet formulas', () => {
    expect(ratingRows([0, 0, 1, 1, 2]).map((r) => [r.label, r.count, r.percent])).toEqual([
      ['1 ★', 0, 0],
      ['2 ★', 0, 0],
      ['3 ★', 1, 25],
      ['4 ★', 1, 25],
      ['5 ★', 2, 50],
    ]);
    expect(ratingRows([]).every((r) => r.count === 0 && r.percent === 0)).toBe(true);
    const comment = {
      __typename: 'FeedbackComment' as const,
      at: '2026-11-25T10:00:00Z',
      rating: 1,
      comment: '=HYPERLINK("x")',
      sessionId: 's1',
      siteId: 'site',
      size: 'SMALL' as const,
    };
    expect(
      csvOf(
        commentColumns('UTC', () => 'then'),
        [comment],
      ).split('\r\n')[1],
    ).toBe(`2026-11-25T10:00:00Z,then,1,SMALL,s1,"'=HYPERLINK(""x"")"`);
  });
});
