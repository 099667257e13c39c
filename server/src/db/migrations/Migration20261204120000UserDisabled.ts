import { Migration } from '@mikro-orm/migrations';

/** A person's account can be deactivated: sign-in refused, existing tokens and connections revoked. */
export class Migration20261204120000UserDisabled extends Migration {
  override up(): void {
    this.addSql(`alter table app_user add column disabled_at timestamptz;`);
  }

  override down(): void {
    this.addSql(`alter table app_user drop column disabled_at;`);
  }
}
