/**
 * The site path's HTTP edge on its own (the site path behind it is a stand-in that answers at
 * once): malformed bodies are refused, and every address is limited, by unknown codes, by
 * deposits and by requests in all.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../src/logging/logger.js';
import type { SitePath } from '../src/site/site-path.js';
import { startSiteHttp } from '../src/site/site-http.js';

let server: { port: number; close: () => Promise<void> };
let base: string;
const deposits: Array<{ size: string; language: string | null }> = [];

const stand = {
  status: () => ({ online: false, pendingEvents: 0, replicaAsOf: null, storedBags: 0 }),
  scan: (code: string) =>
    Promise.resolve(
      code === 'LK1:GOOD'
        ? { ok: true, compartmentId: 'c', compartmentLabel: 'A01', pulse: 'SUCCEEDED' }
        : { ok: false, refusal: 'UNKNOWN_CODE' },
    ),
  deposit: (size: string, language: string | null) => {
    deposits.push({ size, language });
    return Promise.resolve({
      ok: true,
      compartmentLabel: 'A02',
      size,
      code: 'LS1:CODE',
      includedMinutes: 60,
      dueAt: new Date().toISOString(),
      pulse: 'SUCCEEDED',
    });
  },
} as unknown as SitePath;

beforeEach(async () => {
  deposits.length = 0;
  server = await startSiteHttp(stand, { host: '127.0.0.1', port: 0, corsOrigins: [], log: silentLogger() });
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
});

const post = async (route: string, body: string): Promise<{ status: number; code?: string }> => {
  const res = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const json = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: json.error?.code };
};

it('refuses malformed bodies with BAD_REQUEST and reaches the site path with none of them', async () => {
  for (const body of [
    'not json',
    '[]',
    'null',
    '{"size": 3}',
    '{"size": "SMALL", "language": "english!"}',
    'x'.repeat(5000),
  ])
    expect(await post('/site/deposit', body)).toEqual({ status: 400, code: 'BAD_REQUEST' });
  expect(await post('/site/scan', '{"code": 42}')).toEqual({ status: 400, code: 'BAD_REQUEST' });
  expect(deposits).toEqual([]);
  expect(await post('/site/deposit', '{"size": "SMALL", "language": "de"}')).toEqual({
    status: 200,
    code: undefined,
  });
  expect(deposits).toEqual([{ size: 'SMALL', language: 'de' }]);
});

it('limits unknown codes and deposits per address per minute; good codes still open', async () => {
  for (let i = 0; i < 10; i++)
    expect((await post('/site/scan', '{"code": "LK1:BAD"}')).code).toBe('UNKNOWN_CODE');
  expect(await post('/site/scan', '{"code": "LK1:BAD"}')).toEqual({ status: 429, code: 'RATE_LIMITED' });
  expect(await post('/site/scan', '{"code": "LK1:GOOD"}')).toEqual({ status: 429, code: 'RATE_LIMITED' });

  for (let i = 0; i < 6; i++) expect((await post('/site/deposit', '{"size": "SMALL"}')).status).toBe(200);
  expect(await post('/site/deposit', '{"size": "SMALL"}')).toEqual({ status: 429, code: 'RATE_LIMITED' });
  expect(deposits).toHaveLength(6);
});

it('limits scans and deposits in all per address; the status read is not limited', async () => {
  let limited = 0;
  for (let i = 0; i < 63; i++)
    if ((await post('/site/scan', '{"code": "LK1:GOOD"}')).status === 429) limited++;
  expect(limited).toBe(3);
  for (let i = 0; i < 100; i++) expect((await fetch(`${base}/site/status`)).status).toBe(200);
});
