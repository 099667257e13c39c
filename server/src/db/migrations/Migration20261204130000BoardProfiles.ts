import { Migration } from '@mikro-orm/migrations';

/** A bank's board profile (how its relay boards are pulsed and read); null = the generic coil board. */
export class Migration20261204130000BoardProfiles extends Migration {
  override up(): void {
    this.addSql(`alter table locker_bank add column board_profile jsonb;`);
  }

  override down(): void {
    this.addSql(`alter table locker_bank drop column board_profile;`);
  }
}
