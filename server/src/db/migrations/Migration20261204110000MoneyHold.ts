import { Migration } from '@mikro-orm/migrations';

/**
 * Hold before charge and refunds that say what they do.
 * - A CREATED session may hold a compartment while its payment is made (`hold_until` ends an
 *   unpaid hold); the database refuses two holds on one compartment, as it refuses two open sessions.
 * - A refund records its effect on the amount due (the fee waived, or the charge cancelled and
 *   due again), whether the system made it, and when the provider confirmed it (automatic refunds
 *   are recorded with the change that causes them and sent to the provider after the commit).
 * - A provider's events are applied by their time: a stale event never overrides a newer one.
 * - A notification that only went to the log is LOGGED, not SENT.
 */
export class Migration20261204110000MoneyHold extends Migration {
  override up(): void {
    this.addSql(`
alter table site add column payment_window_seconds int not null default 300 check (payment_window_seconds between 30 and 3600);
alter table storage_session add column hold_until timestamptz;
create unique index storage_session_one_hold_per_compartment on storage_session (compartment_id)
  where status = 'CREATED' and compartment_id is not null;
create index storage_session_hold_idx on storage_session (hold_until) where status = 'CREATED' and hold_until is not null;

alter table payment add column refund_effect varchar(16) check (refund_effect in ('WAIVE_FEE','CANCEL_CHARGE'));
alter table payment add column refund_automatic boolean not null default false;
alter table payment add column refund_sent_at timestamptz;
alter table payment add column provider_event_at timestamptz;
update payment set refund_effect = 'CANCEL_CHARGE', refund_sent_at = refunded_at where status = 'REFUNDED';
create index payment_refund_unsent_idx on payment (refunded_at) where status = 'REFUNDED' and refund_sent_at is null;

alter table notification drop constraint if exists notification_status_check;
alter table notification add constraint notification_status_check check (status in ('PENDING','SENT','FAILED','LOGGED'));
`);
  }
}
