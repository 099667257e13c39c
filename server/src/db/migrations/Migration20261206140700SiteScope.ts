import { Migration } from '@mikro-orm/migrations';

/**
 * Per-site rights: a person or an API key is limited to a list of sites, or (null, what every
 * existing one keeps) to none. An ADMIN is always all sites, and a list is never empty.
 */
export class Migration20261206140700SiteScope extends Migration {
  override up(): Promise<void> {
    this.addSql(`alter table app_user add column site_ids text[] null;`);
    this.addSql(
      `alter table app_user add constraint app_user_site_ids_check check (site_ids is null or (role <> 'ADMIN' and cardinality(site_ids) > 0));`,
    );
    this.addSql(`alter table api_key add column site_ids text[] null;`);
    this.addSql(
      `alter table api_key add constraint api_key_site_ids_check check (site_ids is null or cardinality(site_ids) > 0);`,
    );
    return Promise.resolve();
  }

  override down(): Promise<void> {
    this.addSql(`alter table api_key drop column site_ids;`);
    this.addSql(`alter table app_user drop column site_ids;`);
    return Promise.resolve();
  }
}
