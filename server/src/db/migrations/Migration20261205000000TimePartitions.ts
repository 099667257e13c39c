import { Migration } from '@mikro-orm/migrations';

/** A table that only grows, partitioned by month of `key` (UTC) from this migration on. */
interface GrowingTable {
  table: string;
  key: string;
  /** The bigserial sequence that must survive the old table, if any. */
  sequence?: { name: string; column: string };
  /** Keys, foreign keys and indexes, created on the partitioned table (and so on every partition). */
  constraints: string[];
}

/**
 * Every key of a partitioned table must hold the partition key, so primary and unique keys
 * gain the timestamp; ids stay unique in practice (uuids, sequences) and every lookup by id
 * still uses the key's index. Where uniqueness across time is a rule (one message per dedupe
 * key) it moves to a small table of its own, `notification_key`.
 */
const TABLES: GrowingTable[] = [
  {
    table: 'door_event',
    key: 'at',
    sequence: { name: 'door_event_seq_seq', column: 'seq' },
    constraints: [
      `alter table door_event add primary key (seq, at), add unique (id, at),
         add foreign key (site_id) references site(id), add foreign key (compartment_id) references compartment(id),
         add foreign key (session_id) references storage_session(id)`,
      `create index door_event_site_seq_idx on door_event (site_id, seq desc)`,
      `create index door_event_session_idx on door_event (session_id, seq) where session_id is not null`,
    ],
  },
  {
    table: 'session_transition',
    key: 'at',
    sequence: { name: 'session_transition_id_seq', column: 'id' },
    constraints: [
      `alter table session_transition add primary key (id, at), add foreign key (session_id) references storage_session(id)`,
      `create index session_transition_session_idx on session_transition (session_id, id)`,
    ],
  },
  {
    table: 'compartment_transition',
    key: 'at',
    sequence: { name: 'compartment_transition_id_seq', column: 'id' },
    constraints: [
      `alter table compartment_transition add primary key (id, at),
         add foreign key (compartment_id) references compartment(id) on delete cascade`,
      `create index compartment_transition_compartment_idx on compartment_transition (compartment_id, id)`,
    ],
  },
  {
    table: 'notification',
    key: 'created_at',
    constraints: [
      `alter table notification add primary key (id, created_at), add foreign key (session_id) references storage_session(id)`,
      `create index notification_due_idx on notification (next_attempt_at) where status = 'PENDING'`,
      `create index notification_unqueued_idx on notification (created_at) where status = 'PENDING' and enqueued_at is null`,
    ],
  },
  {
    table: 'webhook_delivery',
    key: 'created_at',
    constraints: [
      // an event's deliveries share its time: (endpoint, event) stays one delivery
      `alter table webhook_delivery add primary key (id, created_at), add unique (endpoint_id, event_id, created_at),
         add foreign key (endpoint_id) references webhook_endpoint(id)`,
      `create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc)`,
      `create index webhook_delivery_unqueued_idx on webhook_delivery (created_at) where status = 'PENDING' and enqueued_at is null`,
    ],
  },
  {
    // no foreign key to webhook_delivery: a partition referenced from another table cannot be
    // dropped; attempts follow their deliveries' retention by their own time
    table: 'webhook_attempt',
    key: 'at',
    sequence: { name: 'webhook_attempt_id_seq', column: 'id' },
    constraints: [
      `alter table webhook_attempt add primary key (id, at)`,
      `create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id)`,
    ],
  },
];

/** Months created ahead at migration time; the timer leader keeps it so from then on. */
const AHEAD = `interval '3 months'`;

function convert(t: GrowingTable): string[] {
  const old = `${t.table}_unpartitioned`;
  return [
    `alter table ${t.table} rename to ${old}`,
    `create table ${t.table} (like ${old} including defaults including constraints) partition by range (${t.key})`,
    // rows outside every month partition (a clock far off) land here rather than fail
    `create table ${t.table}_default partition of ${t.table} default`,
    `select time_partitions_ensure('${t.table}', coalesce((select min(${t.key}) from ${old}), now()), now() + ${AHEAD})`,
    `insert into ${t.table} select * from ${old}`,
    ...(t.sequence ? [`alter sequence ${t.sequence.name} owned by none`] : []),
    `drop table ${old} cascade`,
    ...(t.sequence ? [`alter sequence ${t.sequence.name} owned by ${t.table}.${t.sequence.column}`] : []),
    ...t.constraints,
  ];
}

