import { paidSql } from '../payments/paid-amounts.js';

/**
 * The reports beyond usage, one statement each. Every statement starts from `p`, its
 * parameters in order; `p.site` null means every site. Buckets are in the site's time zone.
 */
const P_RANGE = `p as (select ?::timestamptz as f, ?::timestamptz as t, ?::uuid as site)`;
const P_BUCKETS = `p as (select ?::timestamptz as f, ?::timestamptz as t, ?::uuid as site, ?::text as tz, ?::text as unit, ?::interval as step),
buckets as (
  select (g at time zone p.tz) as start
  from p, generate_series(date_trunc(p.unit, p.f at time zone p.tz), (p.t at time zone p.tz) - interval '1 microsecond', p.step) g
)`;
const SIZES = `array['SMALL','MEDIUM','LARGE','XLARGE']`;
const inSite = (alias: string) => `(p.site is null or ${alias}.site_id = p.site)`;
const bucketOf = (col: string) => `date_trunc(p.unit, ${col} at time zone p.tz) at time zone p.tz`;

/** Peak OCCUPIED compartments per bucket and size: a running sum per size, as in the usage report. */
export const OCCUPANCY_SQL = `with ${P_BUCKETS},
sizes as (select unnest(${SIZES}) as size),
points as (
  select s.size, s.deposited_at as at, 1 as d from storage_session s, p where ${inSite('s')} and s.deposited_at is not null and s.deposited_at < p.t
  union all
  select s.size, coalesce(s.retrieved_at, s.ended_at), -1 from storage_session s, p
    where ${inSite('s')} and s.deposited_at is not null and coalesce(s.retrieved_at, s.ended_at) < p.t
  union all
  select z.size, greatest(b.start, p.f), 0 from buckets b, sizes z, p
),
running as (select size, at, sum(d) over (partition by size order by at, d rows unbounded preceding) as occ from points),
peak as (select r.size, ${bucketOf('r.at')} as b, max(r.occ) as occ from running r, p where r.at >= p.f and r.at < p.t group by 1, 2),
cap as (select c.size, count(*) as n from compartment c, p where ${inSite('c')} group by 1)
select b.start, z.size, coalesce(peak.occ, 0) as peak, coalesce(cap.n, 0) as capacity
from buckets b cross join sizes z
left join peak on peak.b = b.start and peak.size = z.size left join cap on cap.size = z.size
order by b.start, array_position(${SIZES}, z.size)`;

/** Retrieved sessions by storage time: width_bucket over the range edges (minutes). */
export const DURATION_EDGES = [60, 240, 480, 1440, 4320];
export const DURATION_SQL = `with ${P_RANGE},
d as (
  select extract(epoch from s.retrieved_at - s.deposited_at) / 60.0 as m from storage_session s, p
  where ${inSite('s')} and s.status = 'COMPLETED' and s.deposited_at is not null and s.retrieved_at >= p.f and s.retrieved_at < p.t
)
select width_bucket(m, array[${DURATION_EDGES.join(',')}]::numeric[]) as k, count(*) as n,
  (select percentile_cont(0.5) within group (order by m) from d) as median, (select avg(m) from d) as avg
from d group by 1 order by 1`;

/** OVERDUE, SECURITY_ESCALATION and ABANDONED alerts raised per bucket (each is raised once per session). */
export const OVERDUE_SQL = `with ${P_BUCKETS},
a as (
  select ${bucketOf('a.created_at')} as b, count(*) filter (where a.type = 'OVERDUE') as o, count(*) filter (where a.type = 'SECURITY_ESCALATION') as x,
    count(*) filter (where a.type = 'ABANDONED') as ab
  from alert a, p where ${inSite('a')} and a.type in ('OVERDUE','SECURITY_ESCALATION','ABANDONED') and a.created_at >= p.f and a.created_at < p.t group by 1
)
select b.start, coalesce(a.o, 0) as overdue, coalesce(a.x, 0) as escalations, coalesce(a.ab, 0) as abandoned from buckets b left join a on a.b = b.start order by b.start`;

/** Money by tariff size: captured when captured, refunds when refunded. */
export const REVENUE_SQL = `with ${P_RANGE},
sizes as (select unnest(${SIZES}) as size),
m as (
  select s.size, pay.amount as captured, 0 as refunded, 0 as auto_refunded, 1 as n, 0 as auto_n from payment pay join storage_session s on s.id = pay.session_id, p
    where ${inSite('s')} and pay.status in ('CAPTURED','REFUNDED') and pay.captured_at >= p.f and pay.captured_at < p.t
  union all
  select s.size, 0, pay.amount, case when pay.refund_automatic then pay.amount else 0 end, 0, case when pay.refund_automatic then 1 else 0 end
    from payment pay join storage_session s on s.id = pay.session_id, p
    where ${inSite('s')} and pay.status = 'REFUNDED' and pay.refunded_at >= p.f and pay.refunded_at < p.t
)
select z.size, coalesce(sum(m.n), 0) as payments, coalesce(sum(m.captured), 0) as captured, coalesce(sum(m.refunded), 0) as refunded,
  coalesce(sum(m.auto_refunded), 0) as auto_refunded, coalesce(sum(m.auto_n), 0) as auto_n
from sizes z left join m on m.size = z.size group by z.size order by array_position(${SIZES}, z.size)`;

export const FEEDBACK_RATINGS_SQL = `with ${P_RANGE}
select f.rating, count(*) as n from feedback f join storage_session s on s.id = f.session_id, p
where ${inSite('s')} and f.created_at >= p.f and f.created_at < p.t group by 1 order by 1`;

export const FEEDBACK_COMMENTS_SQL = `with ${P_RANGE}
select f.created_at, f.rating, f.comment, f.session_id, s.site_id, s.size from feedback f join storage_session s on s.id = f.session_id, p
where ${inSite('s')} and f.created_at >= p.f and f.created_at < p.t and f.comment is not null order by f.created_at desc limit ?`;

/** Sessions created in the range, for the CSV export (no contact details: reports:read is broad). */
export const SESSIONS_SQL = `with ${P_RANGE}
select s.id, s.site_id, site.name as site, s.size, s.status, c.label as compartment, s.created_at, s.deposited_at, s.due_at,
  s.retrieved_at, s.ended_at, s.currency, s.price,
  ${paidSql('s.id')} as paid
from storage_session s join site on site.id = s.site_id left join compartment c on c.id = s.compartment_id, p
where ${inSite('s')} and s.created_at >= p.f and s.created_at < p.t order by s.created_at limit ?`;
