import { DeadlockException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus, Topics } from '../events/event-bus.js';
import { ALL_SITES } from '../events/event-bus.js';
import { writeAppendedRows, type AppendedRow } from './appended-rows.js';

type Publication = {
  [K in keyof Topics]: { topic: K; key: Topics[K][0]; payload: () => Topics[K][1] };
}[keyof Topics];

/**
 * What a state change announces. Collected inside the transaction and published only after
 * it commits, so no subscriber ever sees a change that was rolled back. Payloads are built
 * after the commit, when versions and generated values are final.
 */
export class Effects {
  private readonly publications: Publication[] = [];
  private readonly afterCommit: Array<() => void | Promise<void>> = [];
  private readonly beforeCommit: Array<(tx: EntityManager) => Promise<void>> = [];
  private readonly appended: AppendedRow[] = [];

  publish<K extends keyof Topics>(topic: K, key: Topics[K][0], payload: () => Topics[K][1]): void {
    this.publications.push({ topic, key, payload } as Publication);
  }

  onCommit(fn: () => void | Promise<void>): void {
    this.afterCommit.push(fn);
  }

  /**
   * Work that must commit with the change but is declared where no `await` fits (e.g. an
   * outbox row for a webhook, from a synchronous helper): runs last inside the transaction.
   */
  inTransaction(fn: (tx: EntityManager) => Promise<void>): void {
    this.beforeCommit.push(fn);
  }

  /**
   * A row this transaction only adds and never reads back (a door event, a gateway command,
   * an audit-trail step): written with the others in one statement before the commit
   * (`appended-rows.ts`), after everything it refers to. Returns the row, whose generated key
   * is set by the time announcements are built.
   */
  append<T extends AppendedRow>(entity: new () => T, fields: Partial<T>): T {
    const row = Object.assign(new entity(), fields);
    this.appended.push(row);
    return row;
  }

  /**
   * Writes what the work left pending: its `inTransaction` work, then its changes and appended
   * rows (in one statement where they can be, `appended-rows.ts`). `transact` calls it at the
   * end of the work, inside the transaction; a flow that answers with what the write sets
   * (versions, generated keys) calls it first instead of `flush`, and the second call finds
   * nothing left to write.
   */
  async settle(tx: EntityManager): Promise<void> {
    while (this.beforeCommit.length) await this.beforeCommit.shift()!(tx);
    if (!this.appended.length) return;
    await writeAppendedRows(tx, this.appended.splice(0));
  }

  /** @internal called by `transact` after the commit */
  async flush(bus: EventBus): Promise<void> {
    // A compartment announced twice in one transaction (its status and its door both moved)
    // is one change to subscribers: the payloads, built now, are the same.
    const announced = new Set<string>();
    // A lock's command first: a person stands at the door, dashboards can wait a microsecond.
    const ordered = [
      ...this.publications.filter((p) => p.topic === 'GATEWAY_COMMAND'),
      ...this.publications.filter((p) => p.topic !== 'GATEWAY_COMMAND'),
    ];
    for (const p of ordered) {
      const payload = p.payload();
      if (p.topic === 'COMPARTMENT_UPDATED') {
        const { id, version } = payload as unknown as { id: string; version: number };
        if (announced.has(`${id}:${version}`)) continue;
        announced.add(`${id}:${version}`);
      }
      const publish = bus.publish.bind(bus) as (topic: string, key: string, payload: unknown) => void;
      publish(p.topic, p.key, payload);
      if (p.topic !== 'SESSION_UPDATED' && p.topic !== 'GATEWAY_COMMAND')
        publish(p.topic, ALL_SITES, payload);
    }
    for (const fn of this.afterCommit) await fn();
  }
}

const MAX_ATTEMPTS = 3;

/**
 * One transaction per state change, on a fresh fork, with its announcements after the commit.
 * A deadlock or serialization failure rolls everything back, so the work is run again from
 * the start (fresh fork, fresh effects); locks are taken session before compartment to keep
 * such retries rare.
 */
export async function transact<T>(
  em: EntityManager,
  bus: EventBus,
  work: (em: EntityManager, effects: Effects) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const effects = new Effects();
    try {
      const result = await em.fork().transactional(async (tx) => {
        const value = await work(tx, effects);
        await effects.settle(tx);
        return value;
      });
      await effects.flush(bus);
      return result;
    } catch (e) {
      if (!(e instanceof DeadlockException) || attempt >= MAX_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
