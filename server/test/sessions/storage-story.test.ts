import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  ACK,
  collect,
  createSite,
  door,
  heartbeat,
  issue,
  ok,
  scan,
  SCAN as SCAN_QUERY,
  waitFor,
  type Fixture,
} from '../support/fixtures.js';

type Command = {
  gatewayCommands: {
    id: string;
    compartmentId: string;
    pulseMs: number;
    modbus: { endpoint: string; unitId: number; coil: number };
    expiresAt: string;
  };
};

describe('a deposit and a retrieval, end to end over HTTP and WebSocket', () => {
  let s: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s);
  });
  afterAll(() => s.stop());

  test('the gateway gets UNLOCK commands, the door reports store and complete the session, dashboards see every step', async () => {
    const gateway = s.ws(f.gatewayToken);
    const commands = collect<Command>(
      gateway,
      `subscription { gatewayCommands { id compartmentId pulseMs expiresAt modbus { endpoint unitId coil } } }`,
    );
    const dashboard = s.ws(f.adminToken);
    const doorEvents = collect<{
      doorEvents: { type: string; compartment: { label: string; status: string } };
    }>(dashboard, `subscription($s:ID){ doorEvents(siteId:$s){ type compartment { label status } } }`, {
      s: f.siteId,
    });
    const compartments = collect<{ compartmentUpdated: { label: string; status: string; version: number } }>(
      dashboard,
      `subscription { compartmentUpdated { label status version } }`,
    );
    await waitFor(
      async () =>
        (await s.gql(`{ site(id:"${f.siteId}"){ gateways { online } } }`, {}, f.adminToken)).data?.site
          .gateways[0].online,
    );

    const issued = await issue(s, f, 'SMALL', { email: 'traveller@example.com' });
    expect(issued.session.status).toBe('CREATED');
    expect(issued.code.payload).toMatch(/^LK1:[A-Z2-7]{32}$/);
    expect(issued.code.qrSvg).toContain('<svg');
    const kiosk = s.ws(f.kioskToken);
    const sessionUpdates = collect<{ sessionUpdated: { status: string } }>(
      kiosk,
      `subscription($id:ID!){ sessionUpdated(sessionId:$id){ status } }`,
      { id: issued.session.id },
    );
    await new Promise((r) => setTimeout(r, 100));

    // deposit
    const deposit = await scan(s, f, issued.code.payload);
    expect(deposit.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    expect(deposit.compartment?.status).toBe('RESERVED');
    const cmd = await waitFor(() => commands.events[0]?.gatewayCommands);
    expect(cmd.compartmentId).toBe(deposit.compartment!.id);
    expect(cmd.modbus.endpoint).toBe('tcp://127.0.0.1:5020');
    expect(new Date(cmd.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(ok(await s.gql(ACK, { id: cmd.id, r: 'SUCCEEDED' }, f.gatewayToken))).toEqual({
      ackGatewayCommand: true,
    });
    expect(ok(await s.gql(ACK, { id: cmd.id, r: 'SUCCEEDED' }, f.gatewayToken))).toEqual({
      ackGatewayCommand: true,
    }); // idempotent
    await door(s, f, cmd.compartmentId, 'OPEN');
    await door(s, f, cmd.compartmentId, 'CLOSED');
    const stored = ok(
      await s.gql<{
        session: {
          status: string;
          depositedAt: string;
          dueAt: string;
          compartment: { status: string; doorState: string };
        };
      }>(
        `query($id:ID!){ session(id:$id){ status depositedAt dueAt compartment { status doorState } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    ).session;
    expect(stored.status).toBe('STORED');
    expect(new Date(stored.dueAt).getTime() - new Date(stored.depositedAt).getTime()).toBe(60 * 60_000);
    expect(stored.compartment).toEqual({ status: 'OCCUPIED', doorState: 'CLOSED' });

    // a scan during the retrieval's door operation is BUSY; after it, the session is COMPLETED
    const retrieve = await scan(s, f, issued.code.payload);
    expect(retrieve.outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    expect(retrieve.compartment?.id).toBe(cmd.compartmentId);
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('BUSY');
    const cmd2 = await waitFor(() => commands.events[1]?.gatewayCommands);
    ok(await s.gql(ACK, { id: cmd2.id, r: 'SUCCEEDED' }, f.gatewayToken));
    await door(s, f, cmd.compartmentId, 'OPEN');
    await door(s, f, cmd.compartmentId, 'CLOSED');
    const done = ok(
      await s.gql<{ session: { status: string; retrievedAt: string; events: { type: string }[] } }>(
        `query($id:ID!){ session(id:$id){ status retrievedAt events { type } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    ).session;
    expect(done.status).toBe('COMPLETED');
    expect(done.retrievedAt).toBeTruthy();
    expect(done.events.map((e) => e.type)).toEqual([
      'UNLOCK_REQUESTED',
      'UNLOCKED',
      'OPENED',
      'CLOSED',
      'UNLOCK_REQUESTED',
      'UNLOCKED',
      'OPENED',
      'CLOSED',
    ]);
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('SESSION_CLOSED');

    await waitFor(() => doorEvents.events.length >= 8);
    expect(doorEvents.events.map((e) => e.doorEvents.type)).toEqual(done.events.map((e) => e.type));
    await waitFor(() => sessionUpdates.events.map((e) => e.sessionUpdated.status).includes('COMPLETED'));
    expect(sessionUpdates.events.map((e) => e.sessionUpdated.status)).toEqual([
      'DEPOSITING',
      'STORED',
      'RETRIEVING',
      'COMPLETED',
    ]);
    const mine = compartments.events
      .map((e) => e.compartmentUpdated)
      .filter((c) => c.label === deposit.compartment!.label);
    expect(mine.at(-1)?.status).toBe('AVAILABLE');
    const versions = mine.map((c) => c.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBeGreaterThan(3);
    expect(commands.errors).toEqual([]);
  });

  test('a gateway that reconnects is sent the commands it has not acknowledged', async () => {
    const issued = await issue(s, f, 'MEDIUM');
    const result = await scan(s, f, issued.code.payload);
    expect(result.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const later = collect<Command>(
      s.ws(f.gatewayToken),
      `subscription { gatewayCommands { id compartmentId } }`,
    );
    const resent = await waitFor(() =>
      later.events.find((e) => e.gatewayCommands.compartmentId === result.compartment!.id),
    );
    expect(resent).toBeTruthy();
  });

  test('a gateway that disconnects is offline once its presence expires (seconds, not a counter), and its subscription is no longer counted', async () => {
    const g = await createSite(s); // a gateway of its own: no other test holds a connection for it
    const online = async () =>
      (await s.gql(`{ site(id:"${g.siteId}"){ gateways { online } } }`, {}, g.adminToken)).data?.site
        .gateways[0].online;
    const metrics = async () =>
      (await (await fetch(s.url.replace('/graphql', '/metrics'))).text()).match(
        /locker_gateways_online (\d+)/,
      )?.[1];
    const base = Number(await metrics());
    const client = s.ws(g.gatewayToken);
    collect(client, `subscription { gatewayCommands { id } }`);
    await waitFor(online);
    await waitFor(async () => Number(await metrics()) === base + 1);
    const gone = Date.now();
    await client.dispose();
    await waitFor(async () => Number(await metrics()) === base);
    await waitFor(async () => (await online()) === false, 15_000); // its presence expired
    expect(Date.now() - gone).toBeLessThan(12_000);
  });

  test('intent ACCESS opens mid-session and the session stays STORED', async () => {
    const issued = await issue(s, f, 'LARGE');
    const first = await scan(s, f, issued.code.payload);
    const id = first.compartment!.id;
    await door(s, f, id, 'OPEN');
    await door(s, f, id, 'CLOSED');
    const access = await scan(s, f, issued.code.payload, 'ACCESS');
    expect(access.outcome).toBe('UNLOCKING_FOR_ACCESS');
    await door(s, f, id, 'OPEN');
    await door(s, f, id, 'CLOSED');
    const after = ok(
      await s.gql<{ session: { status: string; compartment: { status: string } } }>(
        `query($id:ID!){ session(id:$id){ status compartment { status } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    ).session;
    expect(after).toEqual({ status: 'STORED', compartment: { status: 'OCCUPIED' } });
  });

  test('a sensor that goes UNKNOWN between OPEN and CLOSED still stores the deposit', async () => {
    const issued = await issue(s, f, 'SMALL');
    const r = await scan(s, f, issued.code.payload);
    const id = r.compartment!.id;
    await door(s, f, id, 'OPEN');
    ok(
      await s.gql(
        `mutation($r:[DoorReport!]!){ reportDoorStates(reports:$r) }`,
        { r: [{ compartmentId: id, state: 'UNKNOWN', at: new Date().toISOString() }] },
        f.gatewayToken,
      ),
    );
    const unknown = ok(
      await s.gql<any>(
        `query($id:ID!){ session(id:$id){ compartment { doorState } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    );
    expect(unknown.session.compartment.doorState).toBe('UNKNOWN');
    await door(s, f, id, 'CLOSED');
    const after = ok(
      await s.gql<any>(
        `query($id:ID!){ session(id:$id){ status compartment { doorState } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    );
    expect(after.session).toEqual({ status: 'STORED', compartment: { doorState: 'CLOSED' } });
  });

  test('a site may cap how often a depositor opens mid-session', async () => {
    ok(
      await s.gql(
        `mutation($id:ID!){ updateSite(id:$id, accessOpensPerSession:1){ accessOpensPerSession } }`,
        { id: f.siteId },
        f.adminToken,
      ),
    );
    const issued = await issue(s, f, 'SMALL');
    const r = await scan(s, f, issued.code.payload);
    const id = r.compartment!.id;
    await door(s, f, id, 'OPEN');
    await door(s, f, id, 'CLOSED');
    expect((await scan(s, f, issued.code.payload, 'ACCESS')).outcome).toBe('UNLOCKING_FOR_ACCESS');
    await door(s, f, id, 'OPEN');
    await door(s, f, id, 'CLOSED');
    const refused = await s.gql(
      SCAN_QUERY,
      { s: f.siteId, p: issued.code.payload, i: 'ACCESS' },
      f.kioskToken,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    ok(
      await s.gql(
        `mutation($id:ID!){ updateSite(id:$id, accessOpensPerSession:-1){ accessOpensPerSession } }`,
        { id: f.siteId },
        f.adminToken,
      ),
    );
  });

  test('a kiosk retrying after a lost answer gets the same session and the same payment, never a second one', async () => {
    ok(
      await s.gql(
        `mutation($s:ID!){ setTariff(siteId:$s, size:XLARGE, price:800, currency:"EUR", includedMinutes:60, overduePerHour:0, graceMinutes:0, securityAlertAfterMinutes:0){ id } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    );
    const q = `mutation($s:ID!,$r:String){ issueAccessCode(siteId:$s, size:XLARGE, requestId:$r){ session { id } code { payload } } }`;
    const requestId = 'kiosk1-0001-abcdef';
    const [a, b] = await Promise.all(
      [1, 2].map(
        async () => ok(await s.gql<any>(q, { s: f.siteId, r: requestId }, f.kioskToken)).issueAccessCode,
      ),
    );
    expect(a.session.id).toBe(b.session.id);
    const c = ok(await s.gql<any>(q, { s: f.siteId, r: requestId }, f.kioskToken)).issueAccessCode;
    expect(c.session.id).toBe(a.session.id);
    expect((await scan(s, f, a.code.payload)).outcome).toBe('INVALID_CODE'); // only the newest code opens
    expect((await scan(s, f, c.code.payload)).outcome).toBe('PAYMENT_REQUIRED'); // a compartment is held before payment
    const pay = `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`;
    const p1 = ok(await s.gql<any>(pay, { id: c.session.id }, f.kioskToken)).createPayment.id;
    const p2 = ok(await s.gql<any>(pay, { id: c.session.id }, f.kioskToken)).createPayment.id;
    expect(p2).toBe(p1);
  });

  test('an operator opens a compartment remotely: recorded with who and why, and the door opening is not forced', async () => {
    const target = f.compartments.find((c) => c.size === 'LARGE')!;
    await heartbeat(s, f);
    const r = ok(
      await s.gql<any>(
        `mutation($c:ID!){ operatorOpenCompartment(compartmentId:$c, reason:"door stuck"){ type detail actor compartment { label } } }`,
        { c: target.id },
        f.adminToken,
      ),
    );
    expect(r.operatorOpenCompartment).toEqual({
      type: 'UNLOCK_REQUESTED',
      detail: 'operator open: door stuck',
      actor: 'user:admin@example.com',
      compartment: { label: target.label },
    });
    await door(s, f, target.id, 'OPEN');
    await door(s, f, target.id, 'CLOSED');
    const events = ok(
      await s.gql<any>(`{ doorEvents(first:2){ nodes { type compartment { id } } } }`, {}, f.adminToken),
    ).doorEvents.nodes;
    expect(events.map((e: any) => e.type)).toEqual(['CLOSED', 'OPENED']);
  });

  test('a door opened with no unlock pending is FORCED_OPEN and raises DOOR_FORCED', async () => {
    const alerts = collect<{ alertRaised: { type: string; compartment: { label: string } } }>(
      s.ws(f.adminToken),
      `subscription { alertRaised { type compartment { label } } }`,
    );
    await new Promise((r) => setTimeout(r, 100));
    const target = f.compartments.find((c) => c.size === 'XLARGE')!;
    await door(s, f, target.id, 'OPEN');
    const alert = await waitFor(() => alerts.events.find((a) => a.alertRaised.type === 'DOOR_FORCED'));
    expect(alert.alertRaised.compartment.label).toBe(target.label);
    const events = ok(
      await s.gql<{ doorEvents: { nodes: { type: string }[] } }>(
        `{ doorEvents(first:1){ nodes { type } } }`,
        {},
        f.adminToken,
      ),
    );
    expect(events.doorEvents.nodes[0]!.type).toBe('FORCED_OPEN');
    await door(s, f, target.id, 'CLOSED');
  });

  test('a FAILED unlock puts the compartment into inspection, raises UNLOCK_FAILED, and the same code works again once it is inspected', async () => {
    const issued = await issue(s, f, 'MEDIUM');
    const gw = collect<Command>(
      s.ws(f.gatewayToken),
      `subscription { gatewayCommands { id compartmentId } }`,
    );
    await new Promise((r) => setTimeout(r, 100));
    const first = await scan(s, f, issued.code.payload);
    const cmd = await waitFor(
      () => gw.events.find((e) => e.gatewayCommands.compartmentId === first.compartment!.id)?.gatewayCommands,
    );
    ok(await s.gql(ACK, { id: cmd.id, r: 'FAILED', e: 'relay did not respond' }, f.gatewayToken));
    const session = ok(
      await s.gql<{ session: { status: string; compartment: null } }>(
        `query($id:ID!){ session(id:$id){ status compartment { id } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    ).session;
    expect(session).toEqual({ status: 'CREATED', compartment: null });
    const alerts = ok(
      await s.gql<{ alerts: { type: string; message: string }[] }>(
        `{ alerts(open:true){ type message } }`,
        {},
        f.adminToken,
      ),
    ).alerts;
    expect(
      alerts.some((a) => a.type === 'UNLOCK_FAILED' && a.message.includes('relay did not respond')),
    ).toBe(true);
    const jammed = ok(
      await s.gql<{ site: { compartments: { status: string }[] } }>(
        `query($s:ID!){ site(id:$s){ compartments(size: MEDIUM) { id status } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.compartments;
    expect(jammed.filter((c) => c.status === 'NEEDS_INSPECTION')).toHaveLength(1);
    ok(
      await s.gql(
        `mutation($c:ID!){ recordCompartmentInspection(compartmentId:$c, outcome:EMPTY){ id } }`,
        { c: first.compartment!.id },
        f.adminToken,
      ),
    );
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  });
});
