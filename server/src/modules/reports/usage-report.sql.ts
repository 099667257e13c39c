/**
 * The usage report read from the usage_slot rollup (see the UsageRollup migration), bucketed in
 * the site's time zone (UTC for all sites). Whole 15-minute slots come from usage_slot; the
 * slots cut by `from` or `to` are computed from raw rows by usage_segments(), as is the part
 * of the slot before `from` that the occupancy at `from` needs.
 *
 * Peak occupancy is exactly the raw definition: the running sum of +1 (deposit) and -1 (end)
 * over all time, read at every event in the bucket and at the bucket's start (or `from`).
 * A segment's value there is the occupancy before the segment (occupancy before `from` plus
 * the deltas of earlier segments) plus its stored relative peak; a bucket start reads the
 * occupancy before it plus the segment's start_level (ends at exactly that instant).
 * Parameters: from, to, tz, unit, step, scope (a site id, or ALL_SITES_SCOPE).
 */
export const USAGE_REPORT_SQL = `
with p as (select ?::timestamptz as f, ?::timestamptz as t, ?::text as tz, ?::text as unit, ?::interval as step, ?::uuid as k),
q as (
  select p.*, p.k = '00000000-0000-0000-0000-000000000000'::uuid as all_sites,
         case when p.k = '00000000-0000-0000-0000-000000000000'::uuid then array(select id from site) else array[p.k] end as sites,
         usage_slot_of(p.f) as f0, usage_slot_of(p.t) as t0,
         case when usage_slot_of(p.f) = p.f then p.f else usage_slot_of(p.f) + interval '15 minutes' end as fa
  from p
),
buckets as (
  select (g at time zone q.tz) as start
  from q, generate_series(date_trunc(q.unit, q.f at time zone q.tz), (q.t at time zone q.tz) - interval '1 microsecond', q.step) g
),
-- the range as segments: a raw head up to the first slot boundary, whole slots, a raw tail
segs as (
  select e.* from q, usage_segments(q.sites, q.all_sites, q.f, least(q.fa, q.t)) e where q.f < q.fa
  union all
  select u.site_id, u.slot, u.deposits, u.retrievals, u.retrieval_minutes, u.revenue, u.delta, u.peak, u.start_level
  from q join usage_slot u on u.site_id = q.k and u.slot >= q.fa and u.slot < q.t0
  union all
  select e.* from q, usage_segments(q.sites, q.all_sites, greatest(q.t0, q.fa), q.t) e where greatest(q.t0, q.fa) < q.t
),
-- occupancy just before from (materialized: it is read once, not per row)
before as materialized (
  select (select coalesce(sum(u.delta), 0) from usage_slot u where u.site_id = q.k and u.slot < q.f0)
       + (select coalesce(sum(e.delta), 0) from usage_segments(q.sites, q.all_sites, q.f0, q.f) e) as occ
  from q
),
-- segments, and the bucket starts (kind 0 sorts before a segment starting at the same instant)
items as (
  select s.slot as at, 1 as kind, date_trunc(q.unit, s.slot at time zone q.tz) at time zone q.tz as b, s.deposits, s.retrievals,
         s.retrieval_minutes, s.revenue, s.delta, s.peak as level
  from segs s, q
  union all
  select m.at, 0, date_trunc(q.unit, m.at at time zone q.tz) at time zone q.tz, 0, 0, 0, 0, 0, coalesce(s.start_level, 0)
  from q, (select distinct greatest(b.start, q.f) as at from buckets b, q where greatest(b.start, q.f) < q.t) m
  left join segs s on s.slot = m.at
),
per_bucket as (
  select b, sum(deposits) as deposits, sum(retrievals) as retrievals, sum(retrieval_minutes) as minutes, sum(revenue) as revenue,
         max(occ) as peak
  from (
    select i.*, before.occ + coalesce(sum(i.delta) over (order by i.at, i.kind rows between unbounded preceding and 1 preceding), 0) + i.level as occ
    from items i, before
  ) r
  group by b
)
select b.start, coalesce(r.deposits, 0) as deposits, coalesce(r.retrievals, 0) as retrievals,
       case when r.retrievals > 0 then r.minutes / r.retrievals end as avg_minutes,
       coalesce(r.peak, 0) as peak, coalesce(r.revenue, 0) as revenue
from buckets b left join per_bucket r on r.b = b.start
order by b.start
`;

/** usage_slot's key for all sites together (their peak is not the sum of the sites' peaks). */
export const ALL_SITES_SCOPE = '00000000-0000-0000-0000-000000000000';
