import { Migration } from '@mikro-orm/migrations';

/**
 * A site's name per language (`{"de": "Hauptbahnhof"}`), shown on the kiosk, the phone page and in
 * the depositor's messages in their language; a language without one uses `site.name`.
 */
export class Migration20261206110200SiteLocalNames extends Migration {
  override up(): void {
    this.addSql(`alter table site add column local_names jsonb not null default '{}'
      constraint site_local_names_object check (jsonb_typeof(local_names) = 'object');`);
  }

  override down(): void {
    this.addSql(`alter table site drop column local_names;`);
  }
}
