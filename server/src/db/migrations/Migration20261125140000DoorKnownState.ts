import { Migration } from '@mikro-orm/migrations';

/**
 * A sensor that cannot be read reports UNKNOWN; the door's last real reading is kept apart,
 * so OPEN -> UNKNOWN -> CLOSED still closes a deposit. Sites may cap ACCESS openings.
 */
export class Migration20261125140000DoorKnownState extends Migration {
  override up(): void {
    this.addSql(
      `alter table compartment add column last_known_door_state varchar(8) check (last_known_door_state in ('OPEN','CLOSED'));`,
    );
    this.addSql(
      `update compartment set last_known_door_state = door_state where door_state in ('OPEN','CLOSED');`,
    );
    this.addSql(
      `alter table site add column access_opens_per_session int check (access_opens_per_session >= 0);`,
    );
  }

  override down(): void {
    this.addSql(`alter table compartment drop column last_known_door_state;`);
    this.addSql(`alter table site drop column access_opens_per_session;`);
  }
}
