import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../../src/db/transaction.js';
import { createEventBus, type EventBus } from '../../src/events/event-bus.js';
import { DoorEventEntity } from '../../src/entities/door-event.entity.js';
import { SessionTransitionEntity } from '../../src/entities/session-transition.entity.js';
import { newId } from '../../src/shared/ids.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, type Fixture } from '../support/fixtures.js';

/**
 * Rows a transaction only adds (door events, audit steps) are written in one statement at its
 * end: what must hold is that each lands as given, keys come back to the right rows (a door
 * event's `seq` is a live feed's cursor), and a failed transaction leaves none of them.
 */
describe('appended rows', () => {
  let s: TestServer;
  let f: Fixture;
  let bus: EventBus;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s);
    bus = await createEventBus(null);
  });
  afterAll(async () => {
    await bus.close();
    await s.stop();
  });

  const compartmentId = () => f.compartments[0]!.id;

  it('writes rows of several tables in one go and hands each door event its own seq, in order', async () => {
    const compartment = compartmentId();
    const sessionId = (await issue(s, f)).session.id;
    const written = await transact(s.app.orm.em, bus, (_tx, fx) =>
      Promise.resolve(
        ['OPENED', 'CLOSED', 'OPENED'].map((type, n) => ({
          event: fx.append(DoorEventEntity, {
            id: newId(),
            at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
            type: type as DoorEventEntity['type'],
            siteId: f.siteId,
            compartmentId: compartment,
            detail: `step ${n}`,
          }),
          step: fx.append(SessionTransitionEntity, {
            sessionId,
            at: new Date(),
            toStatus: 'CREATED',
            actor: 'test',
            reason: `step ${n}`,
          }),
        })),
      ),
    );
    const seqs = written.map((w) => Number(w.event.seq));
    expect(seqs.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const conn = s.app.orm.em.getConnection();
    const events = await conn.execute<{ seq: string; id: string; detail: string; type: string }[]>(
      'select seq::text, id, detail, type from door_event where compartment_id = ? order by seq',
      [compartment],
    );
    expect(events.map((e) => [e.seq, e.id, e.detail, e.type])).toEqual(
      written.map((w) => [w.event.seq, w.event.id, w.event.detail, w.event.type]),
    );
    const steps = await conn.execute<{ reason: string; from_status: string | null }[]>(
      "select reason, from_status from session_transition where session_id = ? and actor = 'test' order by id",
      [sessionId],
    );
    expect(steps).toEqual([0, 1, 2].map((n) => ({ reason: `step ${n}`, from_status: null })));
  });

  it('a transaction that fails after appending leaves none of its rows', async () => {
    const compartment = compartmentId();
    const id = newId();
    await expect(
      transact(s.app.orm.em, bus, (_tx, fx) => {
        fx.append(DoorEventEntity, {
          id,
          at: new Date(),
          type: 'OPENED',
          siteId: f.siteId,
          compartmentId: compartment,
        });
        // A second row whose id is not a uuid: the one statement fails, and with it the first row.
        fx.append(DoorEventEntity, {
          id: 'not-a-uuid',
          at: new Date(),
          type: 'OPENED',
          siteId: f.siteId,
          compartmentId: compartment,
        });
        return Promise.resolve();
      }),
    ).rejects.toThrow();
    const rows = await s.app.orm.em.getConnection().execute('select 1 from door_event where id = ?', [id]);
    expect(rows).toHaveLength(0);
  });
});
