import { Migration } from '@mikro-orm/migrations';

/** Events a site took while cut off from the server, replayed once each by its gateway. */
export class Migration20261205100000SiteOfflineEvents extends Migration {
  override up(): Promise<void> {
    this.addSql(`create table site_offline_event (
      id uuid primary key,
      gateway_id uuid not null references gateway(id),
      site_id uuid not null references site(id),
      seq int not null check (seq >= 0),
      kind text not null check (kind in ('RETRIEVAL')),
      session_id uuid,
      compartment_id uuid,
      pulse_result text not null check (pulse_result in ('SUCCEEDED','FAILED','UNCERTAIN')),
      occurred_at timestamptz not null,
      received_at timestamptz not null,
      outcome text not null check (outcome in ('APPLIED','APPLIED_WITH_CONFLICT','NOT_OPENED')),
      conflict text check (conflict in ('SESSION_ENDED','CODE_REPLACED','SESSION_BUSY','UNKNOWN_SESSION'))
    );`);
    // one place in a gateway's journal is one event: a replay with another id for it is refused
    this.addSql(`create unique index site_offline_event_seq on site_offline_event (gateway_id, seq);`);
    this.addSql(`create index site_offline_event_site on site_offline_event (site_id, occurred_at desc);`);
    return Promise.resolve();
  }

  override down(): Promise<void> {
    this.addSql(`drop table site_offline_event;`);
    return Promise.resolve();
  }
}
