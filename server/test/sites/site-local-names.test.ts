import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, login, ok, waitFor, type Fixture } from '../support/fixtures.js';
import { startSmtpServer } from '../support/smtp.js';

/**
 * A site's name per language: set by an admin, read by anyone (the phone page), and used in the
 * messages a depositor gets in their language; a language without one keeps the site's name.
 */
const SET = `mutation($s:ID!,$n:[LocalSiteNameInput!]!){ setSiteLocalNames(siteId:$s, names:$n){ localNames { language name } } }`;
const NAMES = `query($s:ID!){ site(id:$s){ name localNames { language name } } }`;
const ISSUE = `mutation($s:ID!,$c:ContactInput){ issueAccessCode(siteId:$s,size:SMALL,contact:$c){ code { shortCode } } }`;
const errorOf = (r: GqlResult) => r.errors?.[0]?.extensions;

describe('local site names', () => {
  let s: TestServer;
  let f: Fixture;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    s = await startTestServer({
      background: true,
      env: { SMTP_URL: smtp.url, QUEUE_POLL_INTERVAL_MS: '500', DELIVERY_RETRY_DELAY_SECONDS: '1' },
    });
    f = await createSite(s, { counts: { SMALL: 3 } }); // "Test Station"
  });
  afterAll(async () => {
    await s?.stop();
    await smtp?.close();
  });

  test('an admin names the site per language; anyone reads the names', async () => {
    const set = ok(
      await s.gql<{ setSiteLocalNames: { localNames: unknown[] } }>(
        SET,
        {
          s: f.siteId,
          n: [
            { language: 'de', name: ' Teststation Süd ' },
            { language: 'fr', name: 'Gare de test' },
          ],
        },
        f.adminToken,
      ),
    ).setSiteLocalNames;
    expect(set.localNames).toEqual([
      { language: 'de', name: 'Teststation Süd' },
      { language: 'fr', name: 'Gare de test' },
    ]);
    // an empty name removes that language's
    ok(await s.gql(SET, { s: f.siteId, n: [{ language: 'fr', name: '' }] }, f.adminToken));
    expect(ok(await s.gql<{ site: unknown }>(NAMES, { s: f.siteId })).site).toEqual({
      name: 'Test Station',
      localNames: [{ language: 'de', name: 'Teststation Süd' }],
    });
  });

  test('a language outside en, de, fr, es, a name given twice, or too long a name is refused', async () => {
    for (const n of [
      [{ language: 'it', name: 'Stazione' }],
      [
        { language: 'de', name: 'A' },
        { language: 'de', name: 'B' },
      ],
      [{ language: 'es', name: 'x'.repeat(121) }],
    ]) {
      expect(errorOf(await s.gql(SET, { s: f.siteId, n }, f.adminToken))?.code).toBe('BAD_USER_INPUT');
    }
    ok(
      await s.gql(
        `mutation{ createUser(email:"op-names@example.com", password:"a-long-password", role:OPERATOR){ id } }`,
        {},
        f.adminToken,
      ),
    );
    const operator = await login(s, 'op-names@example.com', 'a-long-password');
    const n = [{ language: 'es', name: 'Estación' }];
    expect(errorOf(await s.gql(SET, { s: f.siteId, n }, operator))?.code).toBe('FORBIDDEN');
    expect(errorOf(await s.gql(SET, { s: f.siteId, n }, f.kioskToken))?.code).toBe('FORBIDDEN');
    expect(
      ok(await s.gql<{ site: { localNames: unknown[] } }>(NAMES, { s: f.siteId })).site.localNames,
    ).toHaveLength(1);
  });

  test("the depositor's e-mail names the site in their language, or by its name when it has none", async () => {
    const issue = (email: string, language: string) =>
      s.gql<{ issueAccessCode: { code: { shortCode: string } } }>(
        ISSUE,
        { s: f.siteId, c: { email, language } },
        f.kioskToken,
      );
    const de = ok(await issue('de@example.com', 'DE')).issueAccessCode.code.shortCode;
    const es = ok(await issue('es@example.com', 'ES')).issueAccessCode.code.shortCode;
    const mailTo = (to: string) => waitFor(() => smtp.mails.find((m) => m.to.includes(to)), 10_000);
    const subject = (raw: string) => /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
    const deMail = await mailTo('de@example.com');
    expect(deMail.raw).toContain(de);
    expect(decodeQ(subject(deMail.raw))).toContain('Teststation Süd');
    const esMail = await mailTo('es@example.com');
    expect(esMail.raw).toContain(es);
    expect(decodeQ(subject(esMail.raw))).toContain('Test Station');
  });
});

/** An RFC 2047 (Q-encoded UTF-8) header as the mail client shows it. */
function decodeQ(raw: string): string {
  return raw.replace(/\?=\s+=\?UTF-8\?Q\?/gi, '').replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) =>
    Buffer.from(
      q
        .replace(/_/g, ' ')
        .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8'),
  );
}
