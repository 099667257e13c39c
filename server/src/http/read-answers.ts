import type { IncomingMessage } from 'node:http';
import type { Counter } from 'prom-client';
import type { SiteReadCache, SiteSnapshot } from '../modules/sites/site-read.cache.js';
import type { SnapshotReadPlanner } from '../graphql/snapshot-reads.js';

/** An answer Apollo gave, with the snapshots of the sites it was computed from. */
export interface KeptAnswer {
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  readonly snapshots: readonly (readonly [string, SiteSnapshot])[];
}

/** A request whose answer may be kept: its key and the snapshots current when it started. */
export interface AnswerToKeep {
  readonly key: string;
  readonly snapshots: readonly (readonly [string, SiteSnapshot])[];
}

/** Bodies and answers past these are not kept: polling clients send and get small ones. */
const MAX_KEY_CHARS = 4096;
const MAX_ANSWER_CHARS = 16_384;
/** What all kept keys and answers may hold together (the oldest go first): a few MB. */
const MAX_TOTAL_CHARS = 4_000_000;

/**
 * Answers to snapshot reads (SnapshotReadPlanner: a site's name, sizes, prices and free
 * counts, what kiosks and phone pages poll) kept as Apollo wrote them, and given again to the
 * same request while the sites' snapshots are unchanged: no parse, no execution, no
 * serialisation. The key is the body as sent with the headers that shape an answer (content
 * type, accept); the caller is not part of it because such an operation answers every caller
 * alike, but the credential is still checked first (a wrong one is 401 as ever).
 *
 * Only a complete 200 answer with data for every site and no error is kept, and only when the
 * snapshots it read were already current before it ran and are the same objects after it
 * (nothing changed meanwhile). A change to a site drops its snapshot (SiteReadCache, here and
 * through Redis from other instances), which makes every answer computed from it stale.
 */
export class ReadAnswerCache {
  private readonly answers = new Map<string, KeptAnswer>();
  /** Characters of the kept keys and answers. */
  private chars = 0;

  constructor(
    private readonly planner: SnapshotReadPlanner,
    private readonly reads: SiteReadCache,
    private readonly reused: Pick<Counter, 'inc'>,
    private readonly maxChars = MAX_TOTAL_CHARS,
  ) {}

  /** The key of a POST with a JSON body, or null when such a request is never kept. */
  keyOf(req: IncomingMessage, text: string | undefined): string | null {
    if (req.method !== 'POST' || text === undefined || text.length > MAX_KEY_CHARS) return null;
    const type = req.headers['content-type'];
    if (!type?.includes('application/json')) return null;
    return `${type}\n${req.headers.accept ?? ''}\n${text}`;
  }

  /** A kept answer whose sites have not changed since it was computed. */
  lookup(key: string): KeptAnswer | undefined {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    for (const [siteId, snapshot] of answer.snapshots) {
      if (this.reads.current(siteId) !== snapshot) {
        this.drop(key);
        return undefined;
      }
    }
    this.reused.inc();
    return answer;
  }

  /** Before the request runs: whether its answer may be kept (a snapshot read of current sites). */
  before(key: string, body: unknown): AnswerToKeep | null {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    const { query, variables, operationName } = body as Record<string, unknown>;
    if (typeof query !== 'string') return null;
    if (operationName != null && typeof operationName !== 'string') return null;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    const ids = this.planner
      .plan(query, operationName ?? undefined)
      ?.siteIds((variables ?? undefined) as Record<string, unknown> | undefined);
    if (!ids?.length) return null;
    const snapshots: (readonly [string, SiteSnapshot])[] = [];
    for (const id of ids) {
      const snapshot = this.reads.current(id);
      if (!snapshot) return null; // this request loads it; the next one may be kept
      snapshots.push([id, snapshot]);
    }
    return { key, snapshots };
  }

  /** After it ran: keeps a complete answer without errors, if no snapshot changed meanwhile. */
  keep(
    pending: AnswerToKeep,
    status: number,
    headers: Iterable<readonly [string, string]>,
    body: string,
  ): void {
    if (status !== 200 || body.length > MAX_ANSWER_CHARS) return;
    for (const [siteId, snapshot] of pending.snapshots) if (this.reads.current(siteId) !== snapshot) return;
    // Apollo writes `errors` first: an answer with any is not kept. No site is null: each one's
    // snapshot was current, so each resolved to it.
    if (!body.startsWith('{"data":{')) return;
    this.drop(pending.key);
    const chars = pending.key.length + body.length;
    while (this.answers.size > 0 && this.chars + chars > this.maxChars)
      this.drop(this.answers.keys().next().value!);
    this.answers.set(pending.key, { headers: [...headers], body, snapshots: pending.snapshots });
    this.chars += chars;
  }

  private drop(key: string): void {
    const answer = this.answers.get(key);
    if (!answer) return;
    this.answers.delete(key);
    this.chars -= key.length + answer.body.length;
  }
}
