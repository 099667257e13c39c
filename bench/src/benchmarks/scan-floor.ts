/**
 * Scan floor: the SQL a deposit scan sends, captured at the server's database driver (the
 * preloaded hook of src/processes/sql-capture.ts, as the cost budget counts them), replayed
 * in one transaction from a bare `pg` client for fresh CREATED sessions: what a deposit scan
 * costs the database alone. Twice: back to back, and at scan-to-coil's rhythm (each scan
 * right after its code is issued, then 50 ms, the pulse scan-to-coil waits for), which
 * scan-to-coil is measured against (the CLI adds the ratio to scan-to-coil's rows when both
 * ran): on an idle machine the same SQL takes longer when it comes after a pause. Same run, for
 * comparison: the server's own scan round trip (scanAccessCode over HTTP, no gateway process)
 * on sessions of the same kind, at both rhythms.
 * Correctness: every replayed scan reserves a compartment and moves its session to DEPOSITING.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Benchmark } from '../lib/bench.ts';
import { checkTime } from '../lib/bench.ts';
import { figure } from '../lib/figures.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { quantile } from '../lib/stats.ts';
import { startSystem } from '../lib/system.ts';
import type { CapturedQuery } from '../processes/sql-capture.ts';

const ISSUE = `mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { session { id } code { payload } } }`;
const SCAN = `mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { id } } }`;
const BANK = `mutation($s: ID!, $l: String!, $e: String!, $c: [CompartmentInput!]!) {
  createLockerBank(siteId: $s, label: $l, modbusEndpoint: $e, compartments: $c) { id } }`;
const TRANSACTION_CONTROL = /^\s*(begin|start transaction|commit|rollback|savepoint|release)\b/i;
const TIMESTAMP = /'(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)'/g;
const TIMESTAMP_VALUE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const NEW_ROW_ID = /insert into "\w+" \("id",[^)]*\) values \('([0-9a-f-]{36})'/g;
/** A parameterised insert whose first column is its id: its rows follow (`($n, ...), ...`). */
const INSERT_WITH_ID = /insert into "\w+" \("id",[^)]*\) values /g;
const ROW_ID_PARAMETER = /\(\$(\d+)[^)]*\)(?:, )?/y;

type Issued = { issueAccessCode: { session: { id: string }; code: { payload: string } } };
type Scanned = { scanAccessCode: { outcome: string; compartment: { id: string } | null } };

/** scan-to-coil's pulse (`lock-gateway/bench/scan-to-coil.ts` sets the site's to 50 ms and waits for its end). */
const SCAN_TO_COIL_PULSE_MS = 50;
/** The floor scan-to-coil's p50 is held against (the CLI's ratio row with the goal). */
export const PACED_FLOOR_P50 = "deposit scan SQL at scan-to-coil's rhythm, bare pg: p50";
/** The same SQL back to back (the CLI's ratio row shown beside it). */
export const FLOOR_P50 = 'deposit scan SQL, one transaction, bare pg: p50';

/** The server's presence window (`server/src/modules/devices/presence.ts`), and a margin. */
const PRESENCE_WINDOW_MS = 10_500;

