import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, ok, waitFor, type Fixture } from '../support/fixtures.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A receiver that answers 500 to its first `failures` calls, then 204. */
async function flakyReceiver(
  failures: number,
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = received.length < failures ? 500 : 204;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const CREATE = `mutation($u:String!,$e:[WebhookEvent!]!){ createWebhookEndpoint(url:$u, events:$e, description:"CRM"){ secret endpoint { id url events } } }`;
const DELIVERIES = `query($id:ID!){ webhookDeliveries(endpointId:$id){ id event eventId status body deliveredAt attempts { statusCode error durationMs } } }`;

describe('outbound webhooks (a real receiver over HTTP; retries through the job queue)', () => {
  let s: TestServer;
  let f: Fixture;
  let receiver: Awaited<ReturnType<typeof flakyReceiver>>;
  beforeAll(async () => {
    receiver = await flakyReceiver(2);
    s = await startTestServer({
      background: true,
      env: {
        TIMER_INTERVAL_MS: '100',
        QUEUE_POLL_INTERVAL_MS: '500',
        DELIVERY_RETRY_DELAY_SECONDS: '1',
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      },
    });
    f = await createSite(s);
  });
  afterAll(async () => {
    await s.stop();
    await receiver.close();
  });

  test('only an ADMIN registers endpoints; the secret is shown once', async () => {
    expect(
      (await s.gql(CREATE, { u: receiver.url, e: ['SESSION_STORED'] })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await s.gql(CREATE, { u: receiver.url, e: ['SESSION_STORED'] }, f.kioskToken)).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await s.gql(CREATE, { u: 'ftp://example.com/x', e: ['SESSION_STORED'] }, f.adminToken)).errors?.[0]
        ?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const listed = ok(
      await s.gql<{ webhookEndpoints: Record<string, unknown>[] }>(
        `{ webhookEndpoints { id url events description } }`,
        {},
        f.adminToken,
      ),
    );
    expect(JSON.stringify(listed)).not.toContain('whsec_');
  });

  test('a receiver that fails twice then succeeds gets the event once more after each failure, signed, and attempts are visible', async () => {
    const created = ok(
      await s.gql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string; events: string[] } } }>(
        CREATE,
        { u: receiver.url, e: ['FEEDBACK_SUBMITTED'] },
        f.adminToken,
      ),
    ).createWebhookEndpoint;
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.endpoint.events).toEqual(['FEEDBACK_SUBMITTED']);
    const issued = await issue(s, f, 'SMALL', { email: 'crm@example.com' });
    ok(
      await s.gql(`mutation($p:String!){ submitFeedback(payload:$p, rating:4, comment:"quick") }`, {
        p: issued.code.payload,
      }),
    );

    await waitFor(() => receiver.received.some((r) => r.answered === 204), 20_000);
    await new Promise((r) => setTimeout(r, 2500)); // long enough for any stray retry to show up
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 204]);
    // the same event each time (one event id, one body), freshly signed per attempt
    expect(new Set(receiver.received.map((r) => r.headers['x-lockers-event-id'])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    const last = receiver.received[2]!;
    const timestamp = last.headers['x-lockers-timestamp'] as string;
    const expected = createHmac('sha256', created.secret).update(`${timestamp}.${last.body}`).digest('hex');
    expect(last.headers['x-lockers-signature']).toBe(`t=${timestamp},v1=${expected}`);
    const wrong = createHmac('sha256', 'whsec_not-the-secret')
      .update(`${timestamp}.${last.body}`)
      .digest('hex');
    expect(last.headers['x-lockers-signature']).not.toContain(wrong);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const event = JSON.parse(last.body);
    expect(event).toMatchObject({
      type: 'feedback.submitted',
      data: {
        sessionId: issued.session.id,
        rating: 4,
        comment: 'quick',
        contact: { email: 'crm@example.com' },
      },
    });

    const deliveries = ok(
      await s.gql<{
        webhookDeliveries: { status: string; event: string; attempts: { statusCode: number | null }[] }[];
      }>(DELIVERIES, { id: created.endpoint.id }, f.adminToken),
    ).webhookDeliveries;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'DELIVERED', event: 'FEEDBACK_SUBMITTED' });
    expect(deliveries[0]!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 204]);
  });

  test('a deleted endpoint gets nothing more', async () => {
    const created = ok(
      await s.gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        CREATE,
        { u: receiver.url, e: ['FEEDBACK_SUBMITTED'] },
        f.adminToken,
      ),
    ).createWebhookEndpoint;
    ok(
      await s.gql(
        `mutation($id:ID!){ deleteWebhookEndpoint(id:$id) }`,
        { id: created.endpoint.id },
        f.adminToken,
      ),
    );
    const before = receiver.received.length;
    const issued = await issue(s, f, 'SMALL');
    ok(
      await s.gql(`mutation($p:String!){ submitFeedback(payload:$p, rating:5) }`, { p: issued.code.payload }),
    );
    // the first endpoint (still registered) gets it; the deleted one does not
    await waitFor(() => receiver.received.length > before, 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.received.length).toBe(before + 1);
    expect(
      ok(await s.gql<{ webhookDeliveries: unknown[] }>(DELIVERIES, { id: created.endpoint.id }, f.adminToken))
        .webhookDeliveries,
    ).toEqual([]);
  });
});
