import { Migration } from '@mikro-orm/migrations';

/**
 * What the hardware did is judged by evidence: an unlock whose outcome is not known is
 * UNCERTAIN (not failed), and each controller's link as the gateway last reported it
 * (up since when, last good read) tells the timers whether a door's readings cover the
 * time they judge.
 */
export class Migration20261204100000FieldSafety extends Migration {
  override up(): void {
    this.addSql(`alter table gateway_command drop constraint if exists gateway_command_result_check;`);
    this.addSql(
      `alter table gateway_command add constraint gateway_command_result_check check (result in ('SUCCEEDED','FAILED','EXPIRED','UNCERTAIN'));`,
    );
    this.addSql(`alter table gateway add column absent_announced boolean not null default false;`);
    this.addSql(`create table gateway_controller (
  gateway_id uuid not null references gateway(id) on delete cascade,
  endpoint varchar(300) not null,
  up boolean not null,
  since timestamptz not null,
  last_good_read_at timestamptz,
  error varchar(500),
  reported_at timestamptz not null,
  primary key (gateway_id, endpoint)
);`);
  }

  override down(): void {
    this.addSql(`drop table gateway_controller;`);
    this.addSql(`alter table gateway drop column absent_announced;`);
    this.addSql(`alter table gateway_command drop constraint gateway_command_result_check;`);
    this.addSql(
      `alter table gateway_command add constraint gateway_command_result_check check (result in ('SUCCEEDED','FAILED','EXPIRED'));`,
    );
  }
}
