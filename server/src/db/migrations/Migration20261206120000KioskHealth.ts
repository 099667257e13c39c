import { Migration } from '@mikro-orm/migrations';

/**
 * Kiosk health on the board: the app version a kiosk last reported, whether its current quiet
 * spell has been alerted (cleared when it is heard again), and the kiosk an alert is about.
 */
export class Migration20261206120000KioskHealth extends Migration {
  override up(): Promise<void> {
    this.addSql(`alter table kiosk add column app_version varchar(32),
      add column quiet_alerted boolean not null default false;`);
    this.addSql(`alter table alert add column kiosk_id uuid;`);
    // the quiet-kiosk alerts still open, found by the rule that resolves them when it is heard again
    this.addSql(`create index alert_kiosk_quiet_open on alert (kiosk_id)
      where resolved_at is null and type = 'KIOSK_QUIET';`);
    return Promise.resolve();
  }

  override down(): Promise<void> {
    this.addSql(`drop index alert_kiosk_quiet_open;`);
    this.addSql(`alter table alert drop column kiosk_id;`);
    this.addSql(`alter table kiosk drop column app_version, drop column quiet_alerted;`);
    return Promise.resolve();
  }
}
