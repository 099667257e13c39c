import { Migration } from '@mikro-orm/migrations';

/**
 * Integrations: outbound webhooks (endpoints, one delivery per event and endpoint, every
 * attempt kept), refunds, and the outbox's hand-over to the job queue (`enqueued_at`).
 */
export class Migration20261125120000Integrations extends Migration {
  override up(): void {
    this.addSql(`
alter table notification add column enqueued_at timestamptz;
create index notification_unqueued_idx on notification (created_at) where status = 'PENDING' and enqueued_at is null;

alter table payment add column refunded_at timestamptz, add column refund_reason varchar(500), add column refunded_by varchar(120);
create index payment_refunded_idx on payment (refunded_at) where status = 'REFUNDED';

create table webhook_endpoint (
  id uuid primary key,
  url varchar(2000) not null,
  description varchar(200),
  events text[] not null check (cardinality(events) > 0),
  -- AES-256-GCM under a key derived from AUTH_SECRET: the server must sign with it, so it cannot be a hash
  secret_encrypted text not null,
  created_at timestamptz not null,
  created_by varchar(120) not null,
  deleted_at timestamptz
);

create table webhook_delivery (
  id uuid primary key,
  endpoint_id uuid not null references webhook_endpoint(id),
  event_id uuid not null,
  event varchar(40) not null,
  body text not null,
  status varchar(10) not null default 'PENDING' check (status in ('PENDING','DELIVERED','FAILED')),
  attempts int not null default 0,
  last_status_code int,
  last_error varchar(500),
  created_at timestamptz not null,
  enqueued_at timestamptz,
  delivered_at timestamptz,
  unique (endpoint_id, event_id)
);
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc);
create index webhook_delivery_unqueued_idx on webhook_delivery (created_at) where status = 'PENDING' and enqueued_at is null;

create table webhook_attempt (
  id bigserial primary key,
  delivery_id uuid not null references webhook_delivery(id),
  at timestamptz not null,
  status_code int,
  error varchar(500),
  duration_ms int not null
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id);
`);
  }

  override down(): void {
    this.addSql(`drop table if exists webhook_attempt, webhook_delivery, webhook_endpoint;
      alter table payment drop column refunded_at, drop column refund_reason, drop column refunded_by;
      alter table notification drop column enqueued_at;`);
  }
}
