import { OPENABLE_SQL, presentSince } from '../modules/devices/presence.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StorageSessionEntity } from '../entities/session.entity.js';
import { CompartmentEntity } from '../entities/compartment.entity.js';
import type { SiteEntity } from '../entities/site.entity.js';
import type { UnlockBank } from './unlock-bank.js';
import { paidSql } from '../modules/payments/paid-amounts.js';
import type { CodeMatch } from '../auth/short-code.js';
import { prepare, runPrepared } from '../db/prepared.js';

/** The site settings a scan reads: access openings and the unlock's timings. */
export type ScanSite = Pick<
  SiteEntity,
  | 'accessOpensPerSession'
  | 'unlockAckTimeoutSeconds'
  | 'depositWindowSeconds'
  | 'pulseMs'
  | 'paymentWindowSeconds'
>;

/*
 * A scan is the product's hot write path (scan-to-coil, allocation race): each read here is
 * one statement that would otherwise be two or three (session, payments and site; allocation,
 * compartment and bank). Rows are mapped into the transaction's entity manager, so changes to
 * them flush as usual, with their optimistic version check. Each runs as a prepared statement
 * (`prepared.ts`): planning them cost more than running them.
 */

const sessionForScan = (name: string, where: string) =>
  prepare(
    name,
    (columns) =>
      `select ${columns(StorageSessionEntity, 's')},
       ${paidSql('s.id')} as scan_paid,
       st.access_opens_per_session as scan_access_opens, st.unlock_ack_timeout_seconds as scan_ack_timeout,
       st.deposit_window_seconds as scan_deposit_window, st.pulse_ms as scan_pulse_ms,
       st.payment_window_seconds as scan_payment_window
     from storage_session s join site st on st.id = s.site_id
     where ${where} for update of s`,
  );
const SESSION_BY_CODE = sessionForScan('scan-session-by-code', 's.code_hash = ?');
const SESSION_BY_SHORT_CODE = sessionForScan(
  'scan-session-by-short-code',
  's.site_id = ? and s.short_code_hash = ?',
);

/** The session with this code (QR hash, or short-code hash at a site), locked, with what has been paid and its site's settings. */
export async function lockSessionForScan(
  tx: EntityManager,
  match: CodeMatch,
): Promise<{ session: StorageSessionEntity; paid: number; site: ScanSite } | null> {
  const rows = await runPrepared(
    tx,
    'codeHash' in match ? SESSION_BY_CODE : SESSION_BY_SHORT_CODE,
    'codeHash' in match ? [match.codeHash] : [match.siteId, match.shortCodeHash],
  );
  const row = rows[0];
  if (!row) return null;
  const {
    scan_paid,
    scan_access_opens,
    scan_ack_timeout,
    scan_deposit_window,
    scan_pulse_ms,
    scan_payment_window,
    ...sessionRow
  } = row;
  return {
    session: tx.map(StorageSessionEntity, sessionRow),
    paid: Number(scan_paid),
    site: {
      accessOpensPerSession: scan_access_opens as number | null,
      unlockAckTimeoutSeconds: scan_ack_timeout as number,
      depositWindowSeconds: scan_deposit_window as number,
      pulseMs: scan_pulse_ms as number,
      paymentWindowSeconds: scan_payment_window as number,
    },
  };
}

/**
 * Why allocation found nothing: free compartments whose locks cannot be driven now
 * (`unreachable`: gateway away or controller down, so "out of touch", not "full"), or free,
 * drivable ones another transaction holds (`held`: worth waiting for).
 */
export interface NoneFree {
  compartment: null;
  unreachable: boolean;
  held: boolean;
}

