import { Migration } from '@mikro-orm/migrations';

/**
 * The usage rollup: one `usage_slot` row per site (and one for all sites, under the nil uuid)
 * and 15-minute UTC slot, and one `usage_hour` row per site and UTC hour derived from its slots,
 * so the usage report reads ~8,800 rows per site-year instead of every session. Exact, not
 * approximate: a row holds deposits, retrievals and their storage minutes, revenue, the
 * occupancy change and the running occupancy's peak inside it, all defined once in
 * `usage_segments()`, which the report also uses for the partial slots at its edges.
 *
 * Kept in the same transaction as the change: deferred constraint triggers on storage_session
 * and payment recompute each touched slot and hour at commit, under the hour row's lock, in a
 * fresh snapshot, so concurrent writers to one hour all end up counted. Bulk loads set
 * `lockers.usage_rollup = 'off'` for their transaction and call `usage_slot_rebuild()`.
 */
export class Migration20261125160000UsageRollup extends Migration {
  override up(): void {
    this.addSql(`
-- indexes the per-slot recompute reads: occupancy ends (also retrievals) by site and time,
-- revenue by capture time whatever became of the payment since
create index storage_session_ended_idx on storage_session (site_id, (coalesce(retrieved_at, ended_at)))
  where deposited_at is not null and coalesce(retrieved_at, ended_at) is not null;
create index payment_captured_any_idx on payment (captured_at) where status in ('CAPTURED','REFUNDED');

create table usage_slot (
  -- a site, or the nil uuid for all sites together (their peak is not the sum of the sites' peaks)
  site_id uuid not null,
  slot timestamptz not null,
  deposits int not null default 0,
  retrievals int not null default 0,
  retrieval_minutes numeric not null default 0,
  revenue bigint not null default 0,
  -- deposits minus ends (retrieval, or end without one) in the slot
  delta int not null default 0,
  -- the highest running occupancy at the slot's events, relative to the occupancy at its start;
  -- null when the slot has no deposit or end. Ties order as in the report: ends, then deposits
  peak int,
  -- minus the ends at exactly the slot start: the level a bucket starting here begins at
  start_level int not null default 0,
  -- the transaction that last recomputed the slot: one recompute per slot per commit
  refreshed_xid xid8,
  primary key (site_id, slot)
);
comment on table usage_slot is 'Usage per site and 15-minute UTC slot, kept by the usage_slot_* triggers at commit; see usage_segments().';

-- the same figures per UTC hour, derived from its four slots: a report in a whole-hour zone
-- reads ~8,800 rows per site-year instead of ~35,000
create table usage_hour (
  site_id uuid not null,
  hour timestamptz not null,
  deposits int not null default 0,
  retrievals int not null default 0,
  retrieval_minutes numeric not null default 0,
  revenue bigint not null default 0,
  delta int not null default 0,
  peak int,
  start_level int not null default 0,
  primary key (site_id, hour)
);

-- slot starts are 15-minute UTC boundaries; every time zone offset in use is a multiple of
-- 15 minutes, so local hours, days, weeks and months are unions of whole slots
create function usage_slot_of(at timestamptz) returns timestamptz language sql immutable parallel safe
  return date_bin('15 minutes', at, timestamptz '2000-01-01 00:00:00+00');

-- THE definition of a slot's figures (the report's rules: deposits at deposited_at; ends at
-- coalesce(retrieved_at, ended_at) of deposited sessions; retrievals are COMPLETED ends with a
-- retrieved_at; money counts at captured_at, refunds come off at refunded_at), per key (a site,
-- or the nil uuid when p_all) and slot of [p_from, p_to); a slot cut by p_from starts at p_from.
create function usage_segments(p_sites uuid[], p_all boolean, p_from timestamptz, p_to timestamptz)
returns table (site_id uuid, slot timestamptz, deposits int, retrievals int, retrieval_minutes numeric,
               revenue bigint, delta int, peak int, start_level int)
language plpgsql stable as $$
#variable_conflict use_column
begin
  -- plpgsql, not SQL: its plan is cached per connection and the report's own plan stays small
  return query
  with ev as (
    select s.site_id, s.deposited_at as at, 1 as d, false as retrieval, null::numeric as minutes
    from storage_session s
    where s.site_id = any(p_sites) and s.deposited_at >= p_from and s.deposited_at < p_to
    union all
    select s.site_id, coalesce(s.retrieved_at, s.ended_at), -1,
           s.status = 'COMPLETED' and s.retrieved_at is not null,
           extract(epoch from s.retrieved_at - s.deposited_at) / 60.0
    from storage_session s
    where s.site_id = any(p_sites) and s.deposited_at is not null and coalesce(s.retrieved_at, s.ended_at) is not null
      and coalesce(s.retrieved_at, s.ended_at) >= p_from and coalesce(s.retrieved_at, s.ended_at) < p_to
  ),
  keyed as (
    select case when p_all then '00000000-0000-0000-0000-000000000000'::uuid else ev.site_id end as k,
           greatest(usage_slot_of(ev.at), p_from) as seg, ev.*
    from ev
  ),
  occ as (
    select k, seg, count(*) filter (where d = 1) as deposits, count(*) filter (where retrieval) as retrievals,
           coalesce(sum(minutes) filter (where retrieval), 0) as minutes, sum(d) as delta, max(run) as peak,
           -count(*) filter (where d = -1 and at = seg) as start_level
    from (select keyed.*, sum(d) over (partition by k, seg order by at, d rows unbounded preceding) as run from keyed) r
    group by k, seg
  ),
  money as (
    select s.site_id, pay.captured_at as at, pay.amount::bigint as amount
    from payment pay join storage_session s on s.id = pay.session_id
    where pay.status in ('CAPTURED','REFUNDED') and pay.captured_at >= p_from and pay.captured_at < p_to and s.site_id = any(p_sites)
    union all
    select s.site_id, pay.refunded_at, -pay.amount
    from payment pay join storage_session s on s.id = pay.session_id
    where pay.status = 'REFUNDED' and pay.refunded_at >= p_from and pay.refunded_at < p_to and s.site_id = any(p_sites)
  ),
  rev as (
    select case when p_all then '00000000-0000-0000-0000-000000000000'::uuid else money.site_id end as k,
           greatest(usage_slot_of(money.at), p_from) as seg, sum(amount)::bigint as revenue
    from money group by 1, 2
  )
  select coalesce(o.k, r.k), coalesce(o.seg, r.seg), coalesce(o.deposits, 0)::int, coalesce(o.retrievals, 0)::int,
         coalesce(o.minutes, 0), coalesce(r.revenue, 0), coalesce(o.delta, 0)::int, o.peak::int, coalesce(o.start_level, 0)::int
  from occ o full join rev r on r.k = o.k and r.seg = o.seg;
end
$$;

-- An hour's figures from its slots (each slot's relative peak shifted by the deltas of the slots
-- before it in the hour). The one definition for the per-hour refresh and the rebuild.
create function usage_hours(p_sites uuid[], p_from timestamptz, p_to timestamptz)
returns table (site_id uuid, hour timestamptz, deposits int, retrievals int, retrieval_minutes numeric,
               revenue bigint, delta int, peak int, start_level int)
language sql stable as $$
  select x.site_id, x.hour, sum(x.deposits)::int, sum(x.retrievals)::int, sum(x.retrieval_minutes), sum(x.revenue)::bigint,
         sum(x.delta)::int, max(x.before + x.peak)::int, coalesce(min(x.start_level) filter (where x.slot = x.hour), 0)::int
  from (
    select u.*, date_trunc('hour', u.slot, 'UTC') as hour,
           coalesce(sum(u.delta) over (partition by u.site_id, date_trunc('hour', u.slot, 'UTC') order by u.slot
                                       rows between unbounded preceding and 1 preceding), 0) as before
    from usage_slot u
    where u.site_id = any(p_sites) and u.slot >= p_from and u.slot < p_to
  ) x
  group by x.site_id, x.hour
$$;

-- Recomputes one slot under its row's lock (and its hour's, see usage_slot_refresh_at). The lock
-- makes writers to one slot take turns at commit; the recompute is a new statement, so its
-- snapshot sees what earlier holders committed.
create function usage_slot_refresh(p_site uuid, p_slot timestamptz) returns void language plpgsql volatile as $$
declare
  v_xid xid8;
begin
  insert into usage_slot (site_id, slot) values (p_site, p_slot) on conflict do nothing;
  select u.refreshed_xid into v_xid from usage_slot u where u.site_id = p_site and u.slot = p_slot for update;
  if v_xid = pg_current_xact_id() then
    return;
  end if;
  -- a new statement, so a new snapshot: it sees whatever the slot's previous lock holder committed
  update usage_slot u
     set (deposits, retrievals, retrieval_minutes, revenue, delta, peak, start_level, refreshed_xid) = (
       select coalesce(sum(g.deposits), 0), coalesce(sum(g.retrievals), 0), coalesce(sum(g.retrieval_minutes), 0),
              coalesce(sum(g.revenue), 0), coalesce(sum(g.delta), 0), max(g.peak), coalesce(min(g.start_level), 0),
              pg_current_xact_id()
       from usage_segments(
         case when p_site = '00000000-0000-0000-0000-000000000000' then array(select id from site) else array[p_site] end,
         p_site = '00000000-0000-0000-0000-000000000000', p_slot, p_slot + interval '15 minutes') g)
   where u.site_id = p_site and u.slot = p_slot;
end
$$;

-- Recomputes one hour from its slot rows, under the hour row's lock: whoever takes the lock last
-- reads every slot of the hour as committed or as its own.
create function usage_hour_refresh(p_site uuid, p_hour timestamptz) returns void language plpgsql volatile as $$
begin
  insert into usage_hour (site_id, hour) values (p_site, p_hour) on conflict do nothing;
  perform 1 from usage_hour h where h.site_id = p_site and h.hour = p_hour for update;
  update usage_hour h
     set (deposits, retrievals, retrieval_minutes, revenue, delta, peak, start_level) = (
       select coalesce(sum(g.deposits), 0), coalesce(sum(g.retrievals), 0), coalesce(sum(g.retrieval_minutes), 0),
              coalesce(sum(g.revenue), 0), coalesce(sum(g.delta), 0), max(g.peak), coalesce(min(g.start_level), 0)
       from usage_hours(array[p_site], p_hour, p_hour + interval '1 hour') g)
   where h.site_id = p_site and h.hour = p_hour;
end
$$;

-- Refreshes the slots and hours of a site (and of all sites) that hold the given times. The
-- hour row's lock is the one writers queue on: taken before any slot of the hour, for the site
-- and then for all sites, hours in time order, so two writers to one hour cannot deadlock.
create function usage_slot_refresh_at(p_site uuid, p_times timestamptz[]) returns void language plpgsql volatile as $$
declare
  v_hour timestamptz;
  v_slot timestamptz;
begin
  if p_site is null then
    return;
  end if;
  for v_hour in select distinct date_trunc('hour', t, 'UTC') from unnest(p_times) t where t is not null order by 1 loop
    insert into usage_hour (site_id, hour) values (p_site, v_hour), ('00000000-0000-0000-0000-000000000000', v_hour)
      on conflict do nothing;
    perform 1 from usage_hour h where h.site_id = p_site and h.hour = v_hour for update;
    perform 1 from usage_hour h where h.site_id = '00000000-0000-0000-0000-000000000000' and h.hour = v_hour for update;
    for v_slot in select distinct usage_slot_of(t) from unnest(p_times) t where date_trunc('hour', t, 'UTC') = v_hour order by 1 loop
      perform usage_slot_refresh(p_site, v_slot);
      perform usage_slot_refresh('00000000-0000-0000-0000-000000000000', v_slot);
    end loop;
    perform usage_hour_refresh(p_site, v_hour);
    perform usage_hour_refresh('00000000-0000-0000-0000-000000000000', v_hour);
  end loop;
end
$$;

-- old and new times in one call when the site is the same, so their hours lock in time order
create function usage_slot_session_changed() returns trigger language plpgsql as $$
declare
  v_old timestamptz[] := '{}';
  v_new timestamptz[] := '{}';
begin
  if tg_op <> 'INSERT' and old.deposited_at is not null then
    v_old := array[old.deposited_at, old.retrieved_at, old.ended_at];
  end if;
  if tg_op <> 'DELETE' and new.deposited_at is not null then
    v_new := array[new.deposited_at, new.retrieved_at, new.ended_at];
  end if;
  if tg_op = 'UPDATE' and old.site_id = new.site_id then
    perform usage_slot_refresh_at(new.site_id, v_old || v_new);
  else
    if tg_op <> 'INSERT' then perform usage_slot_refresh_at(old.site_id, v_old); end if;
    if tg_op <> 'DELETE' then perform usage_slot_refresh_at(new.site_id, v_new); end if;
  end if;
  return null;
end
$$;

create function usage_slot_payment_changed() returns trigger language plpgsql as $$
declare
  v_old_site uuid;
  v_new_site uuid;
begin
  if tg_op <> 'INSERT' then v_old_site := (select site_id from storage_session where id = old.session_id); end if;
  if tg_op <> 'DELETE' then v_new_site := (select site_id from storage_session where id = new.session_id); end if;
  if tg_op = 'UPDATE' and v_old_site = v_new_site then
    perform usage_slot_refresh_at(v_new_site, array[old.captured_at, old.refunded_at, new.captured_at, new.refunded_at]);
  else
    if tg_op <> 'INSERT' then perform usage_slot_refresh_at(v_old_site, array[old.captured_at, old.refunded_at]); end if;
    if tg_op <> 'DELETE' then perform usage_slot_refresh_at(v_new_site, array[new.captured_at, new.refunded_at]); end if;
  end if;
  return null;
end
$$;

create constraint trigger usage_slot_session_insert after insert on storage_session
  deferrable initially deferred for each row
  when (new.deposited_at is not null and current_setting('lockers.usage_rollup', true) is distinct from 'off')
  execute function usage_slot_session_changed();
create constraint trigger usage_slot_session_update after update of site_id, status, deposited_at, retrieved_at, ended_at on storage_session
  deferrable initially deferred for each row
  when ((old.deposited_at is not null or new.deposited_at is not null)
        and (old.site_id, old.status, old.deposited_at, old.retrieved_at, old.ended_at)
            is distinct from (new.site_id, new.status, new.deposited_at, new.retrieved_at, new.ended_at)
        and current_setting('lockers.usage_rollup', true) is distinct from 'off')
  execute function usage_slot_session_changed();
create constraint trigger usage_slot_session_delete after delete on storage_session
  deferrable initially deferred for each row
  when (old.deposited_at is not null and current_setting('lockers.usage_rollup', true) is distinct from 'off')
  execute function usage_slot_session_changed();
create constraint trigger usage_slot_payment_insert after insert on payment
  deferrable initially deferred for each row
  when ((new.captured_at is not null or new.refunded_at is not null) and current_setting('lockers.usage_rollup', true) is distinct from 'off')
  execute function usage_slot_payment_changed();
create constraint trigger usage_slot_payment_update after update of session_id, amount, status, captured_at, refunded_at on payment
  deferrable initially deferred for each row
  when ((old.captured_at is not null or old.refunded_at is not null or new.captured_at is not null or new.refunded_at is not null)
        and (old.session_id, old.amount, old.status, old.captured_at, old.refunded_at)
            is distinct from (new.session_id, new.amount, new.status, new.captured_at, new.refunded_at)
        and current_setting('lockers.usage_rollup', true) is distinct from 'off')
  execute function usage_slot_payment_changed();
create constraint trigger usage_slot_payment_delete after delete on payment
  deferrable initially deferred for each row
  when ((old.captured_at is not null or old.refunded_at is not null) and current_setting('lockers.usage_rollup', true) is distinct from 'off')
  execute function usage_slot_payment_changed();

-- For bulk loads (set lockers.usage_rollup = 'off' for the load's transaction) and backfill.
-- (custom plans: a plan cached for one slot's range would be a poor one for all of history)
create function usage_slot_rebuild() returns void language plpgsql volatile
  set plan_cache_mode = force_custom_plan as $$
begin
  -- writers wait at their commit-time refresh, then refresh on top of the rebuilt rows; hours
  -- before slots, the order writers take them in
  lock table usage_hour, usage_slot in exclusive mode;
  delete from usage_slot;
  insert into usage_slot (site_id, slot, deposits, retrievals, retrieval_minutes, revenue, delta, peak, start_level)
  select g.* from usage_segments(array(select id from site), false, '-infinity', 'infinity') g
  union all
  select g.* from usage_segments(array(select id from site), true, '-infinity', 'infinity') g;
  delete from usage_hour;
  insert into usage_hour (site_id, hour, deposits, retrievals, retrieval_minutes, revenue, delta, peak, start_level)
  select g.* from usage_hours(array(select id from site) || '00000000-0000-0000-0000-000000000000'::uuid, '-infinity', 'infinity') g;
end
$$;

`);
    this.addSql(`select usage_slot_rebuild();`);
  }

  override down(): void {
    this.addSql(`
drop trigger usage_slot_session_insert on storage_session;
drop trigger usage_slot_session_update on storage_session;
drop trigger usage_slot_session_delete on storage_session;
drop trigger usage_slot_payment_insert on payment;
drop trigger usage_slot_payment_update on payment;
drop trigger usage_slot_payment_delete on payment;
drop function usage_slot_session_changed(), usage_slot_payment_changed(), usage_slot_refresh_at(uuid, timestamptz[]),
  usage_hour_refresh(uuid, timestamptz), usage_hours(uuid[], timestamptz, timestamptz), usage_slot_refresh(uuid, timestamptz), usage_slot_rebuild(), usage_segments(uuid[], boolean, timestamptz, timestamptz), usage_slot_of(timestamptz);
drop table usage_hour, usage_slot;
drop index storage_session_ended_idx;
drop index payment_captured_any_idx;
`);
  }
}
