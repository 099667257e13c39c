import { Migration } from '@mikro-orm/migrations';

/**
 * Alerts with a life: an assignee and a resolution by a named person (or by the condition
 * ending, a gateway back from an outage: resolved_by null, never acknowledged). Their history (notes,
 * assignments, acknowledgement, resolution) is the audit log's entries about the alert.
 */
export class Migration20261205130000AlertLifecycle extends Migration {
  override up(): void {
    this.addSql(`alter table alert
      add column assignee_id uuid references app_user (id) on delete set null,
      add column resolved_at timestamptz,
      add column resolved_by varchar(255),
      add constraint alert_resolved_after_acknowledged
        check (resolved_at is null or acknowledged_at is null or resolved_at >= acknowledged_at);`);
    this.addSql(`create index alert_site_created_idx on alert (site_id, created_at desc);`);
    this.addSql(`create index audit_entry_subject_idx on audit_entry (subject_type, subject_id, id);`);
  }

  override down(): void {
    this.addSql(`drop index audit_entry_subject_idx;`);
    this.addSql(`drop index alert_site_created_idx;`);
    this.addSql(`alter table alert drop constraint alert_resolved_after_acknowledged,
      drop column resolved_by, drop column resolved_at, drop column assignee_id;`);
  }
}
