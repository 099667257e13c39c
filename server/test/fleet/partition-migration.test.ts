import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { createTestDatabase, startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, login, ok, scan } from '../support/fixtures.js';
import { openDatabase } from '../../src/db/orm.js';
import { CompartmentTransitionEntity } from '../../src/entities/compartment-transition.entity.js';
import { NotificationEntity } from '../../src/entities/notification.entity.js';

const BEFORE = 'Migration20261204150000AbandonedBags';
const TABLES = {
  door_event: 'at',
  session_transition: 'at',
  compartment_transition: 'at',
  notification: 'created_at',
  webhook_delivery: 'created_at',
  webhook_attempt: 'at',
} as const;
const DAY = 86_400_000;
const month = (at: Date) => `${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * An installation that ran before time partitions, upgraded: rows of every table the
 * migration converts, from a far past month, last month, this month and beyond the months
 * created ahead, are all still there afterwards, each in its month's partition (or the
 * default one), the ids and sequences go on, and the app reads them.
 */
describe('the time-partition migration on a database with data', () => {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let db: pg.Client;
  let s: TestServer;
  const now = new Date();
  const times = [
    new Date('2025-06-15T10:00:00Z'),
    new Date(now.getTime() - 35 * DAY),
    new Date(now.getTime() - 60_000),
    new Date(now.getTime() + 300 * DAY), // beyond the three months made ahead
  ];
  const ids = {
    site: randomUUID(),
    bank: randomUUID(),
    compartment: randomUUID(),
    endpoint: randomUUID(),
    sessions: times.map(() => randomUUID()),
    deliveries: times.map(() => randomUUID()),
  };
  const before: Record<string, { key: string; at: Date }[]> = {};

  beforeAll(async () => {
    ({ url: databaseUrl, drop } = await createTestDatabase());
    const orm = await openDatabase(databaseUrl, { poolMax: 2 });
    await orm.migrator.up({ to: BEFORE });
    await orm.close();
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`insert into site (id, name, timezone) values ($1, 'Old site', 'UTC')`, [ids.site]);
    await db.query(
      `insert into locker_bank (id, site_id, label, modbus_endpoint) values ($1, $2, 'A', 'tcp://127.0.0.1:5020')`,
      [ids.bank, ids.site],
    );
    await db.query(
      `insert into compartment (id, bank_id, site_id, label, size, unit_id, coil, door_input)
       values ($1, $2, $3, 'A01', 'SMALL', 1, 0, 0)`,
      [ids.compartment, ids.bank, ids.site],
    );
    await db.query(
      `insert into webhook_endpoint (id, url, events, secret_encrypted, created_at, created_by)
       values ($1, 'https://example.com/hook', '{SESSION_COMPLETED}', 'x', now(), 'admin')`,
      [ids.endpoint],
    );
    for (const [i, at] of times.entries()) {
      const session = ids.sessions[i]!;
      const delivery = ids.deliveries[i]!;
      await db.query(
        `insert into storage_session (id, site_id, size, status, code_hash, code_issued_at, currency, price,
           included_minutes, overdue_per_hour, grace_minutes, security_alert_after_minutes, created_at)
         values ($1, $2, 'SMALL', 'CANCELLED', $3, $4, 'EUR', 0, 60, 0, 15, 30, $4)`,
        [session, ids.site, session.replace(/-/g, '').padEnd(64, '0'), at],
      );
      await db.query(
        `insert into door_event (id, at, type, site_id, compartment_id, session_id, actor)
         values (gen_random_uuid(), $1, 'OPENED', $2, $3, $4, 'gateway'),
                (gen_random_uuid(), $1, 'CLOSED', $2, $3, $4, 'gateway')`,
        [at, ids.site, ids.compartment, session],
      );
      await db.query(
        `insert into session_transition (session_id, at, from_status, to_status, actor)
         values ($1, $2, null, 'CREATED', 'kiosk'), ($1, $2, 'CREATED', 'CANCELLED', 'admin')`,
        [session, at],
      );
      await db.query(
        `insert into compartment_transition (compartment_id, at, from_status, to_status, trigger, actor)
         values ($1, $2, 'AVAILABLE', 'OCCUPIED', 'DEPOSIT', 'test')`,
        [ids.compartment, at],
      );
      await db.query(
        `insert into notification (id, dedupe_key, channel, recipient, subject, body, session_id, status,
           next_attempt_at, created_at, sent_at)
         values (gen_random_uuid(), $1, 'EMAIL', 'traveller@example.com', 'Receipt', 'body', $2, 'SENT', $3, $3, $3)`,
        [`receipt:${session}`, session, at],
      );
      await db.query(
        `insert into webhook_delivery (id, endpoint_id, event_id, event, body, status, attempts, created_at, delivered_at)
         values ($1, $2, gen_random_uuid(), 'SESSION_COMPLETED', '{}', 'DELIVERED', 1, $3, $3)`,
        [delivery, ids.endpoint, at],
      );
      await db.query(
        `insert into webhook_attempt (delivery_id, at, status_code, duration_ms) values ($1, $2, 200, 12)`,
        [delivery, at],
      );
    }
    for (const [table, key] of Object.entries(TABLES)) {
      const { rows } = await db.query<{ k: string; at: Date }>(
        `select ${table === 'door_event' ? 'seq' : 'id'}::text as k, ${key} as at from ${table}`,
      );
      before[table] = rows.map((r) => ({ key: r.k, at: r.at }));
    }
    s = await startTestServer({ databaseUrl }); // migrates: the partition migration runs here
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    await db?.end();
    await drop?.();
  });

  test('every row is kept, in the partition of its month', async () => {
    const lastAhead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
    for (const [table, key] of Object.entries(TABLES)) {
      const idColumn = table === 'door_event' ? 'seq' : 'id';
      const { rows } = await db.query<{ k: string; at: Date; p: string }>(
        `select ${idColumn}::text as k, ${key} as at, tableoid::regclass::text as p from ${table}`,
      );
      const old = before[table]!;
      expect(rows.map((r) => r.k).sort(), table).toEqual(old.map((r) => r.key).sort());
      for (const r of rows) {
        const where = r.at >= lastAhead ? `${table}_default` : `${table}_p${month(r.at)}`;
        expect(`${table} ${r.k} ${r.at.toISOString()} in ${r.p}`).toBe(
          `${table} ${r.k} ${r.at.toISOString()} in ${where}`,
        );
      }
    }
    // one message per dedupe key still holds for the old ones
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from notification_key`);
    expect(rows[0]!.n).toBe(times.length);
  });

  test('the app reads them, and new rows take new ids', async () => {
    const admin = await login(s);
    const events = ok(
      await s.gql<{ doorEvents: { nodes: { id: string; at: string }[] } }>(
        `query($s: ID) { doorEvents(siteId: $s, first: 50) { nodes { id at } } }`,
        { s: ids.site },
        admin,
      ),
    ).doorEvents.nodes;
    expect(events).toHaveLength(2 * times.length);
    for (const session of ids.sessions) {
      const got = ok(
        await s.gql<{ session: { history: { to: string }[]; events: { type: string }[] } }>(
          `query($id: ID!) { session(id: $id) { history { to } events { type } } }`,
          { id: session },
          admin,
        ),
      ).session;
      expect(got.history.map((h) => h.to)).toEqual(['CREATED', 'CANCELLED']);
      expect(got.events.map((e) => e.type)).toEqual(['OPENED', 'CLOSED']);
    }
    const deliveries = ok(
      await s.gql<{ webhookDeliveries: { id: string; attempts: { statusCode: number | null }[] }[] }>(
        `query($e: ID!) { webhookDeliveries(endpointId: $e) { id attempts { statusCode } } }`,
        { e: ids.endpoint },
        admin,
      ),
    ).webhookDeliveries;
    expect(deliveries.map((d) => d.id).sort()).toEqual([...ids.deliveries].sort());
    expect(deliveries.every((d) => d.attempts.length === 1 && d.attempts[0]!.statusCode === 200)).toBe(true);
    const em = s.app.orm.em.fork();
    expect(await em.count(NotificationEntity, { sessionId: { $in: ids.sessions } })).toBe(times.length);
    expect(await em.count(CompartmentTransitionEntity, { compartmentId: ids.compartment })).toBe(
      times.length,
    );

    // the sequences went on from the old rows: a storage now writes every kind without a clash
    const f = await createSite(s, { counts: { SMALL: 1 } });
    const code = await issue(s, f, 'SMALL', { email: 'traveller@example.com' });
    expect((await scan(s, f, code.code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const maxOld = Math.max(...before.door_event!.map((r) => Number(r.key)));
    const { rows } = await db.query<{ seq: string }>(
      `select seq::text from door_event where site_id = $1 order by seq`,
      [f.siteId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(Number(rows[0]!.seq)).toBeGreaterThan(maxOld);
  });
});
