import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, login, ok, type Fixture } from '../support/fixtures.js';

/**
 * The phone page's short address: every site gets a slug made from its name, an admin may
 * change it (validated, unique), and the public query finds the site by slug or by its id.
 */
const errorOf = (r: GqlResult) => r.errors?.[0]?.extensions;
const BY_ADDRESS = `query($a:String!){ siteByAddress(address:$a){ id name slug availability { size free } } }`;
const SET_SLUG = `mutation($id:ID!,$slug:String!){ updateSite(id:$id, slug:$slug){ id slug } }`;

describe('site slugs', () => {
  let s: TestServer;
  let f: Fixture;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 2 } });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const create = async (name: string) =>
    ok(
      await s.gql<{ createSite: { id: string; slug: string } }>(
        `mutation($n:String!){ createSite(name:$n, timezone:"Europe/Paris"){ id slug } }`,
        { n: name },
        f.adminToken,
      ),
    ).createSite;

  test('a new site gets a slug from its name, accents folded, a taken one numbered', async () => {
    expect((await create('Zürich Hauptbahnhof')).slug).toBe('zurich-hauptbahnhof');
    expect((await create('Gare de Lyon — Hall 1')).slug).toBe('gare-de-lyon-hall-1');
    expect((await create('Gare de Lyon: hall 1')).slug).toBe('gare-de-lyon-hall-1-2');
    expect((await create('日本')).slug).toMatch(/^site-[0-9a-f]{8}$/);
  });

  test('the public query finds a site by slug and by id, without a token', async () => {
    const slug = ok(
      await s.gql<{ site: { slug: string } }>(`query($id:ID!){ site(id:$id){ slug } }`, { id: f.siteId }),
    ).site.slug;
    const bySlug = ok(await s.gql<{ siteByAddress: { id: string } }>(BY_ADDRESS, { a: slug })).siteByAddress;
    expect(bySlug.id).toBe(f.siteId);
    const byId = ok(
      await s.gql<{ siteByAddress: { id: string } }>(BY_ADDRESS, { a: f.siteId }),
    ).siteByAddress;
    expect(byId.id).toBe(f.siteId);
    expect(
      ok(await s.gql<{ siteByAddress: null }>(BY_ADDRESS, { a: 'no-such-place' })).siteByAddress,
    ).toBeNull();
  });

  test('an admin sets a slug; it is validated and unique, and the old one stops answering', async () => {
    const other = await create('Other Place');
    const set = ok(
      await s.gql<{ updateSite: { slug: string } }>(
        SET_SLUG,
        { id: f.siteId, slug: ' Airport-T2 ' },
        f.adminToken,
      ),
    ).updateSite;
    expect(set.slug).toBe('airport-t2');
    expect(
      ok(await s.gql<{ siteByAddress: null }>(BY_ADDRESS, { a: 'test-station' })).siteByAddress,
    ).toBeNull();
    expect(
      ok(await s.gql<{ siteByAddress: { id: string } }>(BY_ADDRESS, { a: 'airport-t2' })).siteByAddress.id,
    ).toBe(f.siteId);

    for (const bad of [
      'ab',
      'two--hyphens',
      '-edge',
      'space here',
      'x'.repeat(41),
      '123e4567-e89b-12d3-a456-426614174000',
    ]) {
      const r = await s.gql(SET_SLUG, { id: f.siteId, slug: bad }, f.adminToken);
      expect(errorOf(r), bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    }
    const taken = await s.gql(SET_SLUG, { id: other.id, slug: 'airport-t2' }, f.adminToken);
    expect(errorOf(taken)?.code).toBe('CONFLICT');
    // the refused changes left the slug as it was
    expect(
      ok(await s.gql<{ siteByAddress: { id: string } }>(BY_ADDRESS, { a: 'airport-t2' })).siteByAddress.id,
    ).toBe(f.siteId);
    expect(
      ok(await s.gql<{ siteByAddress: null }>(BY_ADDRESS, { a: 'other-place' })).siteByAddress,
    ).not.toBeNull();
  });

  test('only set-up rights change a slug', async () => {
    ok(
      await s.gql(
        `mutation{ createUser(email:"op-slug@example.com", password:"a-long-password", role:OPERATOR){ id } }`,
        {},
        f.adminToken,
      ),
    );
    const operator = await login(s, 'op-slug@example.com', 'a-long-password');
    expect(errorOf(await s.gql(SET_SLUG, { id: f.siteId, slug: 'operator-made' }, operator))?.code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await s.gql(SET_SLUG, { id: f.siteId, slug: 'kiosk-made' }, f.kioskToken))?.code).toBe(
      'FORBIDDEN',
    );
  });
});
