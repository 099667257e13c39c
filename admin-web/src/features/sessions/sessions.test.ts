import { describe, expect, it } from 'vitest';
import { contactHint, NO_FILTERS, rangeError, sessionVariables } from './session-filters';
import { buildTimeline } from './timeline';

describe('session search variables (applied by the server)', () => {
  it('sends nothing for empty fields and the site unless "all sites"', () => {
    expect(sessionVariables(NO_FILTERS, 's1', 'Europe/Berlin', 25)).toEqual({
      siteId: 's1',
      status: null,
      overdue: null,
      compartmentLabel: null,
      contact: null,
      createdFrom: null,
      createdTo: null,
      first: 25,
    });
    expect(sessionVariables({ ...NO_FILTERS, allSites: true, overdue: 'no' }, 's1', 'UTC', 25)).toMatchObject(
      { siteId: null, overdue: false },
    );
  });

  it('trims label and contact and passes status and overdue', () => {
    const v = sessionVariables(
      { ...NO_FILTERS, label: ' a07 ', contact: ' +49 170 ', status: 'STORED', overdue: 'yes' },
      's1',
      'UTC',
      10,
    );
    expect(v).toMatchObject({ compartmentLabel: 'a07', contact: '+49 170', status: 'STORED', overdue: true });
  });

  it('holds back a contact shorter than the server accepts, with a hint', () => {
    const short = { ...NO_FILTERS, contact: ' an ' };
    expect(sessionVariables(short, 's1', 'UTC', 25).contact).toBeNull();
    expect(contactHint(short)).toMatch(/at least 3/);
    expect(contactHint({ ...NO_FILTERS, contact: 'ana' })).toBeNull();
  });

  it('turns days into local midnights of the site zone, "to" inclusive', () => {
    const v = sessionVariables(
      { ...NO_FILTERS, from: '2026-11-25', to: '2026-11-25' },
      's1',
      'Europe/Berlin',
      25,
    );
    expect(v.createdFrom).toBe('2026-11-24T23:00:00.000Z');
    expect(v.createdTo).toBe('2026-11-25T23:00:00.000Z');
    const summer = sessionVariables({ ...NO_FILTERS, to: '2026-07-01' }, 's1', 'Europe/Berlin', 25);
    expect(summer).toMatchObject({ createdFrom: null, createdTo: '2026-07-01T22:00:00.000Z' });
  });

  it('flags a range that runs backwards', () => {
    expect(rangeError({ ...NO_FILTERS, from: '2026-11-26', to: '2026-11-25' })).toMatch(/must not be after/);
    expect(rangeError({ ...NO_FILTERS, from: '2026-11-25', to: '2026-11-25' })).toBeNull();
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
        {
          id: 'e1',
          at: '2026-11-25T10:01:00Z',
          type: 'UNLOCK_REQUESTED',
          detail: null,
          compartment: { id: 'c', label: 'A01' },
        },
        {
          id: 'e2',
          at: '2026-11-25T10:01:30Z',
          type: 'OPENED',
          detail: null,
          compartment: { id: 'c', label: 'A01' },
        },
      ],
    });
    expect(t.map((e) => e.title)).toEqual([
      'New → Created',
      'Created → Depositing',
      'Unlock requested · A01',
      'Opened · A01',
      'Depositing → Stored',
    ]);
    expect(t[1]?.detail).toBe('by kiosk:1');
  });
});
