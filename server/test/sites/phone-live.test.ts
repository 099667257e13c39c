import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from 'graphql-ws';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, waitFor, type Fixture } from '../support/fixtures.js';

/**
 * The phone page's live updates, with no credential: a site's availability, and the depositor's
 * session keyed by its access code, which stops following once the code is revoked.
 */
interface Followed<T> {
  events: T[];
  errors: { extensions?: { code?: string } }[];
  completed: boolean;
}

function follow<T>(client: Client, query: string, variables: Record<string, unknown>): Followed<T> {
  const out: Followed<T> = { events: [], errors: [], completed: false };
  client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors) out.errors.push(...(v.errors as unknown as Followed<T>['errors']));
        else out.events.push(v.data as T);
      },
      error: (e) => out.errors.push(...(Array.isArray(e) ? (e as Followed<T>['errors']) : [{}])),
      complete: () => (out.completed = true),
    },
  );
  return out;
}

const AVAILABILITY = `subscription($s:ID!){ siteAvailabilityChanged(siteId:$s){ id availability { size free total } } }`;
const STORAGE = `subscription($s:ID!,$p:String!){ storageUpdated(siteId:$s, payload:$p){ id status compartment { label } } }`;
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('phone page live updates', () => {
  let s: TestServer;
  let f: Fixture;
  let other: Fixture;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 3, MEDIUM: 1 } });
    other = await createSite(s, { counts: { SMALL: 1 } });
  });
  afterAll(async () => {
    await s?.stop();
  });

  test('availability follows a deposit at the kiosk, without a token', async () => {
    type Event = { siteAvailabilityChanged: { availability: { size: string; free: number }[] } };
    const live = follow<Event>(s.ws(), AVAILABILITY, { s: f.siteId });
    await settle();
    const issued = await issue(s, f, 'SMALL');
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const small = (e: Event) => e.siteAvailabilityChanged.availability.find((a) => a.size === 'SMALL')?.free;
    await waitFor(() => live.events.some((e) => small(e) === 2));
    expect(live.errors).toEqual([]);
  });

  test('the session follows by its code, and stops once the code is replaced', async () => {
    type Event = { storageUpdated: { id: string; status: string } };
    const issued = await issue(s, f, 'MEDIUM');
    const mine = follow<Event>(s.ws(), STORAGE, { s: f.siteId, p: issued.code.payload });
    await settle();
    const deposit = await scan(s, f, issued.code.payload);
    await door(s, f, deposit.compartment!.id, 'OPEN');
    await door(s, f, deposit.compartment!.id, 'CLOSED');
    await waitFor(() => mine.events.some((e) => e.storageUpdated.status === 'STORED'));
    expect(mine.events.every((e) => e.storageUpdated.id === issued.session.id)).toBe(true);

    ok(
      await s.gql(
        `mutation($id:ID!){ regenerateAccessCode(sessionId:$id, reason:"lost ticket"){ code { payload } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    );
    await waitFor(() => mine.completed);
    const seen = mine.events.length;
    // the bag is collected by staff later: the replaced code hears nothing more
    const status = ok(
      await s.gql<{ session: { status: string } }>(
        `query($id:ID!){ session(id:$id){ status } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    ).session.status;
    expect(status).toBe('STORED');
    expect(mine.events).toHaveLength(seen);
    expect(mine.errors).toEqual([]);
  });

  test('an unknown code, a code of another site and an unknown site follow nothing', async () => {
    const issued = await issue(s, other, 'SMALL');
    const client = s.ws();
    const guesses = [
      follow(client, STORAGE, { s: f.siteId, p: 'LK1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
      follow(client, STORAGE, { s: f.siteId, p: issued.code.payload }),
      follow(client, AVAILABILITY, { s: '00000000-0000-4000-8000-000000000000' }),
    ];
    await waitFor(() => guesses.every((g) => g.errors.length > 0));
    expect(guesses.map((g) => g.errors[0]?.extensions?.code)).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    expect(guesses.every((g) => g.events.length === 0)).toBe(true);
  });
});
