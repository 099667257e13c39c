import { ALL_SITES } from '../events/event-bus.js';
/**
 * What a state change announces. Collected inside the transaction and published only after
 * it commits, so no subscriber ever sees a change that was rolled back. Payloads are built
 * after the commit, when versions and generated values are final.
 */
export class Effects {
    constructor() {
        this.publications = [];
        this.afterCommit = [];
    }
    publish(topic, key, payload) {
        this.publications.push({ topic, key, payload });
    }
    onCommit(fn) {
        this.afterCommit.push(fn);
    }
    /** @internal called by `transact` after the commit */
    async flush(bus) {
        for (const p of this.publications) {
            const payload = p.payload();
            const publish = bus.publish;
            publish(p.topic, p.key, payload);
            if (p.topic !== 'SESSION_UPDATED' && p.topic !== 'GATEWAY_COMMAND')
                publish(p.topic, ALL_SITES, payload);
        }
        for (const fn of this.afterCommit)
            await fn();
    }
}
/** One transaction per state change, on a fresh fork, with its announcements after the commit. */
export async function transact(em, bus, work) {
    const effects = new Effects();
    const result = await em.fork().transactional((tx) => work(tx, effects));
    await effects.flush(bus);
    return result;
}
//# sourceMappingURL=transaction.js.map