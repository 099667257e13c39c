import { describe, expect, it } from 'vitest';
import { filterSessions, NO_LOCAL_FILTERS } from './session-filters';
import { buildTimeline } from './timeline';

const site = { __typename: 'Site' as const, id: 's', name: 'Central', timezone: 'Europe/Berlin' };
const s = (id: string, label: string | null, email: string | null, phone: string | null, createdAt: string) => ({
  id,
  compartment: label ? { __typename: 'Compartment' as const, id: `c-${label}`, label } : null,
  contactEmail: email,
  contactPhone: phone,
  createdAt,
  site,
});

const list = [
  s('1', 'A07', 'ana@example.com', null, '2026-11-24T22:30:00Z'), // 24 Nov 23:30 Berlin
  s('2', 'B07', null, '+49 170 1234567', '2026-11-24T23:30:00Z'), // 25 Nov 00:30 Berlin
  s('3', null, 'bo@example.com', null, '2026-11-25T10:00:00Z'),
];

describe('client-side session filters', () => {
  it('matches compartment label, email or phone digits', () => {
    expect(filterSessions(list, { ...NO_LOCAL_FILTERS, label: 'a07' }).map((x) => x.id)).toEqual(['1']);
    expect(filterSessions(list, { ...NO_LOCAL_FILTERS, label: '07' }).map((x) => x.id)).toEqual(['1', '2']);
    expect(filterSessions(list, { ...NO_LOCAL_FILTERS, contact: 'ANA@' }).map((x) => x.id)).toEqual(['1']);
    expect(filterSessions(list, { ...NO_LOCAL_FILTERS, contact: '170 123' }).map((x) => x.id)).toEqual(['2']);
  });

  it('compares dates as days in the site zone', () => {
    expect(filterSessions(list, { ...NO_LOCAL_FILTERS, from: '2026-11-25', to: '2026-11-25' }).map((x) => x.id)).toEqual(['2', '3']);
    expect(filterSessions(list, { ...NO_LOCAL_FILTERS, to: '2026-11-24' }).map((x) => x.id)).toEqual(['1']);
  });
});

describe('session timeline', () => {
  it('merges transitions and door events by time', () => {
    const t = buildTimeline({
      history: [
        { at: '2026-11-25T10:00:00Z', from: null, to: 'CREATED', actor: 'kiosk:1', reason: null },
        { at: '2026-11-25T10:01:00Z', from: 'CREATED', to: 'DEPOSITING', actor: 'kiosk:1', reason: null },
        { at: '2026-11-25T10:02:00Z', from: 'DEPOSITING', to: 'STORED', actor: 'gateway:1', reason: null },
      ],
      events: [
        { id: 'e1', at: '2026-11-25T10:01:00Z', type: 'UNLOCK_REQUESTED', detail: null, compartment: { id: 'c', label: 'A01' } },
        { id: 'e2', at: '2026-11-25T10:01:30Z', type: 'OPENED', detail: null, compartment: { id: 'c', label: 'A01' } },
      ],
    });
    expect(t.map((e) => e.title)).toEqual(['New → Created', 'Created → Depositing', 'Unlock requested · A01', 'Opened · A01', 'Depositing → Stored']);
    expect(t[1]?.detail).toBe('by kiosk:1');
  });
});
