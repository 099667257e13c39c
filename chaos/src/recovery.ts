/**
 * When has the system recovered from a fault? When the server answers (database included),
 * the site's gateway is online, and the server's picture of every door is the simulator's
 * (a door that changed in the last moment is given time to be reported).
 */
import type { Gql } from './lib/gql.ts';
import { sleep } from './lib/rng.ts';
import type { Door } from './history.ts';
import type { SimWatch } from './world/sim-watch.ts';

const FRESH_MS = 1500;

/** Polls until recovered; the time it was, or null after `capMs`. */
export async function waitRecovered(
  admin: Gql,
  siteId: string,
  doors: readonly Door[],
  watch: SimWatch,
  capMs: number,
): Promise<number | null> {
  const giveUpAt = Date.now() + capMs;
  while (Date.now() < giveUpAt) {
    if (await recovered(admin, siteId, doors, watch)) return Date.now();
    await sleep(250);
  }
  return null;
}

async function recovered(
  admin: Gql,
  siteId: string,
  doors: readonly Door[],
  watch: SimWatch,
): Promise<boolean> {
  const r = await admin.call<{
    site: { gateways: Array<{ online: boolean }>; compartments: Array<{ id: string; doorState: string }> };
  }>('query($id: ID!) { site(id: $id) { gateways { online } compartments { id doorState } } }', {
    id: siteId,
  });
  if (!r.ok || !r.data.site.gateways.every((g) => g.online)) return false;
  const now = Date.now();
  const byId = new Map(r.data.site.compartments.map((c) => [c.id, c.doorState]));
  return doors.every((d) => {
    if (now - watch.changedAt(d) < FRESH_MS) return true;
    return byId.get(d.compartmentId) === (watch.isOpen(d) ? 'OPEN' : 'CLOSED');
  });
}
