import { describe, expect, it } from 'vitest';
import { assistanceQueue, mergeAlerts, openAlerts, type AlertItem } from './alert-list';

const a = (
  id: string,
  type: AlertItem['type'],
  createdAt: string,
  acknowledgedAt: string | null = null,
): AlertItem => ({
  id,
  type,
  message: id,
  createdAt,
  acknowledgedAt,
  resolvedAt: null,
  compartment: null,
  session: null,
});

describe('alert lists', () => {
  it('merges by id, later copies winning', () => {
    const merged = mergeAlerts(
      [a('1', 'DOOR_FORCED', '2026-11-25T10:00:00Z')],
      [
        a('1', 'DOOR_FORCED', '2026-11-25T10:00:00Z', '2026-11-25T10:05:00Z'),
        a('2', 'OVERDUE', '2026-11-25T11:00:00Z'),
      ],
    );
    expect(merged.map((x) => [x.id, x.acknowledgedAt])).toEqual([
      ['1', '2026-11-25T10:05:00Z'],
      ['2', null],
    ]);
    expect(openAlerts(merged).map((x) => x.id)).toEqual(['2']);
  });

  it('an outage alert resolved by the gateway coming back is no longer open', () => {
    const outage = a('out', 'SITE_OFFLINE', '2026-11-25T10:00:00Z');
    const merged = mergeAlerts([outage], [{ ...outage, resolvedAt: '2026-11-25T11:00:00Z' }]);
    expect(merged).toHaveLength(1);
    expect(openAlerts(merged)).toEqual([]);
  });

  it('queues assistance requests: open first, oldest first; then answered, newest first', () => {
    const q = assistanceQueue([
      a('done-old', 'ASSISTANCE_REQUESTED', '2026-11-25T08:00:00Z', '2026-11-25T08:10:00Z'),
      a('open-new', 'ASSISTANCE_REQUESTED', '2026-11-25T10:00:00Z'),
      a('forced', 'DOOR_FORCED', '2026-11-25T07:00:00Z'),
      a('open-old', 'ASSISTANCE_REQUESTED', '2026-11-25T09:00:00Z'),
      a('done-new', 'ASSISTANCE_REQUESTED', '2026-11-25T09:30:00Z', '2026-11-25T09:40:00Z'),
    ]);
    expect(q.map((x) => x.id)).toEqual(['open-old', 'open-new', 'done-new', 'done-old']);
  });
});