/**
 * The tables that grow without bound (door events, session and compartment transitions,
 * notifications, webhook deliveries and attempts) become range-partitioned by month of their
 * time column, so retention drops whole months (`time_partitions_drop_before`) instead of
 * deleting rows. `time_partitions_ensure` creates the months ahead; the timer leader calls
 * both (`PartitionMaintenance`). Reports read `storage_session`, `payment` and the usage
 * rollup, none of these tables, so retention changes no report.
 */
export class Migration20261205000000TimePartitions extends Migration {
  override up(): void {
    this.addSql(`
-- month partitions <table>_pYYYYMM (UTC months) covering [p_from, p_to); rows of such a month
-- already in <table>_default move into its new partition. Returns how many were created.
create function time_partitions_ensure(p_table text, p_from timestamptz, p_to timestamptz) returns int
language plpgsql volatile as $$
declare
  v_key text;
  v_month timestamp := date_trunc('month', p_from at time zone 'UTC');
  v_lo timestamptz;
  v_hi timestamptz;
  v_name text;
  v_made int := 0;
begin
  select a.attname into strict v_key
  from pg_partitioned_table pt join pg_attribute a on a.attrelid = pt.partrelid and a.attnum = pt.partattrs[0]
  where pt.partrelid = p_table::regclass;
  while (v_month at time zone 'UTC') < p_to loop
    v_lo := v_month at time zone 'UTC';
    v_hi := (v_month + interval '1 month') at time zone 'UTC';
    v_name := p_table || '_p' || to_char(v_month, 'YYYYMM');
    if to_regclass(v_name) is null then
      execute format('create table %I (like %I including defaults including constraints)', v_name, p_table);
      if to_regclass(p_table || '_default') is not null then
        execute format('with moved as (delete from %I where %I >= $1 and %I < $2 returning *) insert into %I select * from moved',
                       p_table || '_default', v_key, v_key, v_name) using v_lo, v_hi;
      end if;
      -- attaching creates the table's keys and indexes on the new partition
      execute format('alter table %I attach partition %I for values from (%L) to (%L)', p_table, v_name, v_lo, v_hi);
      v_made := v_made + 1;
    end if;
    v_month := v_month + interval '1 month';
  end loop;
  return v_made;
end
$$;

-- drops the month partitions of p_table that end at or before p_before, and deletes older rows
-- from its default partition. Returns how many partitions were dropped.
create function time_partitions_drop_before(p_table text, p_before timestamptz) returns int
language plpgsql volatile as $$
declare
  v_key text;
  v_child record;
  v_dropped int := 0;
begin
  select a.attname into strict v_key
  from pg_partitioned_table pt join pg_attribute a on a.attrelid = pt.partrelid and a.attnum = pt.partattrs[0]
  where pt.partrelid = p_table::regclass;
  for v_child in
    select c.relname, (to_date(right(c.relname, 6) || '01', 'YYYYMMDD')::timestamp + interval '1 month') at time zone 'UTC' as hi
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = p_table::regclass and c.relname ~ ('^' || p_table || '_p[0-9]{6}$')
    order by 2
  loop
    exit when v_child.hi > p_before;
    execute format('drop table %I', v_child.relname);
    v_dropped := v_dropped + 1;
  end loop;
  if to_regclass(p_table || '_default') is not null then
    execute format('delete from %I where %I < $1', p_table || '_default', v_key) using p_before;
  end if;
  return v_dropped;
end
$$;

-- one message per dedupe key, across every partition of notification
create table notification_key (
  dedupe_key varchar(200) primary key,
  created_at timestamptz not null
);
insert into notification_key (dedupe_key, created_at) select dedupe_key, created_at from notification;
create index notification_key_created_idx on notification_key (created_at);
`);
    for (const t of TABLES) for (const sql of convert(t)) this.addSql(`${sql};`);
  }
}
