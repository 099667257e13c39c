import { Migration } from '@mikro-orm/migrations';

/**
 * A site cut off from the server, as operators see it: which gateways keep a replica (they
 * run the site path and keep opening stored bags while away), how many offline events wait
 * to be replayed, and an index for the outage alerts resolved when the gateway is back.
 */
export class Migration20261205140000SiteOutage extends Migration {
  override up(): Promise<void> {
    this.addSql(`alter table gateway add column site_path_at timestamptz,
      add column offline_events_waiting int not null default 0 check (offline_events_waiting >= 0);`);
    // (alert.resolved_at comes with the alerts' lifecycle, Migration20261205130000AlertLifecycle)
    // the outage alerts still open, found by the rule that resolves them on the gateway's return
    this.addSql(`create index alert_outage_open on alert (gateway_id)
      where resolved_at is null and type in ('GATEWAY_OFFLINE','SITE_OFFLINE');`);
    return Promise.resolve();
  }

  override down(): Promise<void> {
    this.addSql(`drop index alert_outage_open;`);
    this.addSql(`alter table gateway drop column site_path_at, drop column offline_events_waiting;`);
    return Promise.resolve();
  }
}
