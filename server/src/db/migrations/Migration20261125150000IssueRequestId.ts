import { Migration } from '@mikro-orm/migrations';

/** A kiosk retrying `issueAccessCode` after a lost answer names its request, and gets the same session. */
export class Migration20261125150000IssueRequestId extends Migration {
  override up(): void {
    this.addSql(`alter table storage_session add column request_id varchar(64);`);
    this.addSql(
      `create unique index storage_session_request_uq on storage_session (site_id, request_id) where request_id is not null;`,
    );
  }

  override down(): void {
    this.addSql(`alter table storage_session drop column request_id;`);
  }
}
