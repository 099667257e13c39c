import pg from 'pg';
import type { Logger } from '../observability/logger.js';

/**
 * One leader among the instances on a database, by a session-level advisory lock held on a
 * connection of its own: while that connection lives the leader keeps the lock; when its
 * process dies or the connection breaks, PostgreSQL releases it and another instance takes it
 * at its next try (every `retryMs`). Work that needs one runner, not one per instance, asks
 * `isLeader` before each pass, so the idle load does not grow with the instance count.
 */
export class Leadership {
  private client: pg.Client | null = null;
  private leader = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly key: number,
    private readonly logger: Logger,
    private readonly retryMs = 2000,
    private readonly onChange: (leader: boolean) => void = () => {},
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  /** Tries at once, then every `retryMs` while another instance leads. */
  async start(): Promise<void> {
    await this.tryOnce();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.setLeader(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {}); // closing the session releases the lock
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tryOnce().finally(() => this.schedule()), this.retryMs);
  }

  private async tryOnce(): Promise<void> {
    if (this.leader || this.stopped) return;
    try {
      if (!this.client) {
        const client = new pg.Client({
          connectionString: this.databaseUrl,
          application_name: 'lockers-leader',
          keepAlive: true,
        });
        client.on('error', (err) => {
          this.logger.warn({ err: { message: err.message } }, 'leader connection lost');
          this.client = null;
          this.setLeader(false);
          void client.end().catch(() => {});
        });
        await client.connect();
        this.client = client;
      }
      const { rows } = await this.client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock($1) as locked',
        [this.key],
      );
      this.setLeader(rows[0]?.locked === true);
    } catch (err) {
      this.logger.warn({ err: { message: (err as Error).message } }, 'leader election failed');
      await this.client?.end().catch(() => {});
      this.client = null;
      this.setLeader(false);
    }
  }

  private setLeader(leader: boolean): void {
    if (leader === this.leader) return;
    this.leader = leader;
    this.logger.info(
      { leader },
      leader ? 'timer leader: this instance runs the clock-driven rules' : 'no longer the timer leader',
    );
    this.onChange(leader);
  }
}
