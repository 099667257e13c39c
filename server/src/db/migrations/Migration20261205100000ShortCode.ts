import { Migration } from '@mikro-orm/migrations';

/**
 * A short code per session for typing at the kiosk, stored as a hash; unique among a site's open
 * sessions (a closed session's code may come round again).
 */
export class Migration20261205100000ShortCode extends Migration {
  override up(): void {
    this.addSql(`alter table storage_session add column short_code_hash text;`);
    this.addSql(
      `create unique index storage_session_open_short_code on storage_session (site_id, short_code_hash)
       where short_code_hash is not null and status in ('CREATED', 'DEPOSITING', 'STORED', 'RETRIEVING');`,
    );
  }

  override down(): void {
    this.addSql(`drop index storage_session_open_short_code;`);
    this.addSql(`alter table storage_session drop column short_code_hash;`);
  }
}
