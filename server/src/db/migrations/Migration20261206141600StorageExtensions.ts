import { Migration } from '@mikro-orm/migrations';

/**
 * A depositor buys more time: a payment has a kind (FEE: towards the session's price and overdue
 * fee; EXTENSION: more storage time, never towards the fee) and an extension its minutes. A
 * session keeps the overdue fee run up before its due time last moved, which the new due time
 * no longer counts. The once-per-session OVERDUE and SECURITY_ESCALATION alerts become once per
 * spell: an extension resolves them, and a session late again after it is reported again.
 */
export class Migration20261206141600StorageExtensions extends Migration {
  override up(): Promise<void> {
    this.addSql(`alter table payment add column kind varchar(20) not null default 'FEE';`);
    this.addSql(`alter table payment add column extension_minutes integer;`);
    this.addSql(`alter table payment add constraint payment_kind_check check (kind in ('FEE','EXTENSION'));`);
    this.addSql(
      `alter table payment add constraint payment_extension_minutes_check check ((kind = 'EXTENSION') = (extension_minutes is not null and extension_minutes > 0));`,
    );
    this.addSql(
      `alter table storage_session add column earlier_overdue_fee integer not null default 0 check (earlier_overdue_fee >= 0);`,
    );
    this.addSql(`drop index alert_once_per_session;`);
    this.addSql(
      `create unique index alert_once_per_session on alert (type, session_id) where type in ('OVERDUE','SECURITY_ESCALATION') and resolved_at is null;`,
    );
    return Promise.resolve();
  }

  override down(): Promise<void> {
    this.addSql(`drop index alert_once_per_session;`);
    this.addSql(
      `create unique index alert_once_per_session on alert (type, session_id) where type in ('OVERDUE','SECURITY_ESCALATION');`,
    );
    this.addSql(`alter table storage_session drop column earlier_overdue_fee;`);
    this.addSql(`alter table payment drop constraint payment_extension_minutes_check;`);
    this.addSql(`alter table payment drop constraint payment_kind_check;`);
    this.addSql(`alter table payment drop column extension_minutes;`);
    this.addSql(`alter table payment drop column kind;`);
    return Promise.resolve();
  }
}
