import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkHelpHours, checkHelpPhone } from '../../src/modules/sites/site-help.service.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, login, ok, type Fixture } from '../support/fixtures.js';

const SET = `mutation($s:ID!,$p:String,$h:String){ setSiteHelp(siteId:$s, phone:$p, hours:$h){ id help { phone hours } } }`;
const READ = `query($s:ID!){ site(id:$s){ help { phone hours } } }`;
const HELP = `mutation($s:ID!){ requestAssistance(siteId:$s, reason:"The door did not open", compartmentLabel:"A001"){ id reference message } }`;

describe("help phone and hours: what a traveller may dial, in the operator's words", () => {
  test('phone numbers as people write them; anything else refused', () => {
    expect(checkHelpPhone(' +49 30 1234-567 ')).toBe('+49 30 1234-567');
    expect(checkHelpPhone('(030) 123.4567')).toBe('(030) 123.4567');
    for (const bad of ['12345', 'call us', '+49 30 123 4567 89 01 23 45', '+49 <script>'])
      expect(() => checkHelpPhone(bad)).toThrow(/phone must be a phone number/);
    expect(checkHelpHours('Daily 06:00–22:00')).toBe('Daily 06:00–22:00');
    expect(() => checkHelpHours('a\nb')).toThrow(/one line/);
    expect(() => checkHelpHours('x'.repeat(121))).toThrow(/at most 120/);
  });
});

describe("a site's help, set by an admin, read by kiosks and phones", () => {
  let s: TestServer;
  let f: Fixture;
  let operator: string;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 1 } });
    ok(
      await s.gql(
        `mutation{ createUser(email:"op@example.com", password:"operator-password-1", role:OPERATOR){ id } }`,
        {},
        f.adminToken,
      ),
    );
    operator = await login(s, 'op@example.com', 'operator-password-1');
  });
  afterAll(() => s.stop());

  test('an admin sets it; anyone reads it; an operator, a kiosk and a stranger may not set it', async () => {
    const set = ok(
      await s.gql<{ setSiteHelp: { help: { phone: string; hours: string } } }>(
        SET,
        { s: f.siteId, p: '+49 30 1234567', h: 'Daily 06:00-22:00' },
        f.adminToken,
      ),
    );
    expect(set.setSiteHelp.help).toEqual({ phone: '+49 30 1234567', hours: 'Daily 06:00-22:00' });
    // the phone page reads the site without a token
    expect(ok(await s.gql<{ site: { help: unknown } }>(READ, { s: f.siteId })).site.help).toEqual({
      phone: '+49 30 1234567',
      hours: 'Daily 06:00-22:00',
    });
    for (const [token, code] of [
      [operator, 'FORBIDDEN'],
      [f.kioskToken, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const r = await s.gql(SET, { s: f.siteId, p: '+1 555 0100', h: null }, token);
      expect(r.errors?.[0]?.extensions?.code).toBe(code);
    }
    const bad = await s.gql(SET, { s: f.siteId, p: 'ring the bell', h: null }, f.adminToken);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // emptied: no phone, no hours
    const cleared = ok(
      await s.gql<{ setSiteHelp: { help: unknown } }>(SET, { s: f.siteId, p: '', h: null }, f.adminToken),
    );
    expect(cleared.setSiteHelp.help).toEqual({ phone: null, hours: null });
  });

  test('a help request answers with a reference that staff find at the start of the alert', async () => {
    const r = ok(
      await s.gql<{ requestAssistance: { id: string; reference: string; message: string } }>(
        HELP,
        { s: f.siteId },
        f.kioskToken,
      ),
    ).requestAssistance;
    expect(r.reference).toMatch(/^[0-9A-F]{8}$/);
    expect(r.id.toUpperCase().startsWith(r.reference)).toBe(true);
    expect(r.message).toBe(`[${r.reference}] Help requested at compartment A001: The door did not open`);
  });
});
