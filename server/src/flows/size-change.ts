import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../events/event-bus.js';
import { transact } from '../db/transaction.js';
import type { Clock } from '../shared/clock.js';
import { badInput, conflict } from '../errors/domain-error.js';
import { TariffEntity } from '../entities/tariff.entity.js';
import type { CompartmentSize } from '../entities/compartment.enums.js';
import { matchCode } from '../auth/short-code.js';
import { lockSessionForScan } from './scan.reads.js';
import { holdCompartment, releaseHold } from './compartment-hold.js';
import { moveSession } from '../modules/sessions/session-moves.js';
import type { ScanResult } from '../modules/sessions/session.types.js';
import { scanMessage } from './scan.messages.js';
import type { ScanRequest, ScanService } from './scan.service.js';

/** Sizes from small to large: a bag that does not fit moves up, never down. */
export const SIZE_ORDER: readonly CompartmentSize[] = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'];

/** A deposit moving to a larger size, from the kiosk where it is under way. */
export interface SizeChangeRequest extends Omit<ScanRequest, 'intent'> {
  size: CompartmentSize;
}

/** Thrown inside the transaction to roll the change back when no compartment of the size is free. */
class NoneFree extends Error {}

/**
 * "My bag does not fit": a session not yet stored (CREATED, or DEPOSITING with its door open)
 * lets its compartment go and holds one of a larger size, in one transaction; nothing changes
 * when none is free. The session takes the larger size's tariff; what was paid stays with it,
 * so only the difference is asked for (a free size to a free size costs nothing). The kiosk
 * then goes on as after a scan of the code: pay the difference, or the new door opens.
 */
export class SizeChangeService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly scans: ScanService,
  ) {}

  async change(req: SizeChangeRequest): Promise<ScanResult> {
    const code = matchCode(req.siteId, req.payload);
    // an unknown code is answered (and counted) exactly as a scan of it would be
    if (!code) return this.scans.scan({ ...req, intent: 'RETRIEVE' });
    try {
      const known = await transact(this.em, this.bus, async (tx, fx) => {
        const now = this.clock.now();
        const found = await lockSessionForScan(tx, code);
        if (!found || found.session.siteId !== req.siteId) return false;
        const { session, paid, site } = found;
        if (session.status !== 'CREATED' && session.status !== 'DEPOSITING')
          throw conflict('Only a deposit not yet stored can change its size');
        if (SIZE_ORDER.indexOf(req.size) <= SIZE_ORDER.indexOf(session.size))
          throw badInput('size', 'choose a larger size than the one held');
        const tariff = await tx.findOne(TariffEntity, { siteId: session.siteId, size: req.size });
        if (!tariff) throw badInput('size', 'this size is not offered here');
        if (tariff.currency !== session.currency) throw conflict('This size is priced in another currency');
        if (session.status === 'DEPOSITING') {
          session.intent = null;
          session.opStartedAt = null;
          session.opDoorOpened = false;
          await moveSession(tx, fx, session, {
            to: 'CREATED',
            trigger: 'size-changed',
            actor: req.actor,
            at: now,
            reason: `the bag did not fit: ${session.size} to ${req.size}`,
            paid,
          });
        }
        // The old compartment goes back to the pool: its door was opened for nothing.
        await releaseHold(tx, fx, session, req.actor, now);
        session.size = req.size;
        session.price = tariff.price;
        session.includedMinutes = tariff.includedMinutes;
        session.overduePerHour = tariff.overduePerHour;
        session.graceMinutes = tariff.graceMinutes;
        session.securityAlertAfterMinutes = tariff.securityAlertAfterMinutes;
        const held = await holdCompartment(tx, fx, session, req.actor, now);
        if (!held.compartment) throw new NoneFree();
        // unpaid, the new hold lasts the payment window like any other
        session.holdUntil =
          session.price > paid ? new Date(now.getTime() + site.paymentWindowSeconds * 1000) : null;
        await tx.flush();
        return true;
      });
      if (!known) return this.scans.scan({ ...req, intent: 'RETRIEVE' });
    } catch (e) {
      if (!(e instanceof NoneFree)) throw e;
      return {
        outcome: 'NO_COMPARTMENT_AVAILABLE',
        session: null,
        compartment: null,
        amountDue: null,
        message: scanMessage('NO_COMPARTMENT_AVAILABLE', undefined, undefined),
      };
    }
    // The session is CREATED with its new compartment held: the scan asks for the difference or opens it.
    return this.scans.scan({ ...req, intent: 'RETRIEVE' });
  }
}
