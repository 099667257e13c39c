import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, scan, type Fixture } from '../support/fixtures.js';
import { createSchema } from '../../src/graphql/schema.js';
import { SnapshotReadPlanner } from '../../src/graphql/snapshot-reads.js';
import { ReadAnswerCache } from '../../src/http/read-answers.js';
import type { SiteReadCache, SiteSnapshot } from '../../src/modules/sites/site-read.cache.js';

const METRICS_TOKEN = 'metrics-token-0123456789';
const READ = `query($id: ID!) { site(id: $id) { id availability { size free total } } }`;
const STAFF = `query($id: ID!) { site(id: $id) { id gateways { id name } } }`;

/**
 * Kiosks and phone pages poll the same snapshot read; the server gives the same answer again
 * while the site is unchanged, without running the operation, and never an answer that was
 * computed for someone else's rights or before a change.
 */
describe('answers to snapshot reads, given again while their site is unchanged', () => {
  let s: TestServer;
  let f: Fixture;

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const reused = async () => {
    const res = await fetch(s.url.replace('/graphql', '/metrics'), {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const line = (await res.text())
      .split('\n')
      .find((l) => l.startsWith('graphql_read_answers_reused_total '));
    expect(line, 'the reuse counter on /metrics').toBeDefined();
    return Number(line!.split(' ')[1]);
  };
  const smallFree = async (token?: string) => {
    const res = await post(
      { query: READ, variables: { id: f.siteId } },
      token ? { authorization: `Bearer ${token}` } : {},
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { site: { availability: { size: string; free: number }[] } } };
    return body.data.site.availability.find((a) => a.size === 'SMALL')!.free;
  };

  beforeAll(async () => {
    s = await startTestServer({ env: { METRICS_TOKEN } });
    f = await createSite(s, { counts: { SMALL: 3 } });
  });
  afterAll(async () => {
    await s?.stop();
  });

  test('the same read is answered again, byte for byte, until a deposit changes the site', async () => {
    expect(await smallFree()).toBe(3); // loads the snapshot
    expect(await smallFree()).toBe(3); // runs on a current snapshot: its answer is kept
    const before = await reused();
    const first = await (await post({ query: READ, variables: { id: f.siteId } })).text();
    const second = await (await post({ query: READ, variables: { id: f.siteId } })).text();
    expect(second).toBe(first);
    expect(await smallFree(f.adminToken)).toBe(3); // any caller: the read is public
    expect(await reused()).toBe(before + 3);

    await scan(s, f, (await issue(s, f, 'SMALL')).code.payload); // a compartment is reserved
    expect(await smallFree()).toBe(2); // the kept answer is stale: the operation runs again
    expect(await reused()).toBe(before + 3);
    expect(await smallFree()).toBe(2);
    expect(await smallFree()).toBe(2);
    expect(await reused()).toBe(before + 4);
  });

  test('a staff-only field is never answered again: an anonymous caller after an admin is refused', async () => {
    const body = { query: STAFF, variables: { id: f.siteId } };
    for (let i = 0; i < 3; i++) {
      const admin = (await (await post(body, { authorization: `Bearer ${f.adminToken}` })).json()) as {
        data?: { site: { gateways: unknown[] } };
      };
      expect(admin.data?.site.gateways.length).toBeGreaterThan(0);
    }
    const anonymous = (await (await post(body)).json()) as {
      data?: { site: { gateways: unknown[] } | null } | null;
      errors?: { extensions: { code: string } }[];
    };
    expect(anonymous.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(anonymous.data?.site?.gateways).toBeUndefined();
  });

  test('a wrong credential is refused even when the answer is kept; the accept header is part of the key', async () => {
    const body = { query: READ, variables: { id: f.siteId } };
    for (let i = 0; i < 3; i++) expect((await post(body)).status).toBe(200);
    expect((await post(body, { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const graphqlJson = await post(body, { accept: 'application/graphql-response+json' });
    expect(graphqlJson.headers.get('content-type')).toContain('application/graphql-response+json');
    const plain = await post(body, { accept: 'application/json' });
    expect(plain.headers.get('content-type')).toContain('application/json');
    expect(plain.headers.get('content-type')).not.toContain('graphql-response');
  });

  test('an unknown site is never kept: null each time, from a run of the operation', async () => {
    const before = await reused();
    const body = { query: READ, variables: { id: '00000000-0000-4000-8000-000000000000' } };
    for (let i = 0; i < 3; i++)
      expect(((await (await post(body)).json()) as { data: { site: null } }).data.site).toBeNull();
    expect(await reused()).toBe(before);
  });
});

describe('SnapshotReadPlanner: which operations read only site snapshots', () => {
  let planner: SnapshotReadPlanner;
  const SITE = '5f0c2a4e-8d1b-4c3a-9e7f-0a1b2c3d4e5f';
  beforeAll(async () => {
    planner = new SnapshotReadPlanner(await createSchema(), 2000);
  });
  const ids = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
    planner.plan(query, operationName)?.siteIds(variables) ?? 'not a snapshot read';

  test('site fields, availability with tariffs, fragments and aliases are snapshot reads', () => {
    expect(ids(READ, { id: SITE.toUpperCase() })).toEqual([SITE]);
    expect(
      ids(
        `query Q($id: ID!) { site(id: $id) { ...S phoneUrl localNames { language name } } }
         fragment S on Site { __typename name availability { ...A } }
         fragment A on SizeAvailability { size free tariff { price { amount currency } } dimensions { widthCm } }`,
        { id: SITE },
        'Q',
      ),
    ).toEqual([SITE]);
    expect(
      ids(`query($x: ID!) { a: site(id: "${SITE}") { id } b: site(id: $x) { name } }`, { x: SITE }),
    ).toEqual([SITE, SITE]);
  });

  test('anything else runs as usual', () => {
    for (const query of [
      `query($id: ID!) { site(id: $id) { id gateways { id } } }`, // staff only
      `query($id: ID!) { site(id: $id) { tariffs { id } } }`, // read from the database
      `query($id: ID!) { site(id: $id) { help { phone } } }`,
      `{ sites { id } }`,
      `{ siteByAddress(address: "x") { id } }`,
      `{ __schema { types { name } } }`,
      `mutation { updateSite(id: "${SITE}", name: "x") { id } }`,
      `{ site(id: "${SITE}") { ... on Site { banks { id } } } }`,
      `{ site(id: "${SITE}") { ...F } } fragment F on Site { ...F }`,
      `{ site(id: "${SITE}") { nope } }`,
      `{ site(id: "${SITE}") `, // does not parse
      `query A { site(id: "${SITE}") { id } } query B { site(id: "${SITE}") { id } }`, // which one?
    ])
      expect(ids(query)).toBe('not a snapshot read');
  });

  test('an id that is not one makes no key (the operation fails as usual)', () => {
    expect(ids(READ, { id: 'not-an-id' })).toBe('not a snapshot read');
    expect(ids(READ, {})).toBe('not a snapshot read');
  });
});

describe('ReadAnswerCache: bounded, and never an answer from before a change', () => {
  const snapshotA = {} as SiteSnapshot;
  const snapshotB = {} as SiteSnapshot;
  let current: SiteSnapshot | undefined = snapshotA;
  const planner = { plan: () => ({ siteIds: () => ['s'] }) } as unknown as SnapshotReadPlanner;
  const reads = { current: () => current } as unknown as SiteReadCache;
  const body = { query: 'q' };
  const answer = (n: number) => `{"data":{"site":{"n":${n}}}}\n`;

  test('past its budget the oldest answers go first', () => {
    current = snapshotA;
    const cache = new ReadAnswerCache(planner, reads, { inc: () => undefined }, 100);
    for (let i = 0; i < 10; i++) cache.keep(cache.before(`key${i}`, body)!, 200, [], answer(i));
    expect(cache.lookup('key0')).toBeUndefined();
    expect(cache.lookup('key9')?.body).toBe(answer(9));
    expect(cache.lookup('key7')?.body).toBe(answer(7));
  });

  test('a change while the operation ran, an error or a status other than 200: not kept', () => {
    current = snapshotA;
    const cache = new ReadAnswerCache(planner, reads, { inc: () => undefined });
    const racing = cache.before('key', body)!;
    current = snapshotB; // the site changed while the operation ran
    cache.keep(racing, 200, [], answer(1));
    expect(cache.lookup('key')).toBeUndefined();
    cache.keep(cache.before('key', body)!, 200, [], '{"errors":[{"message":"x"}],"data":{"site":null}}\n');
    cache.keep(cache.before('key', body)!, 400, [], answer(2));
    expect(cache.lookup('key')).toBeUndefined();
    cache.keep(cache.before('key', body)!, 200, [], answer(3));
    expect(cache.lookup('key')?.body).toBe(answer(3));
    current = undefined; // the site's snapshot dropped (a change here or on another instance)
    expect(cache.lookup('key')).toBeUndefined();
    expect(cache.before('key', body)).toBeNull(); // this run loads it; the next may be kept
  });
});