export const scanFloor: Benchmark = {
  name: 'scan-floor',
  summary: "a deposit scan's own SQL in one transaction from a bare pg client (scan-to-coil's floor)",
  flags: {
    scans: {
      full: 300,
      smoke: 20,
      help: 'measured scans per run (server and floor, back to back and paced, each)',
    },
    runs: { full: 3, smoke: 1, help: 'repetitions (median reported)' },
  },
  timeLimit: { full: 600, smoke: 90 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'scan-floor', { captureSql: true });
    // The scan's presence threshold is "heard within 10 s" only once the server has run 10 s
    // (before, it is the server's start, which the replay would wrongly move with the clock).
    const presenceSettled = Date.now() + PRESENCE_WINDOW_MS;
    const { seed, graphqlUrl, simEndpoint } = sys.stack;
    const errors: string[] = [];
    const token = await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword);
    const admin = new GqlClient(graphqlUrl, token, 1);
    const kiosk = new GqlClient(graphqlUrl, seed.kioskToken, 1);
    const gateway = new GqlClient(graphqlUrl, seed.gatewayToken, 1);
    const beat = () =>
      gateway
        .request(`mutation { reportDoorStates(reports: []) }`)
        .catch((e: unknown) => errors.push(`heartbeat: ${String(e)}`));
    await beat();
    const heartbeat = setInterval(() => void beat(), 1000);
    ctx.defer(() => (clearInterval(heartbeat), admin.close(), kiosk.close(), gateway.close()));
    const n = ctx.size('scans');
    const runs = ctx.size('runs');
    // enough free SMALL compartments for every scan of every run: server and floor, back to back and paced
    for (let b = 0; b * 200 < 4 * n * runs + 10; b++) {
      await admin.request(BANK, {
        s: seed.siteId,
        l: `Floor ${b}`,
        e: simEndpoint,
        c: Array.from({ length: 200 }, (_, i) => ({
          label: `F${b}-${i}`,
          size: 'SMALL',
          unitId: 20 + b,
          coil: i,
          doorInput: i,
        })),
      });
    }
    const issue = async (count: number) => {
      const out: Array<{ id: string; payload: string }> = [];
      for (let i = 0; i < count; i++) {
        const r = await kiosk.request<Issued>(ISSUE, { s: seed.siteId });
        out.push({ id: r.issueAccessCode.session.id, payload: r.issueAccessCode.code.payload });
      }
      return out;
    };
    const scan = async (payload: string) => {
      const r = await kiosk.request<Scanned>(SCAN, { s: seed.siteId, p: payload });
      if (r.scanAccessCode.outcome !== 'UNLOCKING_FOR_DEPOSIT')
        throw new Error(`a deposit scan answered ${r.scanAccessCode.outcome}`);
      return r.scanAccessCode.compartment!.id;
    };

    // Warm the server's path, then capture one deposit scan's transaction: as it runs from then
    // on, its write prepared too (the server prepares a built statement from its fifth run,
    // `server/src/db/prepared.ts`), so the replay runs it prepared as well.
    for (const s of await issue(6)) await scan(s.payload);
    await new Promise((r) => setTimeout(r, Math.max(0, presenceSettled - Date.now())));
    const [sample] = await issue(1);
    const capturedAt = Date.now();
    const { queries } = await sys.sql!.record(() => scan(sample!.payload));
    const template = scanTransaction(queries);
    const statements = template.filter((q) => !TRANSACTION_CONTROL.test(q.text)).length;
    ctx.log(`captured a deposit scan: ${statements} statements, ${template.length} round trips`);
    const sampleRow = (
      await sys.db.query<{ code_hash: string; compartment_id: string; bank_id: string }>(
        `select s.code_hash, s.compartment_id, c.bank_id from storage_session s join compartment c on c.id = s.compartment_id where s.id = $1`,
        [sample!.id],
      )
    ).rows[0]!;

    const floor = new (await import('pg')).default.Client({ connectionString: sys.stack.databaseUrl! });
    await floor.connect();
    ctx.defer(() => floor.end());
    const codeHashes = async (ids: string[]) =>
      new Map(
        (
          await sys.db.query<{ id: string; code_hash: string }>(
            'select id, code_hash from storage_session where id = any($1::uuid[])',
            [ids],
          )
        ).rows.map((r) => [r.id, r.code_hash]),
      );
    const replayFor = (s: { id: string }, codeHash: string) =>
      replay(floor, template, {
        session: [sample!.id, s.id],
        codeHash: [sampleRow.code_hash, codeHash],
        compartment: sampleRow.compartment_id,
        bank: sampleRow.bank_id,
        shiftMs: Date.now() - capturedAt,
      });
    // (a replayed scan's UNLOCK may time out later: no gateway acknowledges it)
    const tookCompartments = async (ids: string[], what: string, run: number) => {
      const { rows } = await sys.db.query<{ depositing: string }>(
        `select count(distinct s.compartment_id) depositing from storage_session s
         where s.id = any($1::uuid[]) and s.status <> 'CREATED' and s.compartment_id is not null`,
        [ids],
      );
      if (Number(rows[0]!.depositing) !== ids.length)
        errors.push(`run ${run + 1}: ${rows[0]!.depositing} of ${ids.length} ${what} took a compartment`);
    };
    const serverP50: number[] = [];
    const floorP50: number[] = [];
    const floorP99: number[] = [];
    const pacedServerP50: number[] = [];
    const pacedFloorP50: number[] = [];
    for (let run = 0; run < runs; run++) {
      checkTime(ctx.signal);
      // At scan-to-coil's rhythm: each scan right after its code is issued, then the pulse's
      // wait. The machine idles between scans as it does there, and the same SQL is slower for
      // it (a sleeping CPU wakes at each hop): the floor scan-to-coil is held against. Measured
      // first, so that what a run's scans leave behind (the allocation index's dead entries)
      // weighs on the back-to-back floor, not on this one. The floor's replay follows its code's
      // issue and one read of that code's hash (another client's round trip, as scan-to-coil's
      // scan follows the end of the session before and its code's issue).
      const pacedServer: number[] = [];
      const pacedFloor: number[] = [];
      const paced: string[] = [];
      for (let i = 0; i < n; i++) {
        checkTime(ctx.signal);
        await new Promise((r) => setTimeout(r, SCAN_TO_COIL_PULSE_MS));
        const [viaKiosk] = await issue(1);
        const t = performance.now();
        await scan(viaKiosk!.payload);
        pacedServer.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, SCAN_TO_COIL_PULSE_MS));
        const [s] = await issue(1);
        const hash = (await codeHashes([s!.id])).get(s!.id)!;
        pacedFloor.push(await replayFor(s!, hash));
        paced.push(s!.id);
      }
      await tookCompartments(paced, 'replayed scans at scan-to-coil rhythm', run);
      // back to back: each scan right after the one before
      const viaServer: number[] = [];
      for (const s of await issue(n)) {
        const t = performance.now();
        await scan(s.payload);
        viaServer.push(performance.now() - t);
      }
      const fresh = await issue(n);
      const hashes = await codeHashes(fresh.map((s) => s.id));
      const replayed: number[] = [];
      for (const s of fresh) {
        checkTime(ctx.signal);
        replayed.push(await replayFor(s, hashes.get(s.id)!));
      }
      await tookCompartments(
        fresh.map((s) => s.id),
        'replayed scans',
        run,
      );
      serverP50.push(quantile(viaServer, 0.5));
      floorP50.push(quantile(replayed, 0.5));
      floorP99.push(quantile(replayed, 0.99));
      pacedServerP50.push(quantile(pacedServer, 0.5));
      pacedFloorP50.push(quantile(pacedFloor, 0.5));
      ctx.log(
        `run ${run + 1}: floor p50 ${floorP50.at(-1)!.toFixed(2)} ms, p99 ${floorP99.at(-1)!.toFixed(2)} ms; server scan p50 ${serverP50.at(-1)!.toFixed(2)} ms; ` +
          `at scan-to-coil's rhythm: floor p50 ${pacedFloorP50.at(-1)!.toFixed(2)} ms, server scan p50 ${pacedServerP50.at(-1)!.toFixed(2)} ms`,
      );
    }
    return {
      figures: [
        figure('scan-floor', FLOOR_P50, 'ms', floorP50),
        figure('scan-floor', 'deposit scan SQL, one transaction, bare pg: p99', 'ms', floorP99),
        figure('scan-floor', 'scanAccessCode round trip (server, no gateway) p50', 'ms', serverP50, {
          baseline: { label: 'scan floor p50', runs: floorP50 },
        }),
        figure('scan-floor', PACED_FLOOR_P50, 'ms', pacedFloorP50, {
          baseline: { label: 'the same SQL back to back, p50', runs: floorP50 },
        }),
        figure('scan-floor', "scanAccessCode round trip at scan-to-coil's rhythm p50", 'ms', pacedServerP50, {
          baseline: { label: "floor at scan-to-coil's rhythm p50", runs: pacedFloorP50 },
        }),
        figure('scan-floor', 'statements of a deposit scan (at the driver)', 'count', [statements]),
      ],
      errors,
      details: { scans: n, statements, roundTrips: template.length, sql: template },
    };
  },
};

