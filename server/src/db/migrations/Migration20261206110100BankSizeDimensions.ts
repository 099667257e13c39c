import { Migration } from '@mikro-orm/migrations';

/**
 * The size guide: each bank's inside dimensions per compartment size, in whole centimetres
 * (`{"SMALL": {"w": 40, "h": 30, "d": 50}}`), set by an admin; travellers see them when picking a size.
 */
export class Migration20261206110100BankSizeDimensions extends Migration {
  override up(): void {
    this.addSql(`alter table locker_bank add column size_dimensions jsonb not null default '{}'
      constraint locker_bank_size_dimensions_object check (jsonb_typeof(size_dimensions) = 'object');`);
  }

  override down(): void {
    this.addSql(`alter table locker_bank drop column size_dimensions;`);
  }
}
