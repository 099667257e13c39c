import { Migration } from '@mikro-orm/migrations';

/**
 * A compartment whose contents are in doubt is NEEDS_INSPECTION (never allocated) until
 * staff record an inspection; every compartment status change is kept with its cause.
 */
export class Migration20261204100100CompartmentInspection extends Migration {
  override up(): void {
    this.addSql(`alter table compartment drop constraint if exists compartment_status_check;`);
    this.addSql(
      `alter table compartment add constraint compartment_status_check check (status in ('AVAILABLE','RESERVED','OCCUPIED','OUT_OF_SERVICE','NEEDS_INSPECTION'));`,
    );
    this.addSql(`alter table compartment add column inspection_reason varchar(500);`);
    this.addSql(`create table compartment_transition (
  id bigserial primary key,
  compartment_id uuid not null references compartment(id) on delete cascade,
  at timestamptz not null,
  from_status varchar(16) not null,
  to_status varchar(16) not null,
  trigger varchar(32) not null,
  actor varchar(200) not null,
  reason varchar(500),
  inspection_outcome varchar(16) check (inspection_outcome in ('EMPTY','ITEM_FOUND','OUT_OF_SERVICE'))
);`);
    this.addSql(
      `create index compartment_transition_compartment_idx on compartment_transition (compartment_id, id);`,
    );
  }

  override down(): void {
    this.addSql(`drop table compartment_transition;`);
    this.addSql(
      `update compartment set status = 'OUT_OF_SERVICE', out_of_service_reason = inspection_reason where status = 'NEEDS_INSPECTION';`,
    );
    this.addSql(`alter table compartment drop column inspection_reason;`);
    this.addSql(`alter table compartment drop constraint compartment_status_check;`);
    this.addSql(
      `alter table compartment add constraint compartment_status_check check (status in ('AVAILABLE','RESERVED','OCCUPIED','OUT_OF_SERVICE'));`,
    );
  }
}