/** A captured statement as the replay sends it: its text, its parameters, its name if prepared. */
export type Statement = Pick<CapturedQuery, 'text' | 'values' | 'name'>;

/**
 * The deposit scan's transaction among the captured queries: from the `begin` before the
 * UNLOCK command's insert to the `commit` after it, on that connection.
 */
export function scanTransaction(queries: CapturedQuery[]): Statement[] {
  const command = queries.find((q) => /insert into "gateway_command"/.test(q.text));
  if (!command) throw new Error('no deposit scan among the captured queries');
  const mine = queries.filter((q) => q.c === command.c);
  const at = mine.indexOf(command);
  const begin = mine.slice(0, at).findLastIndex((q) => /^\s*begin\b/i.test(q.text));
  const commit = mine.findIndex((q, i) => i > at && /^\s*commit\b/i.test(q.text));
  if (begin < 0 || commit < 0) throw new Error('the deposit scan ran outside a transaction');
  return mine.slice(begin, commit + 1).map(({ text, values, name }) => ({ text, values, name }));
}

/** The ids a parameterised statement inserts rows with (each row's first parameter). */
function parameterisedRowIds(statement: Statement): string[] {
  const ids: string[] = [];
  for (const insert of statement.text.matchAll(INSERT_WITH_ID)) {
    ROW_ID_PARAMETER.lastIndex = insert.index + insert[0].length;
    for (let row; (row = ROW_ID_PARAMETER.exec(statement.text));) {
      const id = statement.values[Number(row[1]) - 1];
      if (typeof id === 'string') ids.push(id);
    }
  }
  return ids;
}

