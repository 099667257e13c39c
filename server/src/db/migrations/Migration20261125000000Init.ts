import { Migration } from '@mikro-orm/migrations';

/**
 * The initial schema. Rules that must hold whatever the code above does live here as
 * constraints: one open session per compartment, one alert per (type, session) for the
 * once-only alerts, non-negative money, unique labels per site.
 */
export class Migration20261125000000Init extends Migration {
  override up(): void {
    this.addSql(`
create table app_user (
  id uuid primary key,
  email varchar(254) not null,
  password_hash text not null,
  role varchar(16) not null check (role in ('ADMIN','OPERATOR','VIEWER')),
  created_at timestamptz not null default now()
);
create unique index app_user_email_uq on app_user (lower(email));

create table site (
  id uuid primary key,
  name varchar(120) not null,
  timezone varchar(64) not null,
  code_lifetime_minutes int not null default 60 check (code_lifetime_minutes > 0),
  deposit_window_seconds int not null default 120 check (deposit_window_seconds > 0),
  left_open_seconds int not null default 120 check (left_open_seconds > 0),
  unlock_ack_timeout_seconds int not null default 10 check (unlock_ack_timeout_seconds > 0),
  gateway_heartbeat_seconds int not null default 30 check (gateway_heartbeat_seconds > 0),
  pulse_ms int not null default 500 check (pulse_ms between 50 and 10000),
  created_at timestamptz not null default now()
);

create table gateway (
  id uuid primary key,
  site_id uuid not null references site(id),
  name varchar(120) not null,
  token_hash char(64) not null unique,
  connected boolean not null default false,
  last_seen_at timestamptz,
  offline_alerted boolean not null default false,
  created_at timestamptz not null default now()
);

create table kiosk (
  id uuid primary key,
  site_id uuid not null references site(id),
  name varchar(120) not null,
  token_hash char(64) not null unique,
  last_seen_at timestamptz,
  created_at timestamptz not null default now()
);

create table api_key (
  id uuid primary key,
  name varchar(120) not null,
  scopes text[] not null,
  secret_hash char(64) not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table locker_bank (
  id uuid primary key,
  site_id uuid not null references site(id),
  gateway_id uuid references gateway(id),
  label varchar(60) not null,
  modbus_endpoint varchar(200) not null,
  created_at timestamptz not null default now(),
  unique (site_id, label)
);

create table compartment (
  id uuid primary key,
  bank_id uuid not null references locker_bank(id),
  site_id uuid not null references site(id),
  label varchar(20) not null,
  size varchar(8) not null check (size in ('SMALL','MEDIUM','LARGE','XLARGE')),
  status varchar(16) not null default 'AVAILABLE' check (status in ('AVAILABLE','RESERVED','OCCUPIED','OUT_OF_SERVICE')),
  door_state varchar(8) not null default 'UNKNOWN' check (door_state in ('OPEN','CLOSED','UNKNOWN')),
  unit_id int not null check (unit_id between 0 and 255),
  coil int not null check (coil between 0 and 65535),
  door_input int not null check (door_input between 0 and 65535),
  door_changed_at timestamptz,
  unlock_expected_until timestamptz,
  left_open_alerted boolean not null default false,
  out_of_service_reason varchar(500),
  version int not null default 1,
  unique (site_id, label),
  unique (bank_id, unit_id, coil)
);
-- allocation reads AVAILABLE compartments of one size at one site
create index compartment_alloc_idx on compartment (site_id, size, label) where status = 'AVAILABLE';
create index compartment_open_door_idx on compartment (door_changed_at) where door_state = 'OPEN' and not left_open_alerted;

create table tariff (
  id uuid primary key,
  site_id uuid not null references site(id),
  size varchar(8) not null check (size in ('SMALL','MEDIUM','LARGE','XLARGE')),
  price int not null check (price >= 0),
  currency char(3) not null,
  included_minutes int not null check (included_minutes > 0),
  overdue_per_hour int not null check (overdue_per_hour >= 0),
  grace_minutes int not null check (grace_minutes >= 0),
  security_alert_after_minutes int not null check (security_alert_after_minutes >= 0),
  unique (site_id, size)
);

create table storage_session (
  id uuid primary key,
  site_id uuid not null references site(id),
  size varchar(8) not null check (size in ('SMALL','MEDIUM','LARGE','XLARGE')),
  status varchar(12) not null check (status in ('CREATED','DEPOSITING','STORED','RETRIEVING','COMPLETED','CANCELLED')),
  compartment_id uuid references compartment(id),
  code_hash char(64) not null unique,
  code_issued_at timestamptz not null,
  contact_email varchar(254),
  contact_phone varchar(32),
  currency char(3) not null,
  price int not null check (price >= 0),
  included_minutes int not null,
  overdue_per_hour int not null check (overdue_per_hour >= 0),
  grace_minutes int not null,
  security_alert_after_minutes int not null,
  intent varchar(8) check (intent in ('DEPOSIT','RETRIEVE','ACCESS')),
  op_started_at timestamptz,
  op_door_opened boolean not null default false,
  created_at timestamptz not null,
  deposited_at timestamptz,
  due_at timestamptz,
  retrieved_at timestamptz,
  ended_at timestamptz,
  access_opens int not null default 0,
  overdue_alerted boolean not null default false,
  security_alerted boolean not null default false,
  reminder_sent boolean not null default false,
  version int not null default 1,
  check (status not in ('DEPOSITING','STORED','RETRIEVING') or compartment_id is not null)
);
-- the database itself refuses a double allocation: one open session per compartment
create unique index storage_session_one_open_per_compartment on storage_session (compartment_id)
  where status in ('DEPOSITING','STORED','RETRIEVING');
create index storage_session_site_status_idx on storage_session (site_id, status, created_at);
create index storage_session_created_idx on storage_session (created_at) where status = 'CREATED';
create index storage_session_op_idx on storage_session (op_started_at) where status in ('DEPOSITING','RETRIEVING');
create index storage_session_due_idx on storage_session (due_at) where status = 'STORED';
create index storage_session_contact_email_idx on storage_session (site_id, lower(contact_email)) where contact_email is not null;
create index storage_session_contact_phone_idx on storage_session (site_id, contact_phone) where contact_phone is not null;
create index storage_session_deposited_idx on storage_session (site_id, deposited_at) where deposited_at is not null;
create index storage_session_retrieved_idx on storage_session (site_id, retrieved_at) where retrieved_at is not null;

create table session_transition (
  id bigserial primary key,
  session_id uuid not null references storage_session(id),
  at timestamptz not null,
  from_status varchar(12),
  to_status varchar(12) not null,
  actor varchar(120) not null,
  reason varchar(500)
);
create index session_transition_session_idx on session_transition (session_id, id);

create table door_event (
  seq bigserial primary key,
  id uuid not null unique,
  at timestamptz not null,
  type varchar(20) not null,
  site_id uuid not null references site(id),
  compartment_id uuid not null references compartment(id),
  session_id uuid references storage_session(id),
  actor varchar(120),
  detail varchar(500)
);
create index door_event_site_seq_idx on door_event (site_id, seq desc);
create index door_event_session_idx on door_event (session_id, seq) where session_id is not null;

create table alert (
  id uuid primary key,
  type varchar(24) not null,
  site_id uuid not null references site(id),
  compartment_id uuid references compartment(id),
  session_id uuid references storage_session(id),
  gateway_id uuid references gateway(id),
  message varchar(500) not null,
  created_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by varchar(120)
);
-- OVERDUE and SECURITY_ESCALATION are raised once per session
create unique index alert_once_per_session on alert (type, session_id)
  where type in ('OVERDUE','SECURITY_ESCALATION');
create index alert_site_open_idx on alert (site_id, created_at desc) where acknowledged_at is null;

create table gateway_command (
  id uuid primary key,
  gateway_id uuid not null references gateway(id),
  compartment_id uuid not null references compartment(id),
  session_id uuid references storage_session(id),
  type varchar(16) not null,
  endpoint varchar(200) not null,
  unit_id int not null,
  coil int not null,
  door_input int not null,
  pulse_ms int not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  acked_at timestamptz,
  result varchar(10) check (result in ('SUCCEEDED','FAILED','EXPIRED')),
  error varchar(500)
);
create index gateway_command_pending_idx on gateway_command (gateway_id, issued_at) where acked_at is null;

create table recovery_code (
  id uuid primary key,
  site_id uuid not null references site(id),
  contact_key varchar(254) not null,
  code_hash char(64) not null,
  expires_at timestamptz not null,
  attempts int not null default 0,
  used_at timestamptz,
  created_at timestamptz not null
);
create index recovery_code_lookup_idx on recovery_code (site_id, contact_key, created_at desc);

create table feedback (
  id uuid primary key,
  session_id uuid not null unique references storage_session(id),
  rating int not null check (rating between 1 and 5),
  comment varchar(2000),
  created_at timestamptz not null
);

create table payment (
  id uuid primary key,
  session_id uuid not null references storage_session(id),
  amount int not null check (amount > 0),
  currency char(3) not null,
  provider varchar(16) not null,
  provider_ref varchar(200),
  client_secret varchar(300),
  status varchar(12) not null check (status in ('PENDING','CAPTURED','DECLINED','CANCELLED','REFUNDED')),
  created_at timestamptz not null,
  captured_at timestamptz,
  unique (provider, provider_ref)
);
create index payment_session_idx on payment (session_id);
create index payment_captured_idx on payment (captured_at) where status = 'CAPTURED';

create table notification (
  id uuid primary key,
  dedupe_key varchar(200) not null unique,
  channel varchar(8) not null check (channel in ('EMAIL','SMS')),
  recipient varchar(254) not null,
  subject varchar(200) not null,
  body text,
  sensitive boolean not null default false,
  session_id uuid references storage_session(id),
  status varchar(8) not null default 'PENDING' check (status in ('PENDING','SENT','FAILED')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_error varchar(500),
  created_at timestamptz not null,
  sent_at timestamptz
);
create index notification_due_idx on notification (next_attempt_at) where status = 'PENDING';
`);
  }

  override down(): void {
    this.addSql(`drop table if exists notification, payment, feedback, recovery_code, gateway_command, alert,
      door_event, session_transition, storage_session, tariff, compartment, locker_bank, api_key, kiosk, gateway, site, app_user cascade;`);
  }
}
