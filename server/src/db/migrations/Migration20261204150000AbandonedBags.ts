import { Migration } from '@mikro-orm/migrations';

/**
 * Abandoned bags: a site's retention past the overdue point, and the recorded facts of an
 * abandoned session (marked, removed to lost property, claimed back or disposed of).
 */
export class Migration20261204150000AbandonedBags extends Migration {
  override up(): Promise<void> {
    this.addSql(`alter table site add column abandon_after_days int not null default 7;`);
    this.addSql(`alter table storage_session
      add column abandoned_at timestamptz,
      add column removed_at timestamptz,
      add column removed_by text,
      add column removed_to text,
      add column lost_property_ref text,
      add column removed_from_compartment_id uuid,
      add column claimed_at timestamptz,
      add column claimed_by text,
      add column disposed_at timestamptz,
      add column disposed_by text,
      add column disposal_method text;`);
    // a removed bag's session stays STORED (claimable) but holds no compartment any more
    this.addSql(`alter table storage_session drop constraint storage_session_check;`);
    this.addSql(`alter table storage_session add constraint storage_session_check
      check (status not in ('DEPOSITING','STORED','RETRIEVING') or compartment_id is not null or removed_at is not null);`);
    this.addSql(`create unique index alert_abandoned_once on alert (session_id) where type = 'ABANDONED';`);
    return Promise.resolve();
  }

  override down(): Promise<void> {
    this.addSql(`drop index alert_abandoned_once;`);
    this.addSql(`alter table storage_session drop constraint storage_session_check;`);
    this.addSql(`alter table storage_session add constraint storage_session_check
      check (status not in ('DEPOSITING','STORED','RETRIEVING') or compartment_id is not null);`);
    this
      .addSql(`alter table storage_session drop column abandoned_at, drop column removed_at, drop column removed_by, drop column removed_to,
      drop column lost_property_ref, drop column removed_from_compartment_id, drop column claimed_at, drop column claimed_by,
      drop column disposed_at, drop column disposed_by, drop column disposal_method;`);
    this.addSql(`alter table site drop column abandon_after_days;`);
    return Promise.resolve();
  }
}
