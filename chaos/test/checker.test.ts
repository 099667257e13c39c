/**
 * The checker on hand-made histories: it must call held what was held, unobservable what no
 * gateway could report, and count every loss, doubled or missed pulse, false alert, wrong
 * door event and wrong payment. (The whole suite against the real processes is chaos.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.ts';
import type { Picture, ServerAlert, ServerDoorEvent, ServerSession } from '../src/collect.ts';
import { History, type Door } from '../src/history.ts';
import type { PartChange } from '../src/system/timeline.ts';

const T0 = Date.parse('2026-12-04T12:00:00Z');
const at = (s: number): number => T0 + s * 1000;
const iso = (s: number): string => new Date(at(s)).toISOString();
const DOOR: Door = { compartmentId: 'c1', label: 'A01', size: 'SMALL', unitId: 1, input: 0, coil: 0 };
const OTHER: Door = { compartmentId: 'c2', label: 'A02', size: 'SMALL', unitId: 1, input: 1, coil: 1 };

interface World {
  history: History;
  picture: Picture;
  changes: PartChange[];
}

/** A deposit in A01: scan at 10 s, pulse at 10.1 s, door open 10.13 s (read 10.2..11), closed by the traveller at 12 s. */
function deposit(server: Partial<ServerSession> = {}): World {
  const history = new History();
  history.sessions.set('s1', { traveller: 1, size: 'SMALL', price: 0 });
  history.deposits.push({
    traveller: 1,
    sessionId: 's1',
    compartmentId: 'c1',
    openedAt: at(10.13),
    closedAt: at(12),
  });
  const events: ServerDoorEvent[] = [
    event('UNLOCK_REQUESTED', 10),
    event('UNLOCKED', 10.15),
    event('OPENED', 10.2),
    event('CLOSED', 12.1),
  ];
  const picture: Picture = {
    sessions: new Map([
      [
        's1',
        { id: 's1', status: 'STORED', size: 'SMALL', compartment: { id: 'c1' }, payments: [], ...server },
      ],
    ]),
    compartments: [],
    doorEvents: events,
    alerts: [],
    settings: {
      leftOpenSeconds: 120,
      unlockAckTimeoutSeconds: 10,
      depositWindowSeconds: 120,
      gatewayHeartbeatSeconds: 30,
      pulseMs: 500,
    },
    doorLog: [
      {
        seq: 1,
        unitId: 1,
        input: 0,
        open: true,
        cause: 'pulse',
        at: at(10.13),
        readsOpen: 6,
        firstReadOpenAt: at(10.2),
        lastReadOpenAt: at(11.9),
      },
      { seq: 2, unitId: 1, input: 0, open: false, cause: 'manual', at: at(12) },
    ],
    pulses: [pulse(10.1)],
  };
  return { history, picture, changes: [] };
}

function event(
  type: string,
  s: number,
  compartmentId = 'c1',
  sessionId: string | null = 's1',
): ServerDoorEvent {
  return {
    id: `${type}-${s}`,
    at: iso(s),
    type,
    detail: null,
    compartment: { id: compartmentId },
    session: sessionId ? { id: sessionId } : null,
  };
}

function pulse(s: number, coil = 0): Picture['pulses'][number] {
  return {
    unitId: 1,
    coil,
    via: 'register',
    startedAt: at(s),
    endedAt: at(s + 0.5),
    durationMs: 500,
    startedHr: 0,
  };
}

function alert(type: string, s: number, compartmentId: string | null = 'c1'): ServerAlert {
  return {
    id: `${type}-${s}`,
    type,
    createdAt: iso(s),
    message: '',
    compartment: compartmentId ? { id: compartmentId } : null,
    session: { id: 's1' },
  };
}

function run(w: World) {
  return check({
    history: w.history,
    picture: w.picture,
    doors: [DOOR, OTHER],
    changes: w.changes,
    from: at(0),
    until: at(100),
  });
}

