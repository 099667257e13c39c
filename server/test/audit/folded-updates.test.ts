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
    f = await createSite(s, { counts: { SMALL: 5, MEDIUM: 5 } });
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

  const rows = async (ids: string[]) =>
    await s.app.orm.em.getConnection().execute<
      {
        id: string;
        version: number;
        inspection_reason: string | null;
        unlock_expected_until: string | null;
      }[]
    >('select id, version, inspection_reason, unlock_expected_until from compartment where id in (?) order by label', [ids]);

  it('rows of one table with the same columns changed are one update: each gets its value and its version', async () => {
    const ids = f.compartments.slice(3, 6).map((c) => c.id);
    const before = await rows(ids);
    const until = new Date(Date.now() + 60_000);
    const versions = await transact(s.app.orm.em, bus, async (tx, fx) => {
      const cs = await tx.find(CompartmentEntity, { id: ids }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      for (const c of cs) {
        c.inspectionReason = `grouped ${c.label} "quoted" é`;
        c.unlockExpectedUntil = until;
      }
      doorEvent(fx, ids[0]!, 'grouped');
      await fx.settle(tx);
      return new Map(cs.map((c) => [c.id, c.version]));
    });
    const after = await rows(ids);
    expect(after.map((r) => r.version)).toEqual(before.map((r) => r.version + 1));
    expect(after.map((r) => versions.get(r.id))).toEqual(after.map((r) => r.version));
    const labels = new Map(f.compartments.map((c) => [c.id, c.label]));
    expect(after.map((r) => r.inspection_reason)).toEqual(
      ids.map((id) => `grouped ${labels.get(id)} "quoted" é`),
    );
    expect(after.map((r) => new Date(r.unlock_expected_until!).getTime())).toEqual(
      ids.map(() => until.getTime()),
    );
    expect(await doorEvents('grouped')).toBe('1');
  });

  it('in a shared update, one row whose version moved fails the whole transaction', async () => {
    const ids = f.compartments.slice(6, 9).map((c) => c.id);
    const before = await rows(ids);
    const attempt = transact(s.app.orm.em, bus, async (tx, fx) => {
      const cs = await tx.find(CompartmentEntity, { id: ids });
      await s.app.orm.em
        .getConnection()
        .execute(`update compartment set version = version + 1 where id = ?`, [ids[1]]);
      for (const c of cs) c.inspectionReason = 'stale group';
      doorEvent(fx, ids[0]!, 'stale group');
      return Promise.resolve();
    });
    await expect(attempt).rejects.toBeInstanceOf(OptimisticLockError);
    const after = await rows(ids);
    expect(after.map((r) => r.inspection_reason)).toEqual(before.map((r) => r.inspection_reason));
    expect(await doorEvents('stale group')).toBe('0');
  });
});
