import { createRequire } from 'node:module';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  ACK,
  createSite,
  heartbeat,
  issue,
  ok,
  REPORT,
  scanOnly,
  type Fixture,
} from '../support/fixtures.js';

/**
 * The cost budget: SQL statements and round trips per operation, counted at the database
 * driver the ORM uses. Unlike time, the count is the same on a busy machine, so growth is
 * caught in CI. Ceilings are the README's "Cost budget" table: lower one when an operation
 * gets cheaper; raise one only with a reason in the change that raises it.
 */
const BUDGET = {
  'deposit scan': { statements: 3, roundTrips: 5 },
  'retrieval scan': { statements: 3, roundTrips: 5 },
  // the whole batch locked in two statements, written in batched ones, whatever its size
  'door report, 24 doors opened': { statements: 4, roundTrips: 6 },
  // 6 / 8 warm; one more when the gateway's credential is looked up again during the report
  'door report, 24 doors closed': { statements: 7, roundTrips: 9 },
  // 6 when every bank's relations load in one batch (compartments read as views, each one's
  // bank and session answered by its bank's resolver); a batch may split when banks resolve
  // in different ticks, hence a margin of two
  'board snapshot, 2 banks, 42 compartments': { statements: 8, roundTrips: 8 },
  'usage report, 31 days by day': { statements: 4, roundTrips: 6 },
  // the command and its compartment (with its session) locked, the outcome written, the sign of life
  'unlock acknowledgement': { statements: 7, roundTrips: 9 },
  // its gateway's sign of life is written at most once a second (GatewayCommandService.seen)
  'unlock acknowledgement, its gateway marked seen under a second ago': { statements: 6, roundTrips: 8 },
} as const;
type Operation = keyof typeof BUDGET;

// the `pg` the ORM loads (pnpm may give the server's own imports another copy)
const ormRequire = createRequire(createRequire(import.meta.url).resolve('@mikro-orm/postgresql'));
const driver = ormRequire('pg') as typeof pg;

const TRANSACTION_CONTROL = /^\s*(begin|start transaction|commit|rollback|savepoint|release)\b/i;

/** Counts the queries the ORM's driver sends while `during` runs. */
function driverCount() {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back as it was
  const original = driver.Client.prototype.query;
  let sql: string[] | undefined;
  return {
    install() {
      driver.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const first = args[0];
        const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
        sql?.push(text ?? '');
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
    },
    uninstall() {
      driver.Client.prototype.query = original;
    },
    async during(work: () => Promise<unknown>) {
      const seen: string[] = [];
      sql = seen;
      try {
        await work();
      } finally {
        sql = undefined;
      }
      return {
        roundTrips: seen.length,
        statements: seen.filter((q) => !TRANSACTION_CONTROL.test(q)).length,
        sql: seen,
      };
    },
  };
}

const BOARD_SNAPSHOT = `query($s:ID!){ site(id:$s){ id name timezone
  banks { id label controller { state since error }
    compartments { id label size status doorState version inspectionReason outOfServiceReason
      bank { id } currentSession { id status overdue } } }
  gateways { id name online lastSeenAt } } }`;
const USAGE = `query($s:ID!,$f:DateTime!,$t:DateTime!){ usageReport(siteId:$s,from:$f,to:$t,bucket:DAY){
  buckets { start deposits retrievals averageStorageMinutes peakOccupied revenue { amount currency } } } }`;

