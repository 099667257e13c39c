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

  it('puts payments and refunds among the status changes, with who and why', () => {
    const payment = {
      id: 'p1',
      amount: { amount: 400, currency: 'EUR' },
      status: 'REFUNDED' as const,
      kind: 'FEE' as const,
      extensionMinutes: null as number | null,
      provider: 'demo',
      createdAt: '2026-11-25T10:00:30.000Z',
      capturedAt: '2026-11-25T10:00:40Z',
      refundedAt: '2026-11-25T10:05:00Z',
      refundSentAt: '2026-11-25T10:05:02Z',
      refundReason: 'Locker was dirty',
      refundEffect: 'CANCEL_CHARGE' as const,
      refundedBy: 'user:admin@example.com',
      refundAutomatic: false,
    };
    const t = buildTimeline({
      history: [
        { at: '2026-11-25T10:00:00Z', from: null, to: 'CREATED', actor: 'kiosk:1', reason: null },
        { at: '2026-11-25T10:01:00Z', from: 'CREATED', to: 'DEPOSITING', actor: 'kiosk:1', reason: null },
      ],
      events: [],
      payments: [payment],
    });
    expect(t.map((e) => e.kind)).toEqual(['status', 'payment', 'payment', 'status', 'payment', 'payment']);
    expect(t[1]?.title).toMatch(/^Payment started · .*4.*\(demo\)$/);
    expect(t[2]?.title).toMatch(/^Payment captured/);
    expect(t[4]?.title).toMatch(/^Refunded/);
    expect(t[4]?.detail).toBe('by admin@example.com — Locker was dirty — Charge cancelled: due again');
    expect(t[5]?.title).toBe('Refund confirmed by the provider');
    // A declined payment says so; an automatic refund says it was the system.
    const declined = buildTimeline({
      history: [],
      events: [],
      payments: [
        { ...payment, status: 'DECLINED', capturedAt: null, refundedAt: null, refundSentAt: null },
        { ...payment, id: 'p2', refundAutomatic: true, refundSentAt: null },
      ],
    });
    expect(declined[0]?.title).toMatch(/· Declined$/);
    expect(declined.find((e) => e.key === 'pp2r')?.detail).toMatch(/^automatically — /);
    // More time bought: how much, and that its capture moved the due time.
    const extended = buildTimeline({
      history: [],
      events: [],
      payments: [
        { ...payment, kind: 'EXTENSION', extensionMinutes: 120, refundedAt: null, refundSentAt: null },
      ],
    });
    expect(extended.map((e) => [e.title, e.detail])).toEqual([
      [expect.stringMatching(/^Extension started · \+2 h · .*4.*\(demo\)$/), null],
      [expect.stringMatching(/^Extension captured/), 'Due time moved +2 h'],
    ]);
  });
});
