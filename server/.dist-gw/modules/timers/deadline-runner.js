import { transact } from '../../db/transaction.js';
import { DEADLINE_RULES } from './deadline-rules.js';
import { DEADLINE_ACTIONS } from './deadline-actions.js';
const BATCH = 100;
/**
 * Runs every deadline rule on a timer. Each due row is claimed in its own transaction with
 * FOR UPDATE SKIP LOCKED and the rule re-checked on the claimed row, so concurrent servers
 * split the work and nothing fires twice.
 */
export class DeadlineRunner {
    constructor(em, bus, clock, logger) {
        this.em = em;
        this.bus = bus;
        this.clock = clock;
        this.logger = logger;
    }
    /** One pass over every rule; returns how many deadlines fired. */
    async runOnce() {
        let fired = 0;
        for (const rule of Object.keys(DEADLINE_RULES)) {
            try {
                fired += await this.runRule(rule);
            }
            catch (e) {
                this.logger.error({ err: e, rule }, 'deadline rule failed');
            }
        }
        return fired;
    }
    async runRule(rule) {
        const now = this.clock.now();
        const sql = DEADLINE_RULES[rule];
        const due = await this.em.fork().execute(`${sql} limit ${BATCH}`, [now]);
        let fired = 0;
        for (const { id } of due) {
            const claimed = await transact(this.em, this.bus, async (tx, fx) => {
                const table = rule === 'unlockUnacknowledged' ? 'c' : rule === 'doorLeftOpen' ? 'c' : rule === 'gatewaySilent' ? 'g' : 's';
                const rows = await tx.execute(`${sql} and ${table}.id = ? for update of ${table} skip locked`, [now, id]);
                if (rows.length === 0)
                    return false;
                await DEADLINE_ACTIONS[rule](tx, fx, id, now);
                return true;
            });
            if (claimed)
                fired++;
        }
        return fired;
    }
}
//# sourceMappingURL=deadline-runner.js.map