describe('cost budget: SQL statements and round trips per operation', () => {
  let s: TestServer;
  let f: Fixture;
  const count = driverCount();
  const measured: Partial<Record<Operation, { statements: number; roundTrips: number }>> = {};

  /** Issues and scans `n` codes and acknowledges their unlocks: n compartments wait for their doors. */
  async function depositsAwaitingDoors(n: number) {
    const out: { payload: string; compartmentId: string }[] = [];
    for (let i = 0; i < n; i++) {
      const code = (await issue(s, f)).code.payload;
      out.push({ payload: code, compartmentId: await unlocked(code) });
    }
    return out;
  }

  async function unlocked(payload: string) {
    await heartbeat(s, f);
    const scan = await scanOnly(s, f, payload);
    const commandId = await lastCommandFor(scan.compartment!.id);
    ok(await s.gql(ACK, { id: commandId, r: 'SUCCEEDED' }, f.gatewayToken));
    return scan.compartment!.id;
  }

  async function lastCommandFor(compartmentId: string) {
    const rows = await s.app.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `select id from gateway_command where compartment_id = ? and acked_at is null order by issued_at desc limit 1`,
        [compartmentId],
      );
    return rows[0]!.id;
  }

  const report = (doors: { compartmentId: string }[], state: 'OPEN' | 'CLOSED') =>
    s.gql(REPORT, { r: doors.map((d) => ({ ...d, state, at: new Date().toISOString() })) }, f.gatewayToken);

  async function measure(op: Operation, work: () => Promise<unknown>) {
    const { statements, roundTrips, sql } = await count.during(work);
    measured[op] = { statements, roundTrips };
    expect(
      { statements, roundTrips },
      `${op} ran:\n${sql.map((q) => q.replace(/\s+/g, ' ').slice(0, 160)).join('\n')}`,
    ).toSatisfy(
      (m: { statements: number; roundTrips: number }) =>
        m.statements <= BUDGET[op].statements && m.roundTrips <= BUDGET[op].roundTrips,
    );
    // a count of nothing would mean the driver was not the one the ORM uses
    expect(statements).toBeGreaterThan(0);
  }

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 30 } });
    // a second bank: the board's cost must not grow with the number of banks either
    const second = Array.from({ length: 12 }, (_, i) => ({
      label: `B${String(i + 1).padStart(3, '0')}`,
      size: 'MEDIUM',
      unitId: 2,
      coil: i,
      doorInput: i,
    }));
    ok(
      await s.gql(
        `mutation($s:ID!,$c:[CompartmentInput!]!){ createLockerBank(siteId:$s,label:"B",modbusEndpoint:"tcp://127.0.0.1:5021",compartments:$c){ id } }`,
        { s: f.siteId, c: second },
        f.adminToken,
      ),
    );
    count.install();
    // warm: the first deposit and retrieval fill the site's read cache and the ORM's metadata
    const [warm] = await depositsAwaitingDoors(1);
    ok(await report([{ compartmentId: warm!.compartmentId }], 'OPEN'));
    ok(await report([{ compartmentId: warm!.compartmentId }], 'CLOSED'));
    await unlocked(warm!.payload);
  });
  afterAll(async () => {
    count.uninstall();
    process.stdout.write(`cost budget (statements / round trips): ${JSON.stringify(measured)}\n`);
    await s.stop();
  });

  test('a deposit scan and a retrieval scan', async () => {
    const code = (await issue(s, f)).code.payload;
    await heartbeat(s, f);
    let compartmentId = '';
    await measure('deposit scan', async () => {
      const scan = await scanOnly(s, f, code);
      expect(scan.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
      compartmentId = scan.compartment!.id;
    });
    ok(await s.gql(ACK, { id: await lastCommandFor(compartmentId), r: 'SUCCEEDED' }, f.gatewayToken));
    ok(await report([{ compartmentId }], 'OPEN'));
    ok(await report([{ compartmentId }], 'CLOSED'));
    await heartbeat(s, f);
    await measure('retrieval scan', async () => {
      const scan = await scanOnly(s, f, code);
      expect(scan.outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    });
  });

  test('a door report of 24 changes, opened then closed', async () => {
    const doors = (await depositsAwaitingDoors(24)).map(({ compartmentId }) => ({ compartmentId }));
    await measure('door report, 24 doors opened', async () => ok(await report(doors, 'OPEN')));
    await measure('door report, 24 doors closed', async () => ok(await report(doors, 'CLOSED')));
    const stored = await s.gql<{ site: { compartments: { id: string; status: string }[] } }>(
      `query($s:ID!){ site(id:$s){ compartments { id status } } }`,
      { s: f.siteId },
      f.adminToken,
    );
    const reported = new Set(doors.map((d) => d.compartmentId));
    const statuses = ok(stored)
      .site.compartments.filter((c) => reported.has(c.id))
      .map((c) => c.status);
    expect(statuses).toEqual(Array.from({ length: 24 }, () => 'OCCUPIED'));
  });

  test("the board's snapshot of a site and a usage report", async () => {
    await measure('board snapshot, 2 banks, 42 compartments', async () =>
      ok(await s.gql(BOARD_SNAPSHOT, { s: f.siteId }, f.adminToken)),
    );
    const to = new Date();
    const from = new Date(to.getTime() - 31 * 86_400_000);
    await measure('usage report, 31 days by day', async () =>
      ok(await s.gql(USAGE, { s: f.siteId, f: from.toISOString(), t: to.toISOString() }, f.adminToken)),
    );
  });

  test('unlock acknowledgements: only the first of a burst marks the gateway seen', async () => {
    await heartbeat(s, f);
    const commands: string[] = [];
    for (let i = 0; i < 2; i++) {
      const scan = await scanOnly(s, f, (await issue(s, f)).code.payload);
      commands.push(await lastCommandFor(scan.compartment!.id));
    }
    await new Promise((r) => setTimeout(r, 1100)); // the last acknowledgement's mark is over a second old
    const seenBefore = await lastSeen();
    await measure('unlock acknowledgement', async () =>
      ok(await s.gql(ACK, { id: commands[0], r: 'SUCCEEDED' }, f.gatewayToken)),
    );
    const seenAfter = await lastSeen();
    expect(seenAfter.getTime()).toBeGreaterThan(seenBefore.getTime());
    await measure('unlock acknowledgement, its gateway marked seen under a second ago', async () =>
      ok(await s.gql(ACK, { id: commands[1], r: 'SUCCEEDED' }, f.gatewayToken)),
    );
    expect(await lastSeen()).toEqual(seenAfter);
  });

  async function lastSeen(): Promise<Date> {
    const rows = await s.app.orm.em
      .fork()
      .getConnection()
      .execute<{ last_seen_at: Date }[]>(`select last_seen_at from gateway where id = ?`, [f.gatewayId]);
    return new Date(rows[0]!.last_seen_at);
  }
});