const allocation = (except: boolean, wait: boolean) =>
  prepare(
    `scan-allocate${except ? '-except' : ''}${wait ? '-wait' : ''}`,
    (columns) =>
      `select p.*, w.none_unreachable, w.none_held
     from (select 1) as one
     left join lateral (
       select ${columns(CompartmentEntity, 'c')}, ${BANK_COLUMNS}
       from compartment c join locker_bank b on b.id = c.bank_id
       where c.site_id = ? and c.size = ? and c.status = 'AVAILABLE' and b.gateway_id is not null and ${OPENABLE_SQL}${except ? ' and c.id <> ?' : ''}
       order by c.label limit 1 for update of c${wait ? '' : ' skip locked'}
     ) p on true
     left join lateral (
       select bool_or(not ${OPENABLE_SQL}) as none_unreachable,
         bool_or(b.gateway_id is not null and ${OPENABLE_SQL}) as none_held
       from compartment c join locker_bank b on b.id = c.bank_id
       where p.id is null and c.site_id = ? and c.size = ? and c.status = 'AVAILABLE'
     ) w on true`,
  );
/** By `(exceptId ? 1 : 0) + (wait ? 2 : 0)`. */
const ALLOCATIONS = [
  allocation(false, false),
  allocation(true, false),
  allocation(false, true),
  allocation(true, true),
];

/**
 * One AVAILABLE compartment of the size whose lock can be driven now (`OPENABLE_SQL`), locked;
 * or, when there is none, why (`NoneFree`), read in the same statement and only then: at a
 * full site most scans find nothing, and this saves each of them a round trip.
 * Compartments another transaction holds are skipped, unless `wait`: then the first one is
 * waited for (a door report holds its bank's rows for milliseconds) and, should that
 * transaction have taken it, the next one is tried. Compartment reads carry whether the lock
 * can be driven at `now`, so the unlock that follows need not ask again.
 */
export async function allocateCompartment(
  tx: EntityManager,
  siteId: string,
  size: string,
  now: Date,
  exceptId: string | null = null,
  wait = false,
): Promise<{ compartment: CompartmentEntity; bank: UnlockBank } | NoneFree> {
  const since = presentSince(now);
  const rows = await runPrepared(tx, ALLOCATIONS[(exceptId ? 1 : 0) + (wait ? 2 : 0)]!, [
    since,
    siteId,
    size,
    since,
    ...(exceptId ? [exceptId] : []),
    since,
    since,
    siteId,
    size,
  ]);
  const { none_unreachable, none_held, ...row } = rows[0]!;
  if (row.id === null)
    return { compartment: null, unreachable: none_unreachable === true, held: none_held === true };
  return withBank(tx, row);
}

const COMPARTMENT_BY_ID = prepare(
  'scan-compartment',
  (columns) =>
    `select ${columns(CompartmentEntity, 'c')}, ${BANK_COLUMNS}
     from compartment c join locker_bank b on b.id = c.bank_id where c.id = ? for update of c`,
);

/** A session's compartment, locked, with its bank (and whether its lock can be driven at `now`). */
export async function lockCompartment(
  tx: EntityManager,
  id: string,
  now: Date,
): Promise<{ compartment: CompartmentEntity; bank: UnlockBank } | null> {
  const rows = await runPrepared(tx, COMPARTMENT_BY_ID, [presentSince(now), id]);
  return rows[0] ? withBank(tx, rows[0]) : null;
}

/** The bank's columns a compartment read carries, `OPENABLE_SQL` among them (one parameter). */
const BANK_COLUMNS = `b.label as bank_label, b.gateway_id as bank_gateway_id,
  b.modbus_endpoint as bank_modbus_endpoint, ${OPENABLE_SQL} as bank_openable`;

function withBank(
  tx: EntityManager,
  row: Record<string, unknown>,
): { compartment: CompartmentEntity; bank: UnlockBank } {
  const { bank_label, bank_gateway_id, bank_modbus_endpoint, bank_openable, ...compartmentRow } = row;
  return {
    compartment: tx.map(CompartmentEntity, compartmentRow),
    bank: {
      label: bank_label as string,
      gatewayId: bank_gateway_id as string | null,
      modbusEndpoint: bank_modbus_endpoint as string,
      openable: bank_openable === true,
    },
  };
}
