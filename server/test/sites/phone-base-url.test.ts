import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, ok, type Fixture } from '../support/fixtures.js';
import { loadConfig } from '../../src/config/config.js';

// The phone page's address as the kiosk prints it in its QR codes: a kiosk that runs from a local
// address (http://127.0.0.1/kiosk/) must not send phones there.
const READ = `query($s:ID!){ site(id:$s){ slug phoneUrl } }`;

const base = {
  NODE_ENV: 'test',
  AUTH_SECRET: 'test-secret-test-secret-test-secret-00',
  DATABASE_URL: 'postgres://localhost/x',
};

describe('PUBLIC_BASE_URL: where phones reach the lockers', () => {
  test('must be an http(s) address; a trailing slash is dropped', () => {
    expect(loadConfig({ ...base, PUBLIC_BASE_URL: 'https://lockers.example/' }).publicBaseUrl).toBe(
      'https://lockers.example',
    );
    expect(loadConfig(base).publicBaseUrl).toBeNull();
    expect(() => loadConfig({ ...base, PUBLIC_BASE_URL: 'ftp://lockers.example' })).toThrow(
      /PUBLIC_BASE_URL/,
    );
  });

  describe('set', () => {
    let s: TestServer;
    let f: Fixture;
    beforeAll(async () => {
      s = await startTestServer({ env: { PUBLIC_BASE_URL: 'https://lockers.example/station' } });
      f = await createSite(s, { counts: { SMALL: 1 } });
    });
    afterAll(() => s.stop());
    test('the site answers its phone page under that address, for the kiosk and the public alike', async () => {
      const site = ok(
        await s.gql<{ site: { slug: string; phoneUrl: string } }>(READ, { s: f.siteId }, f.kioskToken),
      ).site;
      expect(site.phoneUrl).toBe(`https://lockers.example/station/kiosk/phone/${site.slug}`);
    });
  });

  describe('not set', () => {
    let s: TestServer;
    let f: Fixture;
    beforeAll(async () => {
      s = await startTestServer();
      f = await createSite(s, { counts: { SMALL: 1 } });
    });
    afterAll(() => s.stop());
    test('no address: the kiosk uses its own origin', async () => {
      const site = ok(
        await s.gql<{ site: { phoneUrl: string | null } }>(READ, { s: f.siteId }, f.kioskToken),
      ).site;
      expect(site.phoneUrl).toBeNull();
    });
  });
});
