import type pg from 'pg';
import { rawUsageReportSql } from './usage-report-raw.sql.js';

/** A report bucket as the API returns it. */
export type Bucket = {
  start: string;
  deposits: number;
  retrievals: number;
  averageStorageMinutes: number | null;
  peakOccupied: number;
  revenue: { amount: number; currency: string };
};

export const USAGE = `query($s:ID,$f:DateTime!,$t:DateTime!,$b:ReportBucket!){ usageReport(siteId:$s, from:$f, to:$t, bucket:$b){
  buckets { start deposits retrievals averageStorageMinutes peakOccupied revenue { amount currency } } } }`;

const UNITS = {
  HOUR: ['hour', '1 hour'],
  DAY: ['day', '1 day'],
  WEEK: ['week', '1 week'],
  MONTH: ['month', '1 month'],
} as const;
export type BucketSize = keyof typeof UNITS;

/**
 * The report from raw rows (the pre-rollup SQL), shaped as the API shapes it: the oracle.
 * `tz` is the site's zone, UTC for all sites.
 */
export async function rawReport(
  db: pg.Client,
  siteId: string | null,
  from: Date,
  to: Date,
  bucket: BucketSize,
  tz: string,
): Promise<Bucket[]> {
  let n = 0;
  const sql = rawUsageReportSql(siteId ? ':alias.site_id = $6' : 'true').replace(/\?/g, () => `$${++n}`);
  const [unit, step] = UNITS[bucket];
  const { rows } = await db.query(sql, [from, to, tz, unit, step, ...(siteId ? [siteId] : [])]);
  return rows.map((r) => ({
    start: new Date(r.start).toISOString(),
    deposits: Number(r.deposits),
    retrievals: Number(r.retrievals),
    averageStorageMinutes: r.avg_minutes === null ? null : Math.round(Number(r.avg_minutes) * 100) / 100,
    peakOccupied: Number(r.peak),
    revenue: { amount: Number(r.revenue), currency: 'EUR' },
  }));
}

/**
 * Inserts `n` sessions of a site between `from` and `to` (plus their payments), by SQL: half of
 * the times on 5-minute marks, so ties and events on slot and bucket boundaries are common.
 * Kinds: retrieved (COMPLETED), ended without retrieval, expired before any deposit, retrieved
 * but not COMPLETED, and still stored (open). A fifth of the captured payments are refunded
 * up to 10 hours later, a tenth stay PENDING. Deterministic for a given `seed` (-1..1).
 */
export async function insertSessions(
  db: pg.Client,
  siteId: string,
  n: number,
  from: Date,
  to: Date,
  seed: number,
): Promise<void> {
  await db.query('select setseed($1)', [seed]);
  await db.query(
    `with comps as (select array_agg(c.id order by c.label) as ids from compartment c where c.site_id = $1
       and not exists (select 1 from storage_session s where s.compartment_id = c.id and s.status in ('DEPOSITING', 'STORED', 'RETRIEVING'))),
     r as (
       select random() as k,
              case when random() < 0.5 then $3::timestamptz + floor(random() * extract(epoch from $4::timestamptz - $3::timestamptz) / 300) * interval '5 minutes'
                   else $3::timestamptz + random() * ($4::timestamptz - $3::timestamptz) end as t0,
              case when random() < 0.5 then floor(random() * 60) * interval '5 minutes' else random() * interval '8 hours' end as stay
       from generate_series(1, $2::int)
     ),
     x as (
       select r.*, case when k < 0.7 then 'done' when k < 0.85 then 'ended' when k < 0.9 then 'expired' when k < 0.95 then 'odd' else 'open' end as kind
       from r
     ),
     y as (select x.*, row_number() over (partition by kind order by t0) as rn from x)
     insert into storage_session (id, site_id, size, status, compartment_id, code_hash, code_issued_at, currency, price,
       included_minutes, overdue_per_hour, grace_minutes, security_alert_after_minutes, created_at, deposited_at, due_at, retrieved_at, ended_at)
     select gen_random_uuid(), $1, 'SMALL',
            case y.kind when 'done' then 'COMPLETED' when 'open' then 'STORED' else 'CANCELLED' end,
            case when y.kind = 'open' then comps.ids[y.rn] end,
            md5(random()::text) || md5(random()::text), y.t0, 'EUR', 300, 60, 0, 0, 0, y.t0,
            case when y.kind <> 'expired' then y.t0 end, y.t0 + interval '1 hour',
            case when y.kind in ('done', 'odd') then y.t0 + y.stay end,
            case when y.kind in ('done', 'ended', 'expired', 'odd') then y.t0 + y.stay end
     from y, comps`,
    [siteId, n, from, to],
  );
  await db.query(
    `insert into payment (id, session_id, amount, currency, provider, status, created_at, captured_at)
     select gen_random_uuid(), s.id, 100 + (random() * 500)::int, 'EUR', 'demo', 'CAPTURED', s.created_at, s.created_at + interval '1 minute'
     from storage_session s where s.site_id = $1 and random() < 0.6`,
    [siteId],
  );
  await db.query(
    `update payment p set status = case when random() < 0.8 then 'REFUNDED' else 'PENDING' end
     from storage_session s where s.id = p.session_id and s.site_id = $1 and random() < 0.3`,
    [siteId],
  );
  await db.query(
    `update payment p set refunded_at = p.captured_at + floor(random() * 40) * interval '15 minutes'
     from storage_session s where s.id = p.session_id and s.site_id = $1 and p.status = 'REFUNDED'`,
    [siteId],
  );
  await db.query(
    `update payment p set captured_at = null from storage_session s where s.id = p.session_id and s.site_id = $1 and p.status = 'PENDING'`,
    [siteId],
  );
}

/** usage_slot and usage_hour as sorted JSON (all-zero rows left out), for comparing rollups made two ways. */
export async function slotRows(db: pg.Client): Promise<string> {
  const nonZero = `(deposits, retrievals, retrieval_minutes, revenue, delta, start_level) <> (0, 0, 0, 0, 0, 0) or peak is not null`;
  const slots = await db.query(
    `select site_id, slot, deposits, retrievals, retrieval_minutes::text, revenue::text, delta, peak, start_level
     from usage_slot where ${nonZero} order by site_id, slot`,
  );
  const hours = await db.query(
    `select site_id, hour, deposits, retrievals, retrieval_minutes::text, revenue::text, delta, peak, start_level
     from usage_hour where ${nonZero} order by site_id, hour`,
  );
  return JSON.stringify({ slots: slots.rows, hours: hours.rows });
}
