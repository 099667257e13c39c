import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ALL_SITES, type EventBus } from '../../events/event-bus.js';
import { transact, type Effects } from '../../db/transaction.js';
import type { CompartmentEntity } from '../../entities/compartment.entity.js';
import type { Clock } from '../../shared/clock.js';
import { GatewayCommandEntity } from '../../entities/gateway-command.entity.js';
import { GatewayEntity } from '../../entities/gateway.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { recordDoorEvent } from '../door-events/door-event.recorder.js';
import { lockCompartmentWithSession } from '../compartments/session-locks.js';
import {
  toCommandView,
  type CommandResult,
  type GatewayCommandView,
  type GatewayConfigView,
} from './gateway-command.types.js';
import { toGatewayView } from '../devices/device.types.js';
import { parseId } from '../../shared/ids.js';
import { LockerBankEntity } from '../../entities/locker-bank.entity.js';
import { storedProfile } from '../compartments/board-profile.js';

/** An acknowledgement marks its gateway seen at most this often per gateway and instance. */
const SEEN_WRITE_MS = 1_000;

/**
 * Undoes the door operation of a command the gateway reported FAILED. The unlock flow
 * (`flows/unlock.ts`) implements it and the service container passes it in: undoing spans
 * sessions, compartments and alerts, which this module does not import.
 */
export type FailUnlock = (
  tx: EntityManager,
  fx: Effects,
  command: GatewayCommandEntity,
  compartment: CompartmentEntity,
  reason: string,
  actor: string,
  at: Date,
) => Promise<void>;

/** A command unacknowledged this long after its issue is published again (a pulse and its ack take well under it). */
export const RESEND_AFTER_MS = 1500;

/**
 * Unanswered commands that expired less than this long ago are handed to a (re)connecting
 * gateway for an answer; its journal keeps a week, so every one of them is answered truly.
 */
const UNANSWERED_HORIZON_MS = 24 * 3600_000;
/** At most this many in one hand-over (a gateway away for a day at a busy site). */
const MAX_HANDED_OVER = 1000;