describe('sessions', () => {
  it('a deposit the server holds STORED in its compartment passes', () => {
    const v = run(deposit());
    expect(v.ok).toBe(true);
    expect(v.sessions.findings.map((f) => f.verdict)).toEqual(['held']);
    expect(v.figures).toMatchObject({
      sessionsLost: 0,
      pulsesDoubled: 0,
      pulsesMissed: 0,
      falseAlerts: 0,
      doorEventsContradicted: 0,
    });
  });

  it('a deposit the server put back to CREATED, or into another compartment, is lost', () => {
    expect(run(deposit({ status: 'CREATED', compartment: null })).figures.sessionsLost).toBe(1);
    const elsewhere = run(deposit({ status: 'STORED', compartment: { id: 'c2' } }));
    expect(elsewhere.figures.sessionsLost).toBe(1);
    expect(elsewhere.sessions.lost[0]!.why).toContain('server says STORED in A02');
    expect(elsewhere.ok).toBe(false);
  });

  it('an opening no gateway read, or read just before the gateway died, is unobservable, not lost', () => {
    const unread = deposit({ status: 'CREATED', compartment: null });
    Object.assign(unread.picture.doorLog[0]!, { readsOpen: 0, firstReadOpenAt: null, lastReadOpenAt: null });
    expect(run(unread).figures).toMatchObject({ sessionsLost: 0, unobservable: 1 });

    const died = deposit({ status: 'CREATED', compartment: null });
    Object.assign(died.picture.doorLog[0]!, {
      readsOpen: 1,
      firstReadOpenAt: at(10.2),
      lastReadOpenAt: at(10.2),
    });
    died.changes = [
      { part: 'gateway', up: false, at: at(10.3) },
      { part: 'gateway', up: true, at: at(20) },
    ];
    expect(run(died).figures).toMatchObject({ sessionsLost: 0, unobservable: 1 });

    // the same read while the server was down, with the gateway alive until the server came back: lost
    const waited = deposit({ status: 'CREATED', compartment: null });
    Object.assign(waited.picture.doorLog[0]!, {
      readsOpen: 1,
      firstReadOpenAt: at(10.2),
      lastReadOpenAt: at(10.2),
    });
    waited.changes = [
      { part: 'server', up: false, at: at(5) },
      { part: 'server', up: true, at: at(30) },
    ];
    expect(run(waited).figures).toMatchObject({ sessionsLost: 1, unobservable: 0 });
  });

  it('a collection the server does not show COMPLETED is lost', () => {
    const w = deposit({ status: 'STORED' });
    w.history.retrievals.push({
      traveller: 1,
      sessionId: 's1',
      compartmentId: 'c1',
      openedAt: at(30.1),
      closedAt: at(32),
    });
    w.picture.doorLog.push(
      {
        seq: 3,
        unitId: 1,
        input: 0,
        open: true,
        cause: 'pulse',
        at: at(30.1),
        readsOpen: 3,
        firstReadOpenAt: at(30.2),
        lastReadOpenAt: at(31),
      },
      { seq: 4, unitId: 1, input: 0, open: false, cause: 'manual', at: at(32) },
    );
    w.picture.pulses.push(pulse(30));
    w.picture.doorEvents.push(event('UNLOCK_REQUESTED', 29.9));
    expect(run(w).sessions.lost.map((f) => f.what)).toEqual(['collected']);
    w.picture.sessions.get('s1')!.status = 'COMPLETED';
    expect(run(w).ok).toBe(true);
  });
});

describe('pulses', () => {
  it('a second pulse for one unlock request is doubled; a pulse no request asked for too', () => {
    const w = deposit();
    w.picture.pulses.push(pulse(13));
    expect(run(w).figures.pulsesDoubled).toBe(1);
    w.picture.pulses.push(pulse(50, 1));
    expect(run(w).figures.pulsesDoubled).toBe(2);
  });

  it("a pulse after the command expired is not that command's", () => {
    const w = deposit();
    w.picture.pulses = [pulse(25)];
    const v = run(w);
    expect(v.figures.pulsesDoubled).toBe(1);
    // and the UNLOCKED the server recorded has no pulse of its own: missed
    expect(v.figures.pulsesMissed).toBe(1);
  });

  it('an unlock recorded UNLOCKED with no pulse is missed', () => {
    const w = deposit();
    w.picture.pulses = [];
    expect(run(w).figures.pulsesMissed).toBe(1);
  });
});

