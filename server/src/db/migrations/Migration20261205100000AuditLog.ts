import { Migration } from '@mikro-orm/migrations';

/** The audit log: every change by a person, device, key or rule, with the actor's name then. */
export class Migration20261205100000AuditLog extends Migration {
  override up(): void {
    this.addSql(`create table audit_entry (
      id bigserial primary key,
      at timestamptz not null default now(),
      site_id uuid,
      actor_kind varchar(16) not null check (actor_kind in ('user','kiosk','gateway','apiKey','rule','public')),
      actor_id varchar(255),
      actor_name varchar(255) not null,
      action varchar(64) not null,
      subject_type varchar(32) not null,
      subject_id varchar(255),
      summary text not null,
      before jsonb,
      after jsonb
    );`);
    this.addSql(`create index audit_entry_at_idx on audit_entry (at desc, id desc);`);
    this.addSql(`create index audit_entry_site_at_idx on audit_entry (site_id, at desc);`);
  }

  override down(): void {
    this.addSql(`drop table audit_entry;`);
  }
}
