import type { EntityManager } from '@mikro-orm/postgresql';
import { ALL_SITES, type EventBus } from '../events/event-bus.js';
import { transact } from '../db/transaction.js';
import type { Clock } from '../shared/clock.js';
import { GatewayEntity } from '../entities/gateway.entity.js';
import { toGatewayView } from '../modules/devices/device.types.js';
import { isPresent } from '../modules/devices/presence.js';
import { badInput, forbidden, rateLimited } from '../errors/domain-error.js';
import { lockCompartmentsWithSessions } from '../modules/compartments/session-locks.js';
import { paidForMany } from '../modules/payments/paid-amounts.js';
import { parseId } from '../shared/ids.js';
import {
  checkControllerLinks,
  recordControllerLinks,
  type ControllerLinkInput,
} from '../modules/gateway-commands/controller-links.js';
import { applyReading, type DoorBatch, type DoorReport } from './door-report.rules.js';
import { OneAtATime } from '../shared/one-at-a-time.js';

export type { DoorReport };

const MAX_BATCH = 500;
/** A gateway that was cut off sends what it saw meanwhile; readings from the future are a broken clock. */
const MAX_AGE_MS = 24 * 3600_000;
const MAX_FUTURE_SKEW_MS = 5 * 60_000;
/** A gateway's batches waiting to be applied, past which one more is refused (it sends it again). */
const MAX_QUEUED_BATCHES = 100;

/**
 * Turns door-sensor reports into door events and session progress: OPENED or FORCED_OPEN
 * on opening (depending on whether an unlock was pending), CLOSED on closing, which stores
 * a deposit or completes a retrieval. One transaction per batch, applied in reading order.
 */
export class DoorReportService {
  /**
   * A gateway's batches are applied one at a time, in the order they came: each holds a
   * database connection for its transaction, and a gateway reporting every bank at once (after
   * an outage) took the whole pool, so a traveller's scan waited behind all of its banks.
   */
  private readonly perGateway = new OneAtATime(MAX_QUEUED_BATCHES, () => rateLimited(1));

  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies a batch of readings, then records the controllers' links sent with it: they
   * vouch for readings up to their last good read, so they are stored only after the batch.
   */
  async report(
    gatewayId: string,
    siteId: string,
    reports: DoorReport[],
    controllers: ControllerLinkInput[] = [],
    /** Older readings are refused; the replay of a site's journal sets its own bound (`offline-replay.ts`). */
    maxAgeMs = MAX_AGE_MS,
  ): Promise<void> {
    if (reports.length > MAX_BATCH) throw badInput('reports', `at most ${MAX_BATCH} reports per call`);
    const now = this.clock.now();
    checkControllerLinks(controllers, now);
    for (const r of reports) {
      parseId(r.compartmentId, 'reports.compartmentId');
      const offset = r.at.getTime() - now.getTime();
      if (offset > MAX_FUTURE_SKEW_MS)
        throw badInput('reports.at', 'report time is more than 5 minutes ahead of the server clock');
      if (-offset > maxAgeMs)
        throw badInput('reports.at', `report time is more than ${Math.round(maxAgeMs / 3600_000)} hours old`);
    }
    // Reading order (a stable sort keeps the gateway's order for equal times).
    const sorted = [...reports].sort((a, b) => a.at.getTime() - b.at.getTime());
    await this.perGateway.run(gatewayId, () => this.apply(gatewayId, siteId, sorted, controllers, now));
  }

  private async apply(
    gatewayId: string,
    siteId: string,
    sorted: DoorReport[],
    controllers: ControllerLinkInput[],
    now: Date,
  ): Promise<void> {
    if (sorted.length > 0) {
      // The batch as the gateway sent it, in one transaction: a rule never sees half of it.
      await transact(this.em, this.bus, async (tx, fx) => {
        const batch = await this.lockBatch(tx, siteId, sorted);
        for (const r of sorted) await applyReading(tx, fx, batch, r);
      });
    }
    await this.touchGateway(gatewayId);
    if (controllers.length > 0) {
      await transact(this.em, this.bus, async (tx, fx) => {
        const gateway = await tx.findOneOrFail(GatewayEntity, gatewayId);
        // dashboards hear of a link that went up or down, not of every heartbeat
        if (await recordControllerLinks(tx, fx, gateway, controllers, now)) {
          // after the commit, to the site and (by `transact`) to every-site dashboards
          fx.publish('GATEWAY_UPDATED', gateway.siteId, () => toGatewayView(gateway, now));
        }
      });
    }
  }

  /**
   * Locks every door of the batch with its open session (a few statements for the whole
   * batch) and reads what those sessions have paid when a closing may end an operation.
   * Every compartment must be this gateway's site's: the whole batch is refused otherwise.
   */
  private async lockBatch(tx: EntityManager, siteId: string, reports: DoorReport[]): Promise<DoorBatch> {
    const locked = await lockCompartmentsWithSessions(
      tx,
      reports.map((r) => r.compartmentId),
    );
    for (const r of reports) {
      const c = locked.compartments.get(r.compartmentId.toLowerCase());
      if (!c || c.siteId !== siteId)
        throw forbidden(`Compartment ${r.compartmentId} is not driven by this gateway`);
    }
    // a closing may store a deposit or complete a retrieval, which announces what was paid
    const closing = new Set(
      reports.filter((r) => r.state === 'CLOSED').map((r) => r.compartmentId.toLowerCase()),
    );
    const finishing = [...locked.sessions].filter(([id]) => closing.has(id)).map(([, s]) => s.id);
    return { ...locked, paid: await paidForMany(tx, finishing) };
  }

  /** Presence: heard from now; dashboards hear of a gateway that was offline and is back. */
  private async touchGateway(gatewayId: string): Promise<void> {
    const now = this.clock.now();
    const [row] = await this.em.fork().execute<
      {
        before: Date | null;
        id: string;
        name: string;
        site_id: string;
        site_path_at: Date | null;
        offline_events_waiting: number;
      }[]
    >(
      `update gateway g set last_seen_at = ?, offline_alerted = false, absent_announced = false from gateway old
       where old.id = g.id and g.id = ?
       returning old.last_seen_at as before, g.id, g.name, g.site_id, g.site_path_at, g.offline_events_waiting`,
      [now, gatewayId],
    );
    if (row && !isPresent(row.before, now)) {
      const view = toGatewayView(
        {
          id: row.id,
          name: row.name,
          lastSeenAt: now,
          siteId: row.site_id,
          sitePathAt: row.site_path_at,
          offlineEventsWaiting: row.offline_events_waiting,
        },
        now,
      );
      this.bus.publish('GATEWAY_UPDATED', row.site_id, view);
      this.bus.publish('GATEWAY_UPDATED', ALL_SITES, view);
    }
  }
}