describe('alerts', () => {
  it('UNLOCK_FAILED for an unlock whose relay pulsed is false; with no pulse it is true', () => {
    const w = deposit();
    w.picture.alerts = [alert('UNLOCK_FAILED', 22)];
    expect(run(w).figures.falseAlerts).toBe(1);
    w.picture.pulses = [];
    w.picture.doorEvents = w.picture.doorEvents.filter((e) => e.type !== 'UNLOCKED');
    const v = run(w);
    expect(v.alerts.map((a) => a.verdict)).toEqual(['true']);
  });

  it('DOOR_FORCED for an opening the server asked for is false; for a forced door true', () => {
    const w = deposit();
    w.picture.alerts = [alert('DOOR_FORCED', 10.2)];
    expect(run(w).figures.falseAlerts).toBe(1);
    w.picture.doorLog.push({
      seq: 3,
      unitId: 1,
      input: 0,
      open: true,
      cause: 'forced',
      at: at(40),
      readsOpen: 1,
      firstReadOpenAt: at(40.1),
      lastReadOpenAt: at(40.1),
    });
    w.picture.alerts = [alert('DOOR_FORCED', 40.1)];
    expect(run(w).figures.falseAlerts).toBe(0);
  });

  it('DOOR_LEFT_OPEN is true only for a door open that long', () => {
    const w = deposit();
    w.picture.settings.leftOpenSeconds = 60;
    w.picture.alerts = [alert('DOOR_LEFT_OPEN', 70)];
    expect(run(w).figures.falseAlerts).toBe(1);
    w.picture.doorLog.push({
      seq: 3,
      unitId: 1,
      input: 1,
      open: true,
      cause: 'manual',
      at: at(1),
      readsOpen: 9,
      firstReadOpenAt: at(1.1),
      lastReadOpenAt: at(99),
    });
    w.picture.alerts = [alert('DOOR_LEFT_OPEN', 70, 'c2')];
    expect(run(w).figures.falseAlerts).toBe(0);
  });

  it('GATEWAY_OFFLINE is false only when gateway, server and database were all up for the heartbeat window', () => {
    const w = deposit();
    w.picture.alerts = [alert('GATEWAY_OFFLINE', 80, null)];
    expect(run(w).figures.falseAlerts).toBe(1);
    w.changes = [
      { part: 'gateway', up: false, at: at(55) },
      { part: 'gateway', up: true, at: at(90) },
    ];
    expect(run(w).figures.falseAlerts).toBe(0);
  });
});

describe('controller alerts', () => {
  it('CONTROLLER_UNREACHABLE is true only near a fault of the Modbus link', () => {
    const w = deposit();
    w.picture.alerts = [alert('CONTROLLER_UNREACHABLE', 50, null)];
    expect(run(w).alerts.map((a) => a.verdict)).toEqual(['false']);
    w.history.faults.push({
      kind: 'modbus-silent',
      startedAt: at(40),
      healedAt: at(45),
      recoveredAt: at(46),
      detail: '',
    });
    expect(run(w).alerts.map((a) => a.verdict)).toEqual(['true']);
  });
});

describe('door events and payments', () => {
  it('a CLOSED event at a time the door was open throughout is contradicted', () => {
    const w = deposit();
    w.picture.doorEvents.push(event('CLOSED', 11.5));
    // 11.5 s: the door was open from 10.13 to 12; but within the read lag before it, it was closed (before 10.13)
    expect(run(w).figures.doorEventsContradicted).toBe(0);
    w.picture.doorLog[0]!.at = at(5);
    expect(run(w).figures.doorEventsContradicted).toBe(1);
  });

  it('a payment shown CAPTURED must be on the server; no session holds more than its price', () => {
    const w = deposit({ payments: [{ id: 'p1', status: 'DECLINED', amount: { amount: 400 } }] });
    w.history.sessions.set('s1', { traveller: 1, size: 'MEDIUM', price: 400 });
    w.history.payments.push({
      sessionId: 's1',
      paymentId: 'p1',
      amount: 400,
      acknowledged: 'CAPTURED',
      at: at(9),
    });
    expect(run(w).figures.paymentsWrong).toBe(1);
    w.picture.sessions.get('s1')!.payments = [
      { id: 'p1', status: 'CAPTURED', amount: { amount: 400 } },
      { id: 'p2', status: 'CAPTURED', amount: { amount: 400 } },
    ];
    expect(run(w).payments.map((p) => p.why)).toEqual(['captured 800 for a price of 400']);
    w.picture.sessions.get('s1')!.payments[1]!.status = 'REFUNDED';
    expect(run(w).figures.paymentsWrong).toBe(0);
  });
});

describe('stranded journeys', () => {
  const gaveUp = (w: World, since: number): void => {
    w.history.anomalies.push({
      traveller: 1,
      sessionId: 's1',
      at: at(since + 60),
      what: 'gave up the collect after 60 s',
      gaveUp: { since: at(since), what: 'collect' },
    });
  };

  it('giving up a collection while no fault was under way fails the run', () => {
    const w = deposit();
    gaveUp(w, 20);
    const v = run(w);
    expect(v.figures.journeysStranded).toBe(1);
    expect(v.ok).toBe(false);
  });

  it('giving up while faults and their recovery took most of the attempt is not held against it', () => {
    const w = deposit();
    gaveUp(w, 20);
    // down from 15 s to 45 s, recovered 52 s: 32 s of the 60 faulted, 28 s healthy
    w.history.faults.push({
      kind: 'server-kill',
      startedAt: at(15),
      healedAt: at(45),
      recoveredAt: at(52),
      detail: '',
    });
    expect(run(w).figures.journeysStranded).toBe(0);
    // healed at 35 s and recovered at 40 s: 40 s healthy
    w.history.faults[0]!.healedAt = at(35);
    w.history.faults[0]!.recoveredAt = at(40);
    expect(run(w).figures.journeysStranded).toBe(1);
  });
});
