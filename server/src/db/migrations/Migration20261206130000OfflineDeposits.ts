import { Migration } from '@mikro-orm/migrations';

/** Sites take free-size deposits while offline: a second kind of offline event and its conflicts. */
export class Migration20261206130000OfflineDeposits extends Migration {
  override up(): Promise<void> {
    this.addSql(`alter table site_offline_event drop constraint site_offline_event_kind_check;`);
    this.addSql(
      `alter table site_offline_event add constraint site_offline_event_kind_check check (kind in ('RETRIEVAL','DEPOSIT'));`,
    );
    this.addSql(`alter table site_offline_event drop constraint site_offline_event_conflict_check;`);
    this.addSql(
      `alter table site_offline_event add constraint site_offline_event_conflict_check check (conflict in ('SESSION_ENDED','CODE_REPLACED','SESSION_BUSY','UNKNOWN_SESSION','COMPARTMENT_TAKEN','CODE_IN_USE'));`,
    );
    return Promise.resolve();
  }

  override down(): Promise<void> {
    this.addSql(`delete from site_offline_event where kind = 'DEPOSIT';`);
    this.addSql(`alter table site_offline_event drop constraint site_offline_event_kind_check;`);
    this.addSql(
      `alter table site_offline_event add constraint site_offline_event_kind_check check (kind in ('RETRIEVAL'));`,
    );
    this.addSql(`alter table site_offline_event drop constraint site_offline_event_conflict_check;`);
    this.addSql(
      `alter table site_offline_event add constraint site_offline_event_conflict_check check (conflict in ('SESSION_ENDED','CODE_REPLACED','SESSION_BUSY','UNKNOWN_SESSION'));`,
    );
    return Promise.resolve();
  }
}
