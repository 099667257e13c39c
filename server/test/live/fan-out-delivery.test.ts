import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { collect, createSite, door, waitFor, type Fixture } from '../support/fixtures.js';

type DoorEvent = { doorEvents: { id: string; type: string; compartment?: { id: string; label: string } } };
type CompartmentUpdate = { compartmentUpdated: { id: string; doorState: string } };

const DOOR_WITH_COMPARTMENT = `subscription($s:ID){ doorEvents(siteId:$s){ id type compartment { id label } } }`;
const DOOR_BARE = `subscription($s:ID){ doorEvents(siteId:$s){ id type } }`;
const COMPARTMENTS = `subscription($s:ID){ compartmentUpdated(siteId:$s){ id doorState } }`;

/**
 * The subscription fast path (one execution and one serialisation per event, written to each
 * socket with the subscription's id spliced in) must still give every subscriber exactly its
 * own results: the right id, the right selection, every event once, in publish order.
 */
describe('live delivery: many subscribers, shared results', () => {
  let s: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 4 } });
  });
  afterAll(() => s.stop());

  const gauge = async (field: string) =>
    (await s.app.services.infra.metrics.subscriptions.get()).values.find((v) => v.labels.field === field)
      ?.value ?? 0;

  test('every subscriber gets each event once, in order, in its own selection, whoever shares the socket or the document', async () => {
    const a = s.ws(f.adminToken);
    const b = s.ws(f.adminToken);
    const kiosk = s.ws(f.kioskToken);
    const a1 = collect<DoorEvent>(a, DOOR_WITH_COMPARTMENT, { s: f.siteId });
    const a2 = collect<CompartmentUpdate>(a, COMPARTMENTS, { s: f.siteId });
    const b1 = collect<DoorEvent>(b, DOOR_WITH_COMPARTMENT, { s: f.siteId }); // same document as a1: shared result
    const b2 = collect<DoorEvent>(b, DOOR_BARE, { s: f.siteId }); // another selection on the same socket
    const k1 = collect<CompartmentUpdate>(kiosk, COMPARTMENTS, { s: f.siteId }); // another caller
    await waitFor(async () => (await gauge('DOOR_EVENT')) >= 3 && (await gauge('COMPARTMENT_UPDATED')) >= 2);

    const sent: { id: string; state: 'OPEN' | 'CLOSED' }[] = [];
    const state = new Map<string, 'OPEN' | 'CLOSED'>();
    for (let i = 0; i < 24; i++) {
      const c = f.compartments[i % f.compartments.length]!;
      const next = state.get(c.id) === 'OPEN' ? 'CLOSED' : 'OPEN';
      state.set(c.id, next);
      sent.push({ id: c.id, state: next });
      await door(s, f, c.id, next, new Date(Date.now() + i));
    }
    const all = [a1, a2, b1, b2, k1];
    await waitFor(() => all.every((x) => x.events.length >= sent.length));
    await new Promise((r) => setTimeout(r, 200)); // nothing more may come

    for (const x of all) {
      expect(x.errors).toEqual([]);
      expect(x.events).toHaveLength(sent.length);
    }
    const labels = new Map(f.compartments.map((c) => [c.id, c.label]));
    expect(a1.events.map((e) => e.doorEvents.compartment)).toEqual(
      sent.map((r) => ({ id: r.id, label: labels.get(r.id) })),
    );
    expect(
      a1.events.filter((_, i) => sent[i]!.state === 'CLOSED').every((e) => e.doorEvents.type === 'CLOSED'),
    ).toBe(true);
    expect(new Set(a1.events.map((e) => e.doorEvents.id)).size).toBe(sent.length);
    expect(b1.events).toEqual(a1.events);
    expect(b2.events).toEqual(
      a1.events.map((e) => ({ doorEvents: { id: e.doorEvents.id, type: e.doorEvents.type } })),
    );
    const expectedUpdates = sent.map((r) => ({ compartmentUpdated: { id: r.id, doorState: r.state } }));
    expect(a2.events).toEqual(expectedUpdates);
    expect(k1.events).toEqual(expectedUpdates);
  });

  test('a subscriber that completes gets nothing more, and its stream is let go; the others go on', async () => {
    const before = await gauge('DOOR_EVENT');
    const c = s.ws(f.adminToken);
    const leaving = collect<DoorEvent>(c, DOOR_BARE, { s: f.siteId });
    const staying = collect<DoorEvent>(c, DOOR_BARE, { s: f.siteId });
    await waitFor(async () => (await gauge('DOOR_EVENT')) === before + 2);
    const compartment = f.compartments[0]!.id;
    await door(s, f, compartment, 'OPEN', new Date(Date.now() + 1000));
    await waitFor(() => leaving.events.length === 1 && staying.events.length === 1);

    leaving.dispose();
    await waitFor(async () => (await gauge('DOOR_EVENT')) === before + 1);
    await door(s, f, compartment, 'CLOSED', new Date(Date.now() + 2000));
    await waitFor(() => staying.events.length === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(leaving.events).toHaveLength(1);
    expect(staying.events.map((e) => e.doorEvents.type)).toEqual([
      leaving.events[0]!.doorEvents.type,
      'CLOSED',
    ]);
  });
});
