import { LockMode, OptimisticLockError } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../../src/db/transaction.js';
import { createEventBus, type EventBus } from '../../src/events/event-bus.js';
import { CompartmentEntity } from '../../src/entities/compartment.entity.js';
import { DoorEventEntity } from '../../src/entities/door-event.entity.js';
import { raiseAlert } from '../../src/modules/alerts/alert.raiser.js';
import { newId } from '../../src/shared/ids.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, type Fixture } from '../support/fixtures.js';

/**
 * A transaction's updates are written in the statement that appends its rows (a deposit scan:
 * one round trip instead of three). What must hold is what the ORM's own flush guarantees:
 * the rows change as set, versions move by one, a version that moved meanwhile fails the
 * whole transaction, and a transaction the fold cannot take (a new entity) still lands whole.
 */
describe('updates folded into the appending statement', () => {
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

  const row = async (id: string) =>
    (
      await s.app.orm.em
        .getConnection()
        .execute<{ version: number; inspection_reason: string | null }[]>(
          'select version, inspection_reason from compartment where id = ?',
          [id],
        )
    )[0]!;
  const doorEvents = async (detail: string) =>
    (
      await s.app.orm.em
        .getConnection()
        .execute<{ n: string }[]>('select count(*)::text as n from door_event where detail = ?', [detail])
    )[0]!.n;
  const doorEvent = (
    fx: Parameters<Parameters<typeof transact>[2]>[1],
    compartmentId: string,
    detail: string,
  ) =>
    fx.append(DoorEventEntity, {
      id: newId(),
      at: new Date(),
      type: 'OPENED',
      siteId: f.siteId,
      compartmentId,
      detail,
    });

  it('writes the change with the appended rows and hands the entity the version the row got', async () => {
    const id = f.compartments[0]!.id;
    const before = await row(id);
    const seen = await transact(s.app.orm.em, bus, async (tx, fx) => {
      const c = await tx.findOneOrFail(CompartmentEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      c.inspectionReason = 'folded once';
      doorEvent(fx, id, 'folded once');
      await fx.settle(tx);
      const afterSettle = c.version;
      // the entity is clean again: a second change is a second update on top of the first
      c.inspectionReason = 'folded twice';
      await tx.flush();
      return { afterSettle, afterFlush: c.version };
    });
    expect(seen).toEqual({ afterSettle: before.version + 1, afterFlush: before.version + 2 });
    expect(await row(id)).toEqual({ version: before.version + 2, inspection_reason: 'folded twice' });
    expect(await doorEvents('folded once')).toBe('1');
  });

  it('a version that moved meanwhile fails the transaction: neither the change nor the rows land', async () => {
    const id = f.compartments[1]!.id;
    const attempt = transact(s.app.orm.em, bus, async (tx, fx) => {
      const c = await tx.findOneOrFail(CompartmentEntity, id); // read, not locked
      await s.app.orm.em
        .getConnection()
        .execute(
          `update compartment set version = version + 1, inspection_reason = 'changed elsewhere' where id = ?`,
          [id],
        );
      c.inspectionReason = 'stale change';
      doorEvent(fx, id, 'stale change');
      return Promise.resolve();
    });
    await expect(attempt).rejects.toBeInstanceOf(OptimisticLockError);
    expect((await row(id)).inspection_reason).toBe('changed elsewhere');
    expect(await doorEvents('stale change')).toBe('0');
  });

  it('a transaction that also creates an entity is flushed by the ORM first and lands whole', async () => {
    const id = f.compartments[2]!.id;
    const before = await row(id);
    const alertId = await transact(s.app.orm.em, bus, async (tx, fx) => {
      const c = await tx.findOneOrFail(CompartmentEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      c.inspectionReason = 'with a new alert';
      doorEvent(fx, id, 'with a new alert');
      const alert = raiseAlert(tx, fx, {
        type: 'UNLOCK_FAILED',
        siteId: f.siteId,
        compartmentId: id,
        message: 'folded-updates test',
        at: new Date(),
      });
      return Promise.resolve(alert.id);
    });
    expect(await row(id)).toEqual({ version: before.version + 1, inspection_reason: 'with a new alert' });
    expect(await doorEvents('with a new alert')).toBe('1');
    const alerts = await s.app.orm.em
      .getConnection()
      .execute<{ id: string }[]>('select id from alert where id = ?', [alertId]);
    expect(alerts).toHaveLength(1);
  });
});
