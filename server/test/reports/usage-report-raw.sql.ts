/**
 * The usage report computed from raw rows, as the server did before the usage_slot rollup:
 * kept as the tests' oracle (the rollup must give the same numbers). One statement, bucketed in
 * the site's time zone. Occupancy is a
 * running sum of +1 (deposit) and -1 (pick-up) with a 0 at every bucket start, so the peak
 * of a bucket includes what was already stored when it began.
 * Parameters: from, to, tz, unit, step, then the site filter's parameters (in each :site).
 */
export function rawUsageReportSql(siteFilter: string): string {
  const site = (alias: string) => siteFilter.replaceAll(':alias', alias);
  return `
with p as (select ?::timestamptz as f, ?::timestamptz as t, ?::text as tz, ?::text as unit, ?::interval as step),
buckets as (
  select (g at time zone p.tz) as start
  from p, generate_series(date_trunc(p.unit, p.f at time zone p.tz), (p.t at time zone p.tz) - interval '1 microsecond', p.step) g
),
dep as (
  select date_trunc(p.unit, s.deposited_at at time zone p.tz) at time zone p.tz as b, count(*) as n
  from storage_session s, p where ${site('s')} and s.deposited_at >= p.f and s.deposited_at < p.t group by 1
),
ret as (
  select date_trunc(p.unit, s.retrieved_at at time zone p.tz) at time zone p.tz as b, count(*) as n,
         avg(extract(epoch from s.retrieved_at - s.deposited_at) / 60.0) as avg_minutes
  from storage_session s, p where ${site('s')} and s.status = 'COMPLETED' and s.deposited_at is not null
    and s.retrieved_at >= p.f and s.retrieved_at < p.t group by 1
),
money as (
  -- captured money counts when captured; a refund comes off when it is made
  select pay.captured_at as at, pay.amount as amount from payment pay join storage_session s on s.id = pay.session_id, p
    where ${site('s')} and pay.status in ('CAPTURED','REFUNDED') and pay.captured_at >= p.f and pay.captured_at < p.t
  union all
  select pay.refunded_at, -pay.amount from payment pay join storage_session s on s.id = pay.session_id, p
    where ${site('s')} and pay.status = 'REFUNDED' and pay.refunded_at >= p.f and pay.refunded_at < p.t
),
rev as (
  select date_trunc(p.unit, m.at at time zone p.tz) at time zone p.tz as b, sum(m.amount) as amount from money m, p group by 1
),
points as (
  select s.deposited_at as at, 1 as d from storage_session s, p where ${site('s')} and s.deposited_at is not null and s.deposited_at < p.t
  union all
  select coalesce(s.retrieved_at, s.ended_at), -1 from storage_session s, p
    where ${site('s')} and s.deposited_at is not null and coalesce(s.retrieved_at, s.ended_at) < p.t
  union all
  select greatest(b.start, p.f), 0 from buckets b, p
),
running as (select at, sum(d) over (order by at, d rows unbounded preceding) as occ from points),
peak as (
  select date_trunc(p.unit, r.at at time zone p.tz) at time zone p.tz as b, max(r.occ) as occ
  from running r, p where r.at >= p.f and r.at < p.t group by 1
)
select b.start, coalesce(dep.n, 0) as deposits, coalesce(ret.n, 0) as retrievals, ret.avg_minutes,
       coalesce(peak.occ, 0) as peak, coalesce(rev.amount, 0) as revenue
from buckets b
left join dep on dep.b = b.start left join ret on ret.b = b.start
left join rev on rev.b = b.start left join peak on peak.b = b.start
order by b.start`;
}
