import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, ok, scan, type Fixture } from '../support/fixtures.js';
import { SHORT_CODE_ALPHABET } from '../../src/auth/short-code.js';

const ISSUE = `mutation($s:ID!){ issueAccessCode(siteId:$s,size:SMALL){ session { id } code { payload shortCode } } }`;
const REGENERATE = `mutation($id:ID!){ regenerateAccessCode(sessionId:$id, reason:"lost ticket"){ code { payload shortCode } } }`;
const BY_CODE = `query($s:ID!,$p:String!){ sessionByAccessCode(siteId:$s,payload:$p){ id status } }`;

describe('the short code: typed at the kiosk, stored as a hash, unique among open sessions, revoked with the QR', () => {
  let s: TestServer;
  let f: Fixture;
  let other: Fixture;
  let db: pg.Client;
  const shortOf = async (g: Fixture) =>
    ok(
      await s.gql<{
        issueAccessCode: { session: { id: string }; code: { payload: string; shortCode: string } };
      }>(ISSUE, { s: g.siteId }, g.kioskToken),
    ).issueAccessCode;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 3 } });
    other = await createSite(s, { counts: { SMALL: 1 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('8 unambiguous characters, stored only as a hash, and it deposits and collects like the QR code', async () => {
    const a = await shortOf(f);
    expect(a.code.shortCode).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{4}-[${SHORT_CODE_ALPHABET}]{4}$`));
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const row = (await db.query(`select short_code_hash from storage_session where id = $1`, [a.session.id]))
      .rows[0] as { short_code_hash: string };
    expect(row.short_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.short_code_hash).not.toContain(a.code.shortCode.replace('-', ''));

    // typed as people type it: lower case, a space instead of the dash
    const typed = a.code.shortCode.toLowerCase().replace('-', ' ');
    const deposit = await scan(s, f, typed);
    expect(deposit.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const compartment = deposit.compartment!.id;
    await door(s, f, compartment, 'OPEN');
    await door(s, f, compartment, 'CLOSED', new Date(Date.now() + 1000));
    expect(
      ok(
        await s.gql<{ sessionByAccessCode: { status: string } }>(
          BY_CODE,
          { s: f.siteId, p: typed },
          f.kioskToken,
        ),
      ).sessionByAccessCode,
    ).toMatchObject({ id: a.session.id, status: 'STORED' });
    // the public phone page takes the QR payload only: guessing short codes needs a kiosk
    expect(
      ok(await s.gql<{ sessionByAccessCode: null }>(BY_CODE, { s: f.siteId, p: typed })).sessionByAccessCode,
    ).toBeNull();
    const collect = await scan(s, f, a.code.shortCode);
    expect(collect.outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    expect(collect.compartment?.id).toBe(compartment);
  });

  test('another site does not know it; a regenerated session refuses its old short code (and old QR)', async () => {
    const b = await shortOf(f);
    expect((await scan(s, other, b.code.shortCode)).outcome).toBe('INVALID_CODE');
    const renewed = ok(
      await s.gql<{ regenerateAccessCode: { code: { payload: string; shortCode: string } } }>(
        REGENERATE,
        { id: b.session.id },
        f.adminToken,
      ),
    ).regenerateAccessCode.code;
    expect(renewed.shortCode).not.toBe(b.code.shortCode);
    expect((await scan(s, f, b.code.shortCode)).outcome).toBe('INVALID_CODE');
    expect((await scan(s, f, b.code.payload)).outcome).toBe('INVALID_CODE');
    expect((await scan(s, f, renewed.shortCode)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  });

  test('the database refuses a second open session with the same short code at one site', async () => {
    const c = await shortOf(f);
    const d = await shortOf(f);
    const hash = (await db.query(`select short_code_hash from storage_session where id = $1`, [c.session.id]))
      .rows[0].short_code_hash as string;
    await expect(
      db.query(`update storage_session set short_code_hash = $1 where id = $2`, [hash, d.session.id]),
    ).rejects.toThrow(/storage_session_open_short_code/);
    // closed sessions do not hold theirs
    await db.query(`update storage_session set status = 'CANCELLED' where id = $1`, [c.session.id]);
    await db.query(`update storage_session set short_code_hash = $1 where id = $2`, [hash, d.session.id]);
  });

  test('wrong short codes count towards the failed-scan limit like wrong QR codes', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await s.gql<{ scanAccessCode: { outcome: string } }>(
        `mutation($s:ID!,$p:String!){ scanAccessCode(siteId:$s,payload:$p){ outcome } }`,
        { s: f.siteId, p: `ZZZZ-ZZ${SHORT_CODE_ALPHABET[i]}Z` },
        f.kioskToken,
      );
      outcomes.push(r.data?.scanAccessCode.outcome ?? String(r.errors?.[0]?.extensions?.code));
    }
    // 10 failures a minute from one address: 4 came before (a public look-up, a wrong site, two revoked codes)
    expect(outcomes).toEqual([...Array(6).fill('INVALID_CODE'), ...Array(5).fill('RATE_LIMITED')]);
  });
});
