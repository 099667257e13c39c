import { Migration } from '@mikro-orm/migrations';

/** Where a traveller gets help at a site: the operator's phone number and opening hours. */
export class Migration20261206100000SiteHelp extends Migration {
  override up(): Promise<void> {
    this.addSql(`alter table site add column help_phone text, add column help_hours text;`);
    return Promise.resolve();
  }

  override down(): Promise<void> {
    this.addSql(`alter table site drop column help_phone, drop column help_hours;`);
    return Promise.resolve();
  }
}