/**
 * Runs the captured transaction for another CREATED session: its id and code hash in place of
 * the captured ones, the compartment the allocation returns in place of the captured one (and
 * its bank and version), fresh ids for inserted rows, in the text and in the parameters. A
 * statement the server ran prepared runs prepared here too, under its name (prepared on this
 * connection's first replay). Returns the milliseconds begin..commit.
 */
async function replay(
  db: pg.Client,
  template: Statement[],
  map: {
    session: [string, string];
    codeHash: [string, string];
    compartment: string;
    bank: string;
    /** How long ago the capture was: its timestamps move by as much (deadlines stay ahead). */
    shiftMs: number;
  },
): Promise<number> {
  const swaps = new Map<string, string>([map.session, map.codeHash]);
  for (const t of template) {
    for (const m of t.text.matchAll(NEW_ROW_ID)) swaps.set(m[1]!, randomUUID());
    for (const id of parameterisedRowIds(t)) swaps.set(id, randomUUID());
  }
  const shift = (iso: string) => new Date(Date.parse(iso) + map.shiftMs).toISOString();
  const shifted = template.map((t) => ({
    ...t,
    text: t.text.replace(TIMESTAMP, (_, iso: string) => `'${shift(iso)}'`),
    values: t.values.map((v) => (typeof v === 'string' && TIMESTAMP_VALUE.test(v) ? shift(v) : v)),
  }));
  const swapped = (value: string) => {
    for (const [from, to] of swaps) value = value.split(from).join(to);
    return value;
  };
  let version: number | null = null;
  const t0 = performance.now();
  for (const original of shifted) {
    let text = swapped(original.text);
    const values = original.values.map((v) => (typeof v === 'string' ? swapped(v) : v));
    if (version !== null && /^\s*update "compartment"/.test(text))
      text = text.replace(/"version" = \d+ returning/, `"version" = ${version} returning`);
    const r = await db.query<{ id?: string; bank_id?: string; version?: number }>(
      original.name ? { name: original.name, text, values } : { text, values },
    );
    // the allocation: the compartment it returns stands in for the captured one from here on
    if (!swaps.has(map.compartment) && /for update/i.test(text) && /from compartment c/.test(text)) {
      const row = r.rows[0];
      if (!row?.id || !row.bank_id) throw new Error('the replayed allocation found no compartment');
      swaps.set(map.compartment, row.id);
      swaps.set(map.bank, row.bank_id);
      version = row.version ?? null;
    }
  }
  return performance.now() - t0;
}
