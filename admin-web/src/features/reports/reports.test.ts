import { describe, expect, it, test } from 'vitest';
import { exportPath } from './download';
import { toCsv, toRows } from './report-data';
import { addDays, startOfDayIn, todayIn } from './zoned-time';

describe('zoned time', () => {
  it('finds local midnight in the site zone, across DST', () => {
    expect(startOfDayIn('2026-11-25', 'Europe/Berlin')).toBe('2026-11-24T23:00:00.000Z'); // CET
    expect(startOfDayIn('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z'); // CEST
    expect(startOfDayIn('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z'); // DST starts that night
    expect(startOfDayIn('2026-11-25', 'America/New_York')).toBe('2026-11-25T05:00:00.000Z');
    expect(startOfDayIn('2026-11-25', 'UTC')).toBe('2026-11-25T00:00:00.000Z');
  });

  it('does calendar arithmetic and today in a zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(todayIn('Asia/Tokyo', new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });
});

const bucket = (
  start: string,
  over: Partial<{ deposits: number; avg: number | null; revenue: number }> = {},
) => ({
  __typename: 'UsageBucket' as const,
  start,
  deposits: over.deposits ?? 3,
  retrievals: 2,
  averageStorageMinutes: over.avg === undefined ? 95.25 : over.avg,
  peakOccupied: 4,
  revenue: { __typename: 'Money' as const, amount: over.revenue ?? 1250, currency: 'EUR' },
});

describe('report rows and CSV', () => {
  it('labels buckets in the site zone and converts revenue to major units', () => {
    const rows = toRows([bucket('2026-11-24T23:00:00.000Z')], 'DAY', 'Europe/Berlin', 'en-GB');
    expect(rows[0]).toMatchObject({ label: '25 Nov', deposits: 3, revenue: 12.5, currency: 'EUR' });
    const hours = toRows([bucket('2026-11-25T13:00:00.000Z')], 'HOUR', 'Europe/Berlin', 'en-GB');
    expect(hours[0]?.label).toBe('25 Nov, 14:00');
  });

  it('writes a CSV of what is shown, with empty cells for no data', () => {
    const rows = toRows(
      [bucket('2026-11-24T23:00:00.000Z'), bucket('2026-11-25T23:00:00.000Z', { avg: null, revenue: 0 })],
      'DAY',
      'Europe/Berlin',
      'en-GB',
    );
    expect(toCsv(rows, 'Europe/Berlin').split('\r\n')).toEqual([
      'bucket_start_utc,bucket_label_Europe/Berlin,deposits,retrievals,peak_occupied,average_storage_minutes,revenue_major_units,currency',
      '2026-11-24T23:00:00.000Z,25 Nov,3,2,4,95.3,12.50,EUR',
      '2026-11-25T23:00:00.000Z,26 Nov,3,2,4,,0.00,EUR',
      '',
    ]);
  });

  it('quotes cells that need it', () => {
    const rows = toRows([bucket('2026-11-25T00:00:00.000Z')], 'MONTH', 'UTC', 'en-US');
    rows[0]!.label = 'Nov, "2026"';
    expect(toCsv(rows, 'UTC')).toContain(',"Nov, ""2026""",');
  });
});

describe('exportPath', () => {
  test('a list’s filters become the export’s query, without nulls or paging', () => {
    expect(
      exportPath('sessions', {
        siteId: 's1',
        status: 'STORED',
        overdue: true,
        contact: null,
        createdFrom: '2026-12-01T00:00:00.000Z',
        first: 25,
        after: 'x',
      }),
    ).toBe(
      '/exports/sessions.csv?siteId=s1&status=STORED&overdue=true&createdFrom=2026-12-01T00%3A00%3A00.000Z',
    );
    expect(exportPath('audit', { siteId: null, first: 25 })).toBe('/exports/audit.csv');
  });
});
