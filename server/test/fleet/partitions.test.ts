import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, ok, type Fixture } from '../support/fixtures.js';
import { insertSessions } from '../reports/usage-data.js';
import {
  addMonths,
  MONTHS_AHEAD,
  PARTITIONED_TABLES,
  PartitionMaintenance,
} from '../../src/db/partitions.js';
import { enqueueMessage } from '../../src/modules/notifications/outbox.js';

const DATA_FROM = new Date('2026-01-05T00:00:00Z');
const DATA_TO = new Date('2026-01-28T00:00:00Z');
const month = (at: Date) => `${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
const CSV = ['usage', 'occupancy', 'storage-duration', 'overdue', 'revenue', 'feedback', 'sessions'];

describe('growing tables are partitioned by month, with retention by whole partitions', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const maintenance = (days: number) =>
    new PartitionMaintenance(
      s.app.orm.em.fork(),
      {
        doorEvents: days,
        sessionTransitions: days,
        compartmentTransitions: days,
        notifications: days,
        webhookDeliveries: days,
      },
      s.app.logger,
    );
  const partitionsOf = async (table: string) =>
    (
      await db.query<{ name: string }>(
        `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent = $1::regclass order by 1`,
        [table],
      )
    ).rows.map((r) => r.name);
  /** Where each of a table's rows is, as partition name -> row count. */
  const placement = async (table: string) =>
    Object.fromEntries(
      (
        await db.query<{ p: string; n: number }>(
          `select tableoid::regclass::text as p, count(*)::int as n from ${table} group by 1 order by 1`,
        )
      ).rows.map((r) => [r.p, r.n]),
    );
  const reports = async () => {
    const base = s.url.replace(/\/graphql$/, '');
    const out: Record<string, string> = {};
    for (const name of CSV) {
      const q = `siteId=${f.siteId}&from=2025-12-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=DAY`;
      const res = await fetch(`${base}/reports/${name}.csv?${q}`, {
        headers: { authorization: `Bearer ${f.adminToken}` },
      });
      expect(res.status, name).toBe(200);
      out[name] = await res.text();
    }
    return out;
  };

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 30 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    // January's sessions with their payments, and rows of every growing kind at their times
    await insertSessions(db, f.siteId, 300, DATA_FROM, DATA_TO, 0.3);
    const compartment = f.compartments[0]!.id;
    await db.query(
      `insert into door_event (id, at, type, site_id, compartment_id, session_id)
       select gen_random_uuid(), s.deposited_at, 'OPENED', s.site_id, $2, s.id from storage_session s where s.site_id = $1 and s.deposited_at is not null;
       insert into session_transition (session_id, at, from_status, to_status, actor)
       select s.id, s.created_at, null, 'CREATED', 'test' from storage_session s where s.site_id = $1;
       insert into compartment_transition (compartment_id, at, from_status, to_status, trigger, actor)
       select $2, s.created_at, 'AVAILABLE', 'OCCUPIED', 'DEPOSIT', 'test' from storage_session s where s.site_id = $1;
       insert into notification_key (dedupe_key, created_at) select 'receipt:' || s.id, s.created_at from storage_session s where s.site_id = $1;
       insert into notification (id, dedupe_key, channel, recipient, subject, body, status, next_attempt_at, created_at, session_id)
       select gen_random_uuid(), 'receipt:' || s.id, 'EMAIL', 'a@example.com', 'Receipt', 'b', 'SENT', s.created_at, s.created_at, s.id
       from storage_session s where s.site_id = $1;
       insert into webhook_endpoint (id, url, events, secret_encrypted, created_at, created_by)
       values ('00000000-0000-4000-8000-000000000001', 'https://example.com/h', '{session.completed}', 'x', now(), 'test');
       insert into webhook_delivery (id, endpoint_id, event_id, event, body, status, created_at)
       select gen_random_uuid(), '00000000-0000-4000-8000-000000000001', gen_random_uuid(), 'session.completed', '{}', 'DELIVERED', s.created_at
       from storage_session s where s.site_id = $1;
       insert into webhook_attempt (delivery_id, at, status_code, duration_ms) select id, created_at, 200, 5 from webhook_delivery;`
        .replace(/\$1/g, `'${f.siteId}'`)
        .replace(/\$2/g, `'${compartment}'`),
    );
  }, 120_000);
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('the migration made every growing table partitioned, months ahead of now existing', async () => {
    for (const { table } of PARTITIONED_TABLES) {
      const parts = await partitionsOf(table);
      expect(parts, table).toContain(`${table}_default`);
      for (let m = 0; m <= MONTHS_AHEAD; m++)
        expect(parts, table).toContain(`${table}_p${month(addMonths(new Date(), m))}`);
    }
  });

  test("rows written now by the server land in this month's partition", async () => {
    const { session } = await issue(s, f, 'SMALL');
    ok(
      await s.gql(
        `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:true, reason:"test"){ id } }`,
        { c: f.compartments[29]!.id },
        f.adminToken,
      ),
    );
    const thisMonth = month(new Date());
    const st = await db.query(
      `select tableoid::regclass::text as p from session_transition where session_id = $1`,
      [session.id],
    );
    expect(st.rows.map((r) => r.p)).toEqual(st.rows.map(() => `session_transition_p${thisMonth}`));
    expect(st.rows.length).toBeGreaterThan(0);
    const ct = await db.query(
      `select tableoid::regclass::text as p from compartment_transition where compartment_id = $1`,
      [f.compartments[29]!.id],
    );
    expect(ct.rows).toEqual([{ p: `compartment_transition_p${thisMonth}` }]);
  });

  test('one message per dedupe key still holds across partitions', async () => {
    const em = s.app.orm.em.fork();
    const m = {
      dedupeKey: 'partition-test',
      channel: 'EMAIL' as const,
      recipient: 'x@example.com',
      subject: 's',
      body: 'b',
    };
    await enqueueMessage(em, { ...m, at: new Date('2026-01-10T00:00:00Z') });
    await enqueueMessage(em, { ...m, at: new Date() });
    const { rows } = await db.query(
      `select count(*)::int as n from notification where dedupe_key = 'partition-test'`,
    );
    expect(rows[0].n).toBe(1);
  });

  test("the leader's upkeep creates January's partition and moves its rows out of the default one", async () => {
    expect(await placement('door_event')).toEqual({ door_event_default: expect.any(Number) });
    const created = await maintenance(0).runOnce(new Date('2026-01-20T00:00:00Z'));
    // January to April for each of the six tables (February onwards may exist already)
    expect(created.created).toBeGreaterThanOrEqual(PARTITIONED_TABLES.length);
    expect(created.dropped).toBe(0);
    for (const { table } of PARTITIONED_TABLES) {
      const where = await placement(table);
      expect(where[`${table}_default`], table).toBeUndefined();
      expect(where[`${table}_p202601`], table).toBeGreaterThan(200);
      for (const m of ['202602', '202603', '202604'])
        expect(await partitionsOf(table)).toContain(`${table}_p${m}`);
    }
    // a row of a future month lands in its own partition
    await db.query(
      `insert into session_transition (session_id, at, to_status, actor) select id, '2026-03-15T12:00:00Z', 'CREATED', 'test' from storage_session limit 1`,
    );
    expect((await placement('session_transition'))['session_transition_p202603']).toBe(1);
  });

  test('retention drops whole old partitions; the reports over that period are unchanged', async () => {
    const before = await reports();
    expect(before.usage!.split('\n').length).toBeGreaterThan(20);
    const janRows = async () =>
      (await db.query(`select count(*)::int as n from door_event where at < '2026-02-01T00:00:00Z'`)).rows[0]
        .n;
    expect(await janRows()).toBeGreaterThan(200);

    // 45 days before 2026-03-20 is 2026-02-03: January ends before it, February does not
    const result = await maintenance(45).runOnce(new Date('2026-03-20T00:00:00Z'));
    expect(result.dropped).toBe(PARTITIONED_TABLES.length);
    for (const { table } of PARTITIONED_TABLES) {
      const parts = await partitionsOf(table);
      expect(parts, table).not.toContain(`${table}_p202601`);
      expect(parts, table).toContain(`${table}_p202602`);
    }
    expect(await janRows()).toBe(0);
    const keys = await db.query(
      `select count(*)::int as n from notification_key where created_at < '2026-02-01'`,
    );
    expect(keys.rows[0].n).toBe(0);
    // what the reports read (sessions, payments, alerts, feedback, the usage rollup) is untouched
    expect(await reports()).toEqual(before);
    // and a second pass has nothing left to do
    expect(await maintenance(45).runOnce(new Date('2026-03-20T00:00:00Z'))).toEqual({
      created: 0,
      dropped: 0,
    });
  });
});
