import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../events/event-bus.js';
import { transact } from '../db/transaction.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../observability/logger.js';
import { DEADLINE_RULES, type DeadlineRule } from './deadline-rules.js';
import { DEADLINE_ACTIONS } from './deadline-actions.js';

const BATCH = 100;

/**
 * Runs every deadline rule on a timer. Each due row is claimed in its own transaction with
 * FOR UPDATE SKIP LOCKED and the rule re-checked on the claimed row, so concurrent servers
 * split the work and nothing fires twice.
 */
export class DeadlineRunner {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** One pass over every rule; returns how many deadlines fired. */
  async runOnce(): Promise<number> {
    let fired = 0;
    for (const rule of Object.keys(DEADLINE_RULES) as DeadlineRule[]) {
      try {
        fired += await this.runRule(rule);
      } catch (e) {
        this.logger.error({ err: e, rule }, 'deadline rule failed');
      }
    }
    return fired;
  }

  private async runRule(rule: DeadlineRule): Promise<number> {
    const now = this.clock.now();
    const sql = DEADLINE_RULES[rule];
    const due = await this.em.fork().execute<{ id: string }[]>(`${sql} limit ${BATCH}`, [now]);
    let fired = 0;
    for (const { id } of due) {
      const claimed = await transact(this.em, this.bus, async (tx, fx) => {
        const table =
          rule === 'unlockUnacknowledged' || rule === 'doorLeftOpen' || rule === 'doorsOfAbsentGateway'
            ? 'c'
            : rule === 'gatewaySilent' || rule === 'gatewayAbsent'
              ? 'g'
              : rule === 'outageOver'
                ? 'a'
                : rule === 'kioskQuiet' || rule === 'kioskHeard'
                  ? 'k'
                  : 's';
        const rows = await tx.execute<{ id: string }[]>(
          `${sql} and ${table}.id = ? for update of ${table} skip locked`,
          [now, id],
        );
        if (rows.length === 0) return false;
        await DEADLINE_ACTIONS[rule](tx, fx, id, now);
        return true;
      });
      if (claimed) fired++;
    }
    return fired;
  }
}
