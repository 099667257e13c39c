import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, ok, SCAN, type Fixture, heartbeat } from '../support/fixtures.js';

const err = (r: { errors?: { extensions?: { code?: string; field?: string } }[] }) =>
  r.errors?.[0]?.extensions;

describe('bad input gets the documented answer and changes nothing', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const counts = async () =>
    (
      await db.query(`select (select count(*) from site)::int as sites, (select count(*) from tariff)::int as tariffs,
      (select count(*) from storage_session)::int as sessions, (select count(*) from compartment)::int as compartments,
      (select count(*) from locker_bank)::int as banks, (select count(*) from door_event)::int as events`)
    ).rows[0];
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s);
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('each bad argument is BAD_USER_INPUT naming its field, and nothing is written', async () => {
    const before = await counts();
    const cases: [string, Record<string, unknown>, string, string?][] = [
      [`query($id:ID!){ session(id:$id){ id } }`, { id: 'not-a-uuid' }, 'id', f.adminToken],
      [
        `mutation($s:ID!){ setTariff(siteId:$s,size:SMALL,price:-1,currency:"EUR",includedMinutes:60,overduePerHour:0,graceMinutes:0,securityAlertAfterMinutes:0){ id } }`,
        { s: f.siteId },
        'price',
      ],
      [
        `mutation($s:ID!){ setTariff(siteId:$s,size:SMALL,price:1,currency:"EURO",includedMinutes:60,overduePerHour:0,graceMinutes:0,securityAlertAfterMinutes:0){ id } }`,
        { s: f.siteId },
        'currency',
      ],
      [`mutation { createSite(name:"${'x'.repeat(500)}", timezone:"UTC"){ id } }`, {}, 'name'],
      [`mutation { createSite(name:"ok", timezone:"Mars/Olympus"){ id } }`, {}, 'timezone'],
      [
        `mutation($s:ID!){ createLockerBank(siteId:$s,label:"Z",modbusEndpoint:"http://x",compartments:[{label:"Z1",size:SMALL,unitId:1,coil:0,doorInput:0}]){ id } }`,
        { s: f.siteId },
        'modbusEndpoint',
      ],
      [
        `mutation($s:ID!){ createLockerBank(siteId:$s,label:"Z",modbusEndpoint:"tcp://h:502",compartments:[{label:"Z1",size:SMALL,unitId:1,coil:0,doorInput:0},{label:"Z2",size:SMALL,unitId:1,coil:0,doorInput:1}]){ id } }`,
        { s: f.siteId },
        'compartments.coil',
      ],
      [
        `mutation($s:ID!){ createLockerBank(siteId:$s,label:"Z",modbusEndpoint:"tcp://h:502",compartments:[{label:"Z1",size:SMALL,unitId:900,coil:0,doorInput:0}]){ id } }`,
        { s: f.siteId },
        'unitId',
      ],
    ];
    for (const [query, vars, field, token] of cases) {
      const r = await s.gql(query, vars, token ?? f.adminToken);
      expect(err(r), query.slice(0, 60)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unknownSize = await s.gql(
      `mutation($s:ID!){ issueAccessCode(siteId:$s,size:HUGE){ session { id } } }`,
      { s: f.siteId },
      f.kioskToken,
    );
    expect(err(unknownSize)?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    const badContact = await s.gql(
      `mutation($s:ID!){ issueAccessCode(siteId:$s,size:SMALL,contact:{email:"nope"}){ session { id } } }`,
      { s: f.siteId },
      f.kioskToken,
    );
    expect(err(badContact)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contact.email' });
    expect(await counts()).toEqual(before);
  });

  test('a revoked code scans as INVALID_CODE, like an unknown or malformed one, and NOT_FOUND / CONFLICT where documented', async () => {
    const issued = await issue(s, f);
    const renewed = ok(
      await s.gql<{ regenerateAccessCode: { code: { payload: string } } }>(
        `mutation($id:ID!){ regenerateAccessCode(sessionId:$id, reason:"lost ticket"){ code { payload } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    );
    for (const payload of [issued.code.payload, 'LK1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'garbage']) {
      const r = ok(
        await s.gql<{ scanAccessCode: { outcome: string; session: null } }>(
          SCAN,
          { s: f.siteId, p: payload },
          f.kioskToken,
        ),
      );
      expect(r.scanAccessCode).toMatchObject({ outcome: 'INVALID_CODE', session: null });
    }
    await heartbeat(s, f);
    const good = ok(
      await s.gql<{ scanAccessCode: { outcome: string } }>(
        SCAN,
        { s: f.siteId, p: renewed.regenerateAccessCode.code.payload },
        f.kioskToken,
      ),
    );
    expect(good.scanAccessCode.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    expect(
      err(
        await s.gql(
          `mutation { acknowledgeAlert(alertId:"00000000-0000-4000-8000-000000000000"){ id } }`,
          {},
          f.adminToken,
        ),
      )?.code,
    ).toBe('NOT_FOUND');
    expect(
      err(
        await s.gql(
          `mutation($s:ID!){ createLockerBank(siteId:$s,label:"A",modbusEndpoint:"tcp://h:502",compartments:[{label:"Q1",size:SMALL,unitId:1,coil:0,doorInput:0}]){ id } }`,
          { s: f.siteId },
          f.adminToken,
        ),
      )?.code,
    ).toBe('CONFLICT');
  });

  test('query limits: too deep or too many aliases is refused with a clear error, also over WebSocket', async () => {
    const deep = `{ sites { banks { site { banks { site { banks { site { banks { site { banks { site { id } } } } } } } } } } } }`;
    const r = await s.gql(deep, {}, f.adminToken);
    expect(r.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect((await s.gql(aliases, {}, f.adminToken)).errors?.[0]?.message).toMatch(/alias/i);
    const wsError = await new Promise<unknown>((resolve) => {
      s.ws(f.adminToken).subscribe(
        {
          query: `subscription { ${Array.from({ length: 40 }, (_, i) => `a${i}: doorEvents { id }`).join(' ')} }`,
        },
        { next: () => {}, error: resolve, complete: () => resolve('complete') },
      );
    });
    expect(JSON.stringify(wsError)).toMatch(/alias/i);
  });

  test('unexpected failures are masked: no stack trace, no internals', async () => {
    const res = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).not.toMatch(/at .*\.js:\d+/);
  });

  test('CSRF protection: a simple cross-site GET mutation-less query without a preflight header is refused', async () => {
    const res = await fetch(`${s.url}?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(400);
  });
});
