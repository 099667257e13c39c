/**
 * Allocation race: `compartments` AVAILABLE SMALL compartments on a fresh bank (the demo's own
 * SMALL ones taken out of service), `sessions` CREATED sessions (issued through the API), then
 * every code scanned at once by `kiosks` kiosks (each registered with its own token, one
 * connection from its own loopback address, the scans dealt round robin). Correct: exactly
 * `compartments` unlocks, each on a different compartment, every other scan answered
 * NO_COMPARTMENT_AVAILABLE; checked in the answers and in the database (sessions, their
 * transitions, gateway commands). Figure: scans per second over the whole burst.
 */
import type { Benchmark } from '../lib/bench.ts';
import { checkTime } from '../lib/bench.ts';
import { figure } from '../lib/figures.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { clientAddress, registerKiosks, startSystem } from '../lib/system.ts';

const ISSUE = `mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { session { id } code { payload } } }`;
const SCAN = `mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { id } } }`;
const BANK = `mutation($s: ID!, $l: String!, $e: String!, $c: [CompartmentInput!]!) {
  createLockerBank(siteId: $s, label: $l, modbusEndpoint: $e, compartments: $c) { id } }`;

type Issued = { issueAccessCode: { session: { id: string }; code: { payload: string } } };
type Scanned = { scanAccessCode: { outcome: string; compartment: { id: string } | null } };

