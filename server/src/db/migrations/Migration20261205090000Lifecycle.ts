import { Migration } from '@mikro-orm/migrations';

/**
 * Lifecycle of what an operator sets up: a person's tokens carry a version that edits and
 * sign-outs bump; a device token can be revoked (no hash) or rotated with the old one valid
 * for a short grace; sites, banks, tariffs and compartments can be retired.
 */
export class Migration20261205090000Lifecycle extends Migration {
  override up(): void {
    this.addSql(`alter table app_user add column token_version int not null default 0;`);
    this.addSql(`alter table app_user add column name varchar(120);`);
    for (const table of ['kiosk', 'gateway']) {
      this.addSql(`alter table ${table} alter column token_hash drop not null;`);
      this.addSql(`alter table ${table} add column previous_token_hash char(64);`);
      this.addSql(`alter table ${table} add column previous_token_until timestamptz;`);
      this.addSql(
        `create index ${table}_previous_token_idx on ${table} (previous_token_hash) where previous_token_hash is not null;`,
      );
    }
    this.addSql(`alter table site add column retired_at timestamptz;`);
    this.addSql(`alter table locker_bank add column retired_at timestamptz;`);
    this.addSql(`alter table tariff add column retired_at timestamptz;`);
    this.addSql(`alter table compartment drop constraint if exists compartment_status_check;`);
    this.addSql(
      `alter table compartment add constraint compartment_status_check check (status in ('AVAILABLE','RESERVED','OCCUPIED','OUT_OF_SERVICE','NEEDS_INSPECTION','RETIRED'));`,
    );
  }

  override down(): void {
    this.addSql(`alter table compartment drop constraint if exists compartment_status_check;`);
    this.addSql(
      `alter table compartment add constraint compartment_status_check check (status in ('AVAILABLE','RESERVED','OCCUPIED','OUT_OF_SERVICE','NEEDS_INSPECTION'));`,
    );
    this.addSql(`alter table tariff drop column retired_at;`);
    this.addSql(`alter table locker_bank drop column retired_at;`);
    this.addSql(`alter table site drop column retired_at;`);
    for (const table of ['kiosk', 'gateway']) {
      this.addSql(`alter table ${table} drop column previous_token_until;`);
      this.addSql(`alter table ${table} drop column previous_token_hash;`);
    }
    this.addSql(`alter table app_user drop column name;`);
    this.addSql(`alter table app_user drop column token_version;`);
  }
}
