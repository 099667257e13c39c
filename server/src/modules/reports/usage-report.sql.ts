/**
 * The usage report read from the usage_slot rollup (see the UsageRollup migration), bucketed in
 * the site's time zone (UTC for all sites). Whole UTC hours come from usage_hour when their four
 * slots fall in one bucket with no bucket start inside (every hour, in a whole-hour zone), other
 * whole 15-minute slots from usage_slot; the slots cut by `from` or `to` are computed from raw
 * rows by usage_segments(), as is the part of the slot before `from` that the occupancy at
 * `from` needs.
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
-- ha..hb: the whole UTC hours inside the slot-aligned range fa..t0
r as (
  select q.*, date_trunc('hour', q.fa, 'UTC') + case when date_trunc('hour', q.fa, 'UTC') = q.fa then interval '0' else interval '1 hour' end as ha,
         date_trunc('hour', q.t0, 'UTC') as hb
  from q
),
buckets as (
  select (g at time zone q.tz) as start
  from q, generate_series(date_trunc(q.unit, q.f at time zone q.tz), (q.t at time zone q.tz) - interval '1 microsecond', q.step) g
),
marks as (
  select distinct greatest(b.start, q.f) as at from buckets b, q where greatest(b.start, q.f) < q.t
),
-- whole hours whose four slots fall in one bucket, with no bucket start inside: read as one row
hours as (
  select h.*, k.k0 = k.k1 and k.k1 = k.k2 and k.k2 = k.k3
          and h.hour not in (select date_trunc('hour', m.at, 'UTC') from marks m where m.at <> date_trunc('hour', m.at, 'UTC')) as whole
  from r join usage_hour h on h.site_id = r.k and h.hour >= r.ha and h.hour < r.hb,
  lateral (select date_trunc(r.unit, h.hour at time zone r.tz) as k0, date_trunc(r.unit, (h.hour + interval '15 minutes') at time zone r.tz) as k1,
                  date_trunc(r.unit, (h.hour + interval '30 minutes') at time zone r.tz) as k2, date_trunc(r.unit, (h.hour + interval '45 minutes') at time zone r.tz) as k3) k
),
-- the parts of slots cut by from and to, from raw rows
head as materialized (
  select e.* from q, usage_segments(q.sites, q.all_sites, q.f, least(q.fa, q.t)) e where q.f < q.fa
),
tail as materialized (
  select e.* from q, usage_segments(q.sites, q.all_sites, greatest(q.t0, q.fa), q.t) e where greatest(q.t0, q.fa) < q.t
),
-- occupancy just before from
before as materialized (
  select (select coalesce(sum(h.delta), 0) from usage_hour h where h.site_id = r.k and h.hour < date_trunc('hour', r.f0, 'UTC'))
       + (select coalesce(sum(u.delta), 0) from usage_slot u where u.site_id = r.k and u.slot >= date_trunc('hour', r.f0, 'UTC') and u.slot < r.f0)
       + (select coalesce(sum(e.delta), 0) from usage_segments(r.sites, r.all_sites, r.f0, r.f) e where r.f0 < r.f) as occ
  from r
),
-- the range as segments (whole hours, else slots, raw edges) and the bucket starts
items as (
  select h.slot as at, 1 as kind, h.deposits, h.retrievals, h.retrieval_minutes, h.revenue, h.delta, h.peak, h.start_level from head h
  union all
  select h.hour, 1, h.deposits, h.retrievals, h.retrieval_minutes, h.revenue, h.delta, h.peak, h.start_level from hours h where h.whole
  union all
  select u.slot, 1, u.deposits, u.retrievals, u.retrieval_minutes, u.revenue, u.delta, u.peak, u.start_level
  from r join usage_slot u on u.site_id = r.k and u.slot >= r.fa and u.slot < least(r.ha, r.t0)
  union all
  select u.slot, 1, u.deposits, u.retrievals, u.retrieval_minutes, u.revenue, u.delta, u.peak, u.start_level
  from r join usage_slot u on u.site_id = r.k and u.slot >= greatest(r.hb, r.ha) and u.slot < r.t0
  union all
  select u.slot, 1, u.deposits, u.retrievals, u.retrieval_minutes, u.revenue, u.delta, u.peak, u.start_level
  from hours h join usage_slot u on u.site_id = h.site_id and u.slot >= h.hour and u.slot < h.hour + interval '1 hour'
  where not h.whole
  union all
  select t.slot, 1, t.deposits, t.retrievals, t.retrieval_minutes, t.revenue, t.delta, t.peak, t.start_level from tail t
  union all
  select m.at, 0, 0, 0, 0, 0, 0, null::int, null::int from marks m
),
-- the occupancy at each segment's events and at each bucket start: a bucket start sorts just
-- before a segment starting at the same instant and reads its start_level
levels as (
  select date_trunc(q.unit, r.at at time zone q.tz) at time zone q.tz as b, r.*,
         before.occ + coalesce(r.d_before, 0)
         + case when r.kind = 1 then r.peak when r.next_at = r.at then r.next_level else 0 end as occ
  from (
    select i.*, sum(i.delta) over w as d_before, lead(i.at) over w as next_at, lead(i.start_level) over w as next_level
    from items i
    window w as (order by i.at, i.kind rows between unbounded preceding and 1 preceding)
  ) r, q, before
),
per_bucket as (
  select b, sum(deposits) as deposits, sum(retrievals) as retrievals, sum(retrieval_minutes) as minutes, sum(revenue) as revenue,
         max(occ) as peak
  from levels group by b
)
select b.start, coalesce(r.deposits, 0) as deposits, coalesce(r.retrievals, 0) as retrievals,
       case when r.retrievals > 0 then r.minutes / r.retrievals end as avg_minutes,
       coalesce(r.peak, 0) as peak, coalesce(r.revenue, 0) as revenue
from buckets b left join per_bucket r on r.b = b.start
order by b.start
`;

/** usage_slot's key for all sites together (their peak is not the sum of the sites' peaks). */
export const ALL_SITES_SCOPE = '00000000-0000-0000-0000-000000000000';
