import { Migration } from '@mikro-orm/migrations';

/**
 * A gateway may hold more than one command subscription (a restart overlapping the old
 * process, or two servers behind a load balancer), so presence is a count, not a flag.
 */
export class Migration20261125130000GatewayConnections extends Migration {
  override up(): void {
    this.addSql(
      `alter table gateway add column connections int not null default 0 check (connections >= 0);`,
    );
    this.addSql(`alter table gateway drop column connected;`);
  }

  override down(): void {
    this.addSql(`alter table gateway add column connected boolean not null default false;`);
    this.addSql(`alter table gateway drop column connections;`);
  }
}