export const allocationRace: Benchmark = {
  name: 'allocation-race',
  summary: 'many scans of CREATED sessions at once for fewer free compartments: no doubles',
  flags: {
    sessions: { full: 1000, smoke: 100, help: 'CREATED sessions, all scanned at once' },
    compartments: { full: 200, smoke: 20, help: 'AVAILABLE compartments of the size' },
    kiosks: { full: 20, smoke: 10, help: 'kiosks scanning (own token, address, connection)' },
    runs: { full: 3, smoke: 1, help: 'repetitions (median reported)' },
  },
  timeLimit: { full: 300, smoke: 45 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'allocation-race');
    const { seed, graphqlUrl, simEndpoint } = sys.stack;
    const token = await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword);
    const admin = new GqlClient(graphqlUrl, token, 1);
    const kiosk = new GqlClient(graphqlUrl, seed.kioskToken, 4);
    const kiosks = (await registerKiosks(graphqlUrl, token, seed.siteId, ctx.size('kiosks'))).map(
      (t, i) => new GqlClient(graphqlUrl, t, 1, clientAddress(i)),
    );
    ctx.defer(() => (admin.close(), kiosk.close(), kiosks.forEach((k) => k.close())));
    const nSessions = ctx.size('sessions');
    const nComp = ctx.size('compartments');
    const errors: string[] = [];
    // No gateway process runs here, so the bench is the site's gateway: a site's locks are
    // promised only while its gateway is present, which it shows by reporting (a heartbeat).
    const gateway = new GqlClient(graphqlUrl, seed.gatewayToken, 1);
    // One lost beat is not an absent gateway (presence lasts 10 s); three in a row would be,
    // and would make scans refused for the wrong reason: that is an error of the run.
    let beating: Promise<unknown> = Promise.resolve();
    let missed = 0;
    const beat = () =>
      (beating = gateway.request(`mutation { reportDoorStates(reports: []) }`, {}).then(
        () => (missed = 0),
        (e: unknown) => {
          if (++missed === 3) errors.push(`heartbeat: 3 in a row failed, the last: ${String(e)}`);
        },
      ));
    await beat();
    const heartbeat = setInterval(() => void beat(), 1000);
    // a beat still on its way when the run ends is waited for, not cut off by closing its socket
    ctx.defer(async () => {
      clearInterval(heartbeat);
      await beating;
      gateway.close();
    });
    const rates: number[] = [];
    const unlocksPerRun: number[] = [];
    const doublesPerRun: number[] = [];
    for (let run = 0; run < ctx.size('runs'); run++) {
      checkTime(ctx.signal);
      // Only this run's bank has free SMALL compartments.
      await sys.db.query(
        `update compartment set status = 'OUT_OF_SERVICE', out_of_service_reason = 'bench' where site_id = $1 and size = 'SMALL' and status = 'AVAILABLE'`,
        [seed.siteId],
      );
      const compartments = Array.from({ length: nComp }, (_, i) => ({
        label: `R${run}-${i}`,
        size: 'SMALL',
        unitId: 10 + run,
        coil: i,
        doorInput: i,
      }));
      const bank = (
        await admin.request<{ createLockerBank: { id: string } }>(BANK, {
          s: seed.siteId,
          l: `Race ${run}`,
          e: simEndpoint,
          c: compartments,
        })
      ).createLockerBank.id;
      const issued = await Promise.all(
        Array.from({ length: nSessions }, () => kiosk.request<Issued>(ISSUE, { s: seed.siteId })),
      );
      const ids = issued.map((x) => x.issueAccessCode.session.id);
      checkTime(ctx.signal);

      const t0 = performance.now();
      const answers = await Promise.all(
        issued.map((x, i) =>
          kiosks[i % kiosks.length]!.request<Scanned>(SCAN, {
            s: seed.siteId,
            p: x.issueAccessCode.code.payload,
          }).catch((e: unknown) => ({ error: String(e) })),
        ),
      );
      const seconds = (performance.now() - t0) / 1000;
      rates.push(nSessions / seconds);

      const outcomes = new Map<string, number>();
      const given = new Set<string>();
      let answeredDoubles = 0;
      for (const a of answers) {
        const key = 'error' in a ? `error: ${a.error.slice(0, 120)}` : a.scanAccessCode.outcome;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        const c = 'error' in a ? null : a.scanAccessCode.compartment?.id;
        if (c && !('error' in a) && a.scanAccessCode.outcome === 'UNLOCKING_FOR_DEPOSIT') {
          if (given.has(c)) answeredDoubles++;
          given.add(c);
        }
      }
      const unlocked = outcomes.get('UNLOCKING_FOR_DEPOSIT') ?? 0;
      const none = outcomes.get('NO_COMPARTMENT_AVAILABLE') ?? 0;
      const expectUnlocks = Math.min(nComp, nSessions);
      if (unlocked !== expectUnlocks || none !== nSessions - expectUnlocks) {
        errors.push(
          `run ${run + 1}: answers ${JSON.stringify(Object.fromEntries(outcomes))}, expected ${expectUnlocks} UNLOCKING_FOR_DEPOSIT and ${nSessions - expectUnlocks} NO_COMPARTMENT_AVAILABLE`,
        );
      }

      // The database is the judge: sessions that got a compartment, their DEPOSITING
      // transitions, and the UNLOCK commands, all on distinct compartments of this bank.
      const { rows } = await sys.db.query<{
        sessions: string;
        distinct_c: string;
        moves: string;
        commands: string;
        command_c: string;
        reserved: string;
      }>(
        `select
           (select count(*) from storage_session where id = any($1::uuid[]) and compartment_id is not null) as sessions,
           (select count(distinct compartment_id) from storage_session where id = any($1::uuid[]) and compartment_id is not null) as distinct_c,
           (select count(*) from session_transition where session_id = any($1::uuid[]) and to_status = 'DEPOSITING') as moves,
           (select count(*) from gateway_command where session_id = any($1::uuid[])) as commands,
           (select count(distinct compartment_id) from gateway_command where session_id = any($1::uuid[])) as command_c,
           (select count(*) from compartment where bank_id = $2 and status = 'RESERVED') as reserved`,
        [ids, bank],
      );
      const d = rows[0]!;
      const dbUnlocks = Number(d.moves);
      const doubles = Math.max(
        Number(d.sessions) - Number(d.distinct_c),
        Number(d.commands) - Number(d.command_c),
        dbUnlocks - Number(d.distinct_c),
        answeredDoubles,
      );
      unlocksPerRun.push(dbUnlocks);
      doublesPerRun.push(doubles);
      if (doubles > 0) errors.push(`run ${run + 1}: ${doubles} DOUBLE allocations`);
      if (
        dbUnlocks !== expectUnlocks ||
        Number(d.distinct_c) !== expectUnlocks ||
        Number(d.command_c) !== expectUnlocks ||
        Number(d.reserved) !== expectUnlocks
      ) {
        errors.push(`run ${run + 1}: database has ${JSON.stringify(d)}, expected ${expectUnlocks} of each`);
      }
      ctx.log(
        `run ${run + 1}: ${nSessions} scans in ${(seconds * 1000).toFixed(0)} ms (${(nSessions / seconds).toFixed(0)}/s), ${dbUnlocks} unlocks on ${d.distinct_c} compartments`,
      );
      // Keep this run's bank out of the next race: its unacknowledged unlocks time out and
      // release compartments later; a bank no gateway drives is never allocated from.
      await sys.db.query(`update locker_bank set gateway_id = null where id = $1`, [bank]);
    }
    return {
      figures: [
        figure('allocation-race', 'unlocks (distinct compartments, in DB)', 'count', unlocksPerRun, {
          goal: { op: '==', target: Math.min(nComp, nSessions) },
        }),
        figure('allocation-race', 'double allocations', 'count', doublesPerRun, {
          goal: { op: '==', target: 0 },
        }),
        figure('allocation-race', `scans per second (${kiosks.length} kiosks)`, 'scans/s', rates, {
          goal: { op: '>', target: 600 },
        }),
      ],
      errors,
      details: { sessions: nSessions, compartments: nComp, kiosks: ctx.size('kiosks') },
    };
  },
};
