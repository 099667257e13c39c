import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Gateway presence by heartbeat with expiry, not a connection counter (a counter drifts:
 * a crashed server never decrements it, a half-open socket keeps it up). The gateway sends
 * its presence (its controllers' links, with its door reports) every 2 s
 * (GATEWAY_HEARTBEAT_MS); a gateway not heard from for 10 s (five beats: a loaded site
 * computer or a slow server must not flap it) is offline: its
 * doors are shown UNKNOWN and nothing behind it is promised (scans, remote opens).
 */
export const PRESENCE_EXPIRY_MS = 10_000;

/** When this server process started (ms since the epoch, on its clock). */
let serverStartedAt = 0;

/**
 * This server (re)started at `at`. A gateway heard from before it may have been linked to
 * the process that died, and a link that died with it looks, from here, just like a live one
 * on another instance: it counts as present only once heard from since (its feed reopening,
 * or a heartbeat through any instance: every 2 s while its link is up).
 */
export function markServerStarted(at: Date): void {
  serverStartedAt = at.getTime();
}

/** The earliest a gateway must have been heard from to count as present at `now`. */
export function presentSince(now: Date): Date {
  return new Date(Math.max(now.getTime() - PRESENCE_EXPIRY_MS, serverStartedAt));
}

export function isPresent(lastSeenAt: Date | null, now: Date): boolean {
  return lastSeenAt !== null && new Date(lastSeenAt).getTime() >= presentSince(now).getTime();
}

/**
 * SQL: true when the compartment's lock can be driven now: its bank's gateway is present
 * and the bank's controller is not reported down. Expects aliases `b` (locker_bank); `?`
 * is `presentSince(now)`. A controller the gateway has not reported on yet counts as up (a
 * gateway that just started), a down one never.
 */
export const OPENABLE_SQL = `exists (select 1 from gateway g where g.id = b.gateway_id
    and g.last_seen_at >= ?::timestamptz
    and not exists (select 1 from gateway_controller gc where gc.gateway_id = g.id and gc.endpoint = b.modbus_endpoint and not gc.up))`;

/** Why a bank's locks cannot be driven now; null when they can. */
export type LockBlocker =
  | { reason: 'GATEWAY_OFFLINE'; gatewayName: string; lastSeenAt: Date | null }
  | { reason: 'CONTROLLER_UNREACHABLE'; gatewayName: string; endpoint: string };

/**
 * The same rule as OPENABLE_SQL, read as a reason a person can act on: the bank's gateway is
 * not present, or it reports the bank's controller down.
 */
export async function lockBlocker(tx: EntityManager, bankId: string, now: Date): Promise<LockBlocker | null> {
  const [row] = await tx.execute<
    { name: string; last_seen_at: Date | null; endpoint: string; controller_up: boolean | null }[]
  >(
    `select g.name, g.last_seen_at, b.modbus_endpoint as endpoint,
       (select bool_and(gc.up) from gateway_controller gc where gc.gateway_id = g.id and gc.endpoint = b.modbus_endpoint) as controller_up
     from locker_bank b join gateway g on g.id = b.gateway_id where b.id = ?`,
    [bankId],
  );
  if (!row) return null; // no gateway at all is the caller's own refusal
  const lastSeenAt = row.last_seen_at ? new Date(row.last_seen_at) : null;
  if (!isPresent(lastSeenAt, now)) return { reason: 'GATEWAY_OFFLINE', gatewayName: row.name, lastSeenAt };
  if (row.controller_up === false)
    return { reason: 'CONTROLLER_UNREACHABLE', gatewayName: row.name, endpoint: row.endpoint };
  return null;
}