/** The server's side of the gateway link: config, the command queue, acks, presence. */
export class GatewayCommandService {
  /** When this instance last wrote each gateway's sign of life (`seen`), ms. */
  private readonly seenWritten = new Map<string, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly failUnlock: FailUnlock,
  ) {}

  async config(gatewayId: string): Promise<GatewayConfigView> {
    const em = this.em.fork();
    const gateway = await em.findOneOrFail(GatewayEntity, gatewayId);
    const site = await em.findOneOrFail(SiteEntity, gateway.siteId);
    const rows = await em.execute<
      {
        id: string;
        label: string;
        endpoint: string;
        unit_id: number;
        coil: number;
        door_input: number;
        bank_id: string;
      }[]
    >(
      `select c.id, c.label, b.modbus_endpoint as endpoint, c.unit_id, c.coil, c.door_input, c.bank_id
       from compartment c join locker_bank b on b.id = c.bank_id
       where b.gateway_id = ? and c.status <> 'RETIRED' order by c.label`, // retired ones are neither driven nor read
      [gatewayId],
    );
    const banks = await em.find(
      LockerBankEntity,
      { gatewayId, retiredAt: null },
      { orderBy: { label: 'asc' } },
    );
    return {
      gateway: toGatewayView(gateway, this.clock.now()),
      pulseMs: site.pulseMs,
      compartments: rows.map((r) => ({
        compartmentId: r.id,
        label: r.label,
        modbus: { endpoint: r.endpoint, unitId: r.unit_id, coil: r.coil, doorInput: r.door_input },
        bankId: r.bank_id,
      })),
      banks: banks.map((b) => ({
        id: b.id,
        label: b.label,
        modbusEndpoint: b.modbusEndpoint,
        board: storedProfile(b.boardProfile),
      })),
    };
  }

  /**
   * Every command the gateway has not answered, handed over when it (re)connects: those
   * still live to be run, and those that expired on the way (it was away, or this server
   * restarted and took scans before it was back) to be answered. The gateway never runs an
   * expired command and answers from its journal: FAILED for one it never began, which sends
   * the traveller back at once instead of leaving the operation open for the door window;
   * its real result for one whose ack was lost.
   */
  async pending(gatewayId: string): Promise<GatewayCommandView[]> {
    const now = this.clock.now();
    const rows = await this.em
      .fork()
      .find(
        GatewayCommandEntity,
        { gatewayId, ackedAt: null, expiresAt: { $gt: new Date(now.getTime() - UNANSWERED_HORIZON_MS) } },
        { orderBy: { issuedAt: 'asc' }, limit: MAX_HANDED_OVER },
      );
    return rows.map(toCommandView);
  }

  /**
   * Publishes again every command still unacknowledged `RESEND_AFTER_MS` after its issue and
   * not expired. Its first publish can be lost (the issuing instance died between commit and
   * publish; Redis was away while it went out) and a gateway that stays connected would never
   * read it from the pending queue. Each feed skips ids it already sent; the gateway answers a
   * repeat from its journal. Run by the timer leader on each pass.
   */
  async resendUnacknowledged(now: Date): Promise<number> {
    const rows = await this.em.fork().find(
      GatewayCommandEntity,
      {
        ackedAt: null,
        expiresAt: { $gt: now },
        issuedAt: { $lt: new Date(now.getTime() - RESEND_AFTER_MS) },
      },
      { orderBy: { issuedAt: 'asc' }, limit: 500 },
    );
    for (const command of rows)
      this.bus.publish('GATEWAY_COMMAND', command.gatewayId, toCommandView(command));
    return rows.length;
  }

  /** Idempotent: a second ack of the same command changes nothing and still answers true. */
  async ack(
    gatewayId: string,
    commandId: string,
    result: CommandResult,
    error: string | null,
  ): Promise<boolean> {
    const id = parseId(commandId, 'commandId');
    if (error && error.length > 500) throw badInput('error', 'error must be at most 500 characters');
    const actor = `gateway:${gatewayId}`;
    await transact(this.em, this.bus, async (tx, fx) => {
      const command = await tx.findOne(GatewayCommandEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!command || command.gatewayId !== gatewayId) throw notFound('Command');
      if (command.ackedAt) return;
      const now = this.clock.now();
      command.ackedAt = now;
      command.result = result;
      command.error = error;
      const { compartment } = await lockCompartmentWithSession(tx, command.compartmentId);
      if (!compartment) throw notFound('Compartment');
      if (result === 'SUCCEEDED') {
        recordDoorEvent(fx, {
          type: 'UNLOCKED',
          compartment,
          sessionId: command.sessionId,
          actor,
          at: now,
        });
      } else if (result === 'UNCERTAIN') {
        // The lock may have been pulsed: an opening stays expected, the door readings decide.
      } else {
        await this.failUnlock(
          tx,
          fx,
          command,
          compartment,
          error ?? 'the gateway reported a failure',
          actor,
          now,
        );
      }
    });
    await this.seen(gatewayId);
    return true;
  }

  /**
   * A command subscription opened (+1: heard from now) or closed (-1); dashboards hear of it
   * (online is by presence, `presence.ts`). A closing is not a sign of life: it must not
   * keep the gateway present, and scans accepted, for a heartbeat window after it left.
   */
  async setConnected(gatewayId: string, connected: boolean): Promise<void> {
    const em = this.em.fork();
    await em.execute(
      connected
        ? `update gateway set connections = connections + 1, last_seen_at = ?, absent_announced = false,
             offline_alerted = false where id = ?`
        : `update gateway set connections = greatest(connections - 1, 0) where id = ?`,
      connected ? [this.clock.now(), gatewayId] : [gatewayId],
    );
    const gateway = await em.findOneOrFail(GatewayEntity, gatewayId);
    const site = await em.findOneOrFail(SiteEntity, gateway.siteId);
    const view = toGatewayView(gateway, this.clock.now());
    this.bus.publish('GATEWAY_UPDATED', site.id, view);
    this.bus.publish('GATEWAY_UPDATED', ALL_SITES, view);
  }

  /**
   * An acknowledgement is a sign of life, written at most once a second per gateway and
   * instance (presence expires after 10 s, PRESENCE_EXPIRY_MS; heartbeats write it every 2 s
   * as well): a gateway acknowledging a burst of unlocks otherwise queued each of them on its
   * own row. A failed write lets the next acknowledgement try again.
   */
  async seen(gatewayId: string): Promise<void> {
    const now = this.clock.now();
    const last = this.seenWritten.get(gatewayId);
    if (last !== undefined && now.getTime() - last < SEEN_WRITE_MS) return;
    if (this.seenWritten.size >= 10_000) this.seenWritten.clear();
    this.seenWritten.set(gatewayId, now.getTime());
    try {
      await this.em
        .fork()
        .nativeUpdate(GatewayEntity, { id: gatewayId }, { lastSeenAt: now, offlineAlerted: false });
    } catch (e) {
      this.seenWritten.delete(gatewayId);
      throw e;
    }
  }
}
