import type { EntityManager } from '@mikro-orm/postgresql';
import { ALL_SITES, type EventBus } from '../events/event-bus.js';
import { transact, type Effects } from '../db/transaction.js';
import type { Clock } from '../shared/clock.js';
import type { CompartmentEntity } from '../entities/compartment.entity.js';
import type { StorageSessionEntity } from '../entities/session.entity.js';
import { GatewayEntity } from '../entities/gateway.entity.js';
import { toGatewayView } from '../modules/devices/device.types.js';
import { isPresent } from '../modules/devices/presence.js';
import { badInput, forbidden } from '../errors/domain-error.js';
import { recordDoorEvent } from '../modules/door-events/door-event.recorder.js';
import { raiseAlert } from '../modules/alerts/alert.raiser.js';
import { moveSession } from '../modules/sessions/session-moves.js';
import {
  announceCompartment,
  moveCompartment,
  moveCompartmentIfAllowed,
} from '../modules/compartments/compartment.state.js';
import { lockCompartmentWithSession } from '../modules/compartments/session-locks.js';
import type { DoorState } from '../entities/compartment.enums.js';
import { parseId } from '../shared/ids.js';
import {
  checkControllerLinks,
  recordControllerLinks,
  type ControllerLinkInput,
} from '../modules/gateway-commands/controller-links.js';

export interface DoorReport {
  compartmentId: string;
  state: DoorState;
  at: Date;
}

const MAX_BATCH = 500;
/** A gateway that was cut off sends what it saw meanwhile; readings from the future are a broken clock. */
const MAX_AGE_MS = 24 * 3600_000;
const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Turns door-sensor reports into door events and session progress: OPENED or FORCED_OPEN
 * on opening (depending on whether an unlock was pending), CLOSED on closing, which stores
 * a deposit or completes a retrieval. One transaction per batch, applied in reading order.
 */
