import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, issue, ok, SCAN, type Fixture } from '../support/fixtures.js';

const ext = (r: GqlResult) => r.errors?.[0]?.extensions;

describe('one input policy: strings, dates, cursors and documents get BAD_USER_INPUT naming the field', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const counts = async () =>
    (
      await db.query(`select (select count(*) from site)::int as sites, (select count(*) from storage_session)::int as sessions,
      (select count(*) from feedback)::int as feedback, (select count(*) from kiosk)::int as kiosks`)
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

  test('a NUL byte or a control character in any string: BAD_USER_INPUT naming the field, nothing written', async () => {
    const issued = await issue(s, f);
    const before = await counts();
    const cases: [string, Record<string, unknown>, string, string | undefined][] = [
      [
        `mutation($n:String!){ createSite(name:$n, timezone:"UTC"){ id } }`,
        { n: 'Gare\u0000Nord' },
        'name',
        f.adminToken,
      ],
      [
        `mutation($s:ID!,$c:ContactInput){ issueAccessCode(siteId:$s,size:SMALL,contact:$c){ session { id } } }`,
        { s: f.siteId, c: { email: 'a\u0000@example.com' } },
        'contact.email',
        f.kioskToken,
      ],
      [SCAN, { s: f.siteId, p: `${issued.code.payload}\u0000`, i: 'RETRIEVE' }, 'payload', f.kioskToken],
      [
        `mutation($p:String!,$c:String){ submitFeedback(payload:$p,rating:5,comment:$c) }`,
        { p: issued.code.payload, c: 'nice\u0000' },
        'comment',
        f.kioskToken,
      ],
      [
        `mutation($e:String!){ login(email:$e,password:"whatever-long") { token } }`,
        { e: 'admin@example.com\u0000' },
        'email',
        undefined,
      ],
      [
        `mutation($s:ID!,$n:String!){ registerKiosk(siteId:$s,name:$n){ id } }`,
        { s: f.siteId, n: '\u001b[31mred\u001b[0m' },
        'name',
        f.adminToken,
      ],
      [
        `mutation($s:ID!,$n:String!){ registerKiosk(siteId:$s,name:$n){ id } }`,
        { s: f.siteId, n: '\u200b\u200b\u200d' },
        'name',
        f.adminToken,
      ],
      [
        `mutation($s:ID!,$n:String!){ registerKiosk(siteId:$s,name:$n){ id } }`,
        { s: f.siteId, n: '\u202egnp.exe' },
        'name',
        f.adminToken,
      ],
      [
        `mutation($s:ID!,$n:String!){ registerKiosk(siteId:$s,name:$n){ id } }`,
        { s: f.siteId, n: `a${'\u200b'.repeat(20_000)}` },
        'name',
        f.adminToken,
      ],
    ];
    for (const [query, vars, field, token] of cases) {
      const r = await s.gql(query, vars, token);
      expect(ext(r), `${field}: ${JSON.stringify(vars).slice(0, 80)}`).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(await counts()).toEqual(before);
  });

  test('text is stored NFC-normalised', async () => {
    const decomposed = 'Cafe\u0301 Gare';
    const site = ok(
      await s.gql<{ createSite: { id: string; name: string } }>(
        `mutation($n:String!){ createSite(name:$n, timezone:"UTC"){ id name } }`,
        { n: decomposed },
        f.adminToken,
      ),
    ).createSite;
    expect(site.name).toBe('Caf\u00e9 Gare');
  });

  test('the same over WebSocket', async () => {
    const before = await counts();
    const error = await new Promise<unknown>((resolve) => {
      s.ws(f.adminToken).subscribe(
        {
          query: `mutation($n:String!){ createSite(name:$n, timezone:"UTC"){ id } }`,
          variables: { n: 'Gare\u0000Nord' },
        },
        { next: (v) => resolve(v.errors), error: resolve, complete: () => resolve('complete') },
      );
    });
    expect(JSON.stringify(error)).toMatch(/BAD_USER_INPUT/);
    expect(JSON.stringify(error)).toMatch(/"field":"name"/);
    expect(await counts()).toEqual(before);
  });

  test('dates out of a sane range (the year 0000) are BAD_USER_INPUT naming the field', async () => {
    const r = await s.gql(
      `query($f:DateTime!,$t:DateTime!){ usageReport(from:$f,to:$t,bucket:DAY){ buckets { deposits } } }`,
      { f: '0000-01-01T00:00:00Z', t: '2026-01-01T00:00:00Z' },
      f.adminToken,
    );
    expect(ext(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const search = await s.gql(
      `query($d:DateTime){ sessions(createdFrom:$d){ totalCount } }`,
      { d: '9999-12-31T00:00:00Z' },
      f.adminToken,
    );
    expect(ext(search)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'createdFrom' });
  });

  test('a forged sessions(after:) cursor is BAD_USER_INPUT on after', async () => {
    const forged = [
      ['x', 'y'],
      ['2026-01-01T00:00:00Z', 'not-a-uuid'],
      [1, 2],
      ['0000-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000\u0000'],
    ].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url'));
    for (const after of [...forged, 'AAAA', '%%%']) {
      expect(
        ext(await s.gql(`query($a:String){ sessions(after:$a){ totalCount } }`, { a: after }, f.adminToken)),
        after,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  test('a document over the token limit is a typed error, not INTERNAL, over HTTP and WebSocket', async () => {
    const huge = `{ ${Array.from({ length: 1500 }, () => 'me { id }').join(' ')} }`;
    const r = await s.gql(huge, {}, f.adminToken);
    const viaGet = await fetch(`${s.url}?query=${encodeURIComponent(huge)}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(viaGet.status).toBeLessThan(500);
    expect(await viaGet.text()).not.toMatch(/INTERNAL/);
    expect(ext(r)?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(ext(r)?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED/);
    const error = await new Promise<unknown>((resolve) => {
      s.ws(f.adminToken).subscribe(
        { query: `subscription { ${Array.from({ length: 1500 }, () => 'doorEvents { id }').join(' ')} }` },
        { next: (v) => resolve(v.errors), error: resolve, complete: () => resolve('complete') },
      );
    });
    expect(JSON.stringify(error)).not.toMatch(/INTERNAL/);
    expect(JSON.stringify(error)).toMatch(/token/i);
  });
});