export class DoorReportService {
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
  ): Promise<void> {
    if (reports.length > MAX_BATCH) throw badInput('reports', `at most ${MAX_BATCH} reports per call`);
    const now = this.clock.now();
    checkControllerLinks(controllers, now);
    for (const r of reports) {
      parseId(r.compartmentId, 'reports.compartmentId');
      const offset = r.at.getTime() - now.getTime();
      if (offset > MAX_FUTURE_SKEW_MS)
        throw badInput('reports.at', 'report time is more than 5 minutes ahead of the server clock');
      if (-offset > MAX_AGE_MS) throw badInput('reports.at', 'report time is more than 24 hours old');
    }
    await this.checkOwnership(siteId, reports);
    // Reading order (a stable sort keeps the gateway's order for equal times).
    const sorted = [...reports].sort((a, b) => a.at.getTime() - b.at.getTime());
    await this.touchGateway(gatewayId);
    if (sorted.length > 0) {
      // The batch as the gateway sent it, in one transaction: a rule never sees half of it.
      await transact(this.em, this.bus, async (tx, fx) => {
        for (const r of sorted) {
          await this.apply(tx, fx, siteId, r);
          await tx.flush(); // the next reading of the same door reads this one's rows
        }
      });
    }
    if (controllers.length > 0) {
      await transact(this.em, this.bus, async (tx, fx) => {
        const gateway = await tx.findOneOrFail(GatewayEntity, gatewayId);
        // dashboards hear of a link that went up or down, not of every heartbeat
        if (await recordControllerLinks(tx, fx, gateway, controllers, now)) {
          const view = toGatewayView(gateway, now);
          fx.publish('GATEWAY_UPDATED', gateway.siteId, () => view);
          fx.publish('GATEWAY_UPDATED', ALL_SITES, () => view);
        }
      });
    }
  }

  private async apply(tx: EntityManager, fx: Effects, siteId: string, r: DoorReport): Promise<void> {
    const { compartment: c, session } = await lockCompartmentWithSession(tx, r.compartmentId);
    if (!c || c.siteId !== siteId)
      throw forbidden(`Compartment ${r.compartmentId} is not driven by this gateway`);
    if (c.doorChangedAt && r.at < c.doorChangedAt) return; // an older reading than the one we have
    if (r.state === 'UNKNOWN') {
      // the sensor cannot be read: show it, but judge the next reading against the last real one
      if (c.doorState !== 'UNKNOWN') {
        c.doorState = 'UNKNOWN';
        announceCompartment(fx, c);
      }
      return;
    }
    const previous = c.lastKnownDoorState;
    const wasUnknown = c.doorState === 'UNKNOWN';
    c.doorState = r.state;
    if (previous === r.state) {
      if (wasUnknown) announceCompartment(fx, c);
      return;
    }
    c.lastKnownDoorState = r.state;
    c.doorChangedAt = r.at;
    if (r.state === 'OPEN') {
      c.leftOpenAlerted = false;
      const expected = c.unlockExpectedUntil !== null && r.at <= c.unlockExpectedUntil;
      if (expected) {
        c.unlockExpectedUntil = null;
        recordDoorEvent(tx, fx, { type: 'OPENED', compartment: c, sessionId: session?.id, at: r.at });
        if (session && (session.status === 'DEPOSITING' || session.status === 'RETRIEVING'))
          session.opDoorOpened = true;
      } else {
        recordDoorEvent(tx, fx, {
          type: 'FORCED_OPEN',
          compartment: c,
          sessionId: session?.id,
          at: r.at,
          detail: 'opened with no unlock pending',
        });
        raiseAlert(tx, fx, {
          type: 'DOOR_FORCED',
          siteId: c.siteId,
          compartmentId: c.id,
          sessionId: session?.id,
          message: `Compartment ${c.label} was opened with no unlock pending`,
          at: r.at,
        });
        // Nobody's session: whatever is inside now (or was taken) must be looked at.
        if (!session)
          moveCompartmentIfAllowed(tx, fx, c, {
            to: 'NEEDS_INSPECTION',
            trigger: 'door-forced',
            actor: 'door-sensor',
            at: r.at,
            reason: 'door forced open',
          });
      }
    } else if (r.state === 'CLOSED' && previous === 'OPEN') {
      recordDoorEvent(tx, fx, { type: 'CLOSED', compartment: c, sessionId: session?.id, at: r.at });
      if (session?.opDoorOpened) await this.finishOperation(tx, fx, session, c, r.at);
    }
    announceCompartment(fx, c);
  }

  /** The door opened and closed again: a deposit is stored, a retrieval completed (or kept, for ACCESS). */
  private async finishOperation(
    tx: EntityManager,
    fx: Effects,
    s: StorageSessionEntity,
    c: CompartmentEntity,
    at: Date,
  ): Promise<void> {
    const actor = 'door-sensor';
    s.opDoorOpened = false;
    if (s.status === 'DEPOSITING') {
      s.depositedAt = at;
      s.dueAt = new Date(at.getTime() + s.includedMinutes * 60_000);
      s.intent = null;
      moveCompartment(tx, fx, c, {
        to: 'OCCUPIED',
        trigger: 'door-closed',
        actor,
        at,
        reason: `session ${s.id} stored`,
      });
      await moveSession(tx, fx, s, { to: 'STORED', trigger: 'door-closed', actor, at });
    } else if (s.status === 'RETRIEVING' && s.intent === 'ACCESS') {
      s.intent = null;
      s.accessOpens += 1;
      await moveSession(tx, fx, s, { to: 'STORED', trigger: 'door-closed', actor, at, reason: 'access' });
    } else if (s.status === 'RETRIEVING') {
      s.intent = null;
      s.retrievedAt = at;
      s.endedAt = at;
      moveCompartmentIfAllowed(tx, fx, c, {
        to: 'AVAILABLE',
        trigger: 'door-closed',
        actor,
        at,
        reason: `session ${s.id} retrieved`,
      });
      await moveSession(tx, fx, s, { to: 'COMPLETED', trigger: 'door-closed', actor, at });
    }
  }

  /** Every compartment must be this gateway's site's: refuse the whole batch before applying any of it. */
  private async checkOwnership(siteId: string, reports: DoorReport[]): Promise<void> {
    const ids = [...new Set(reports.map((r) => r.compartmentId.toLowerCase()))];
    if (ids.length === 0) return;
    const rows = await this.em
      .fork()
      .execute<{ id: string }[]>(
        `select id from compartment where site_id = ? and id in (${ids.map(() => '?').join(',')})`,
        [siteId, ...ids],
      );
    const known = new Set(rows.map((r) => r.id));
    const stranger = ids.find((id) => !known.has(id));
    if (stranger) throw forbidden(`Compartment ${stranger} is not driven by this gateway`);
  }

  /** Presence: heard from now; dashboards hear of a gateway that was offline and is back. */
  private async touchGateway(gatewayId: string): Promise<void> {
    const now = this.clock.now();
    const [row] = await this.em
      .fork()
      .execute<{ before: Date | null; id: string; name: string; site_id: string }[]>(
        `update gateway g set last_seen_at = ?, offline_alerted = false, absent_announced = false from gateway old
       where old.id = g.id and g.id = ? returning old.last_seen_at as before, g.id, g.name, g.site_id`,
        [now, gatewayId],
      );
    if (row && !isPresent(row.before, now)) {
      const view = { id: row.id, name: row.name, online: true, lastSeenAt: now, siteId: row.site_id };
      this.bus.publish('GATEWAY_UPDATED', row.site_id, view);
      this.bus.publish('GATEWAY_UPDATED', ALL_SITES, view);
    }
  }
}
