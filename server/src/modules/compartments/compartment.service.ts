import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { recordAudit } from '../../db/audit-trail.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import { transact, type Effects } from '../../db/transaction.js';
import type { Clock } from '../../shared/clock.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { LockerBankEntity } from '../../entities/locker-bank.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import type { DoorEventEntity } from '../../entities/door-event.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import { lockCompartmentWithSession } from './session-locks.js';
import type {
  CompartmentSize,
  CompartmentStatus,
  InspectionOutcome,
} from '../../entities/compartment.enums.js';
import { announceCompartment, moveCompartment } from './compartment.state.js';
import { CompartmentTransitionEntity } from '../../entities/compartment-transition.entity.js';
import {
  COMPARTMENT_VIEW_COLUMNS,
  toCompartmentView,
  type CompartmentFields,
  type CompartmentView,
} from './compartment.types.js';

/**
 * Pulses a compartment's lock. The unlock flow (`flows/unlock.ts`) implements it and the
 * service container passes it in: an unlock spans gateway commands and door events, which
 * this module does not import.
 */
export type RequestUnlock = (
  tx: EntityManager,
  fx: Effects,
  req: {
    compartment: CompartmentEntity;
    site: SiteEntity;
    sessionId: string | null;
    actor: string;
    detail: string;
    at: Date;
  },
) => Promise<{ event: DoorEventEntity }>;

/** Compartments: reading them, and the operators' actions on them. */
export class CompartmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly requestUnlock: RequestUnlock,
  ) {}

  list(
    siteId: string,
    filter: { status?: CompartmentStatus | null; size?: CompartmentSize | null } = {},
  ): Promise<CompartmentEntity[]> {
    const where: Record<string, unknown> = { siteId };
    if (filter.status) where.status = filter.status;
    if (filter.size) where.size = filter.size;
    return this.em.fork().find(CompartmentEntity, where, { orderBy: { label: 'asc' } });
  }

  /**
   * The compartments of several banks in one query, each bank's by label, as views: read
   * without entities, since a board of 2,000 compartments spent more on hydrating and
   * tracking them (then collecting the garbage) than on the query.
   */
  async viewsOfBanks(bankIds: string[]): Promise<Map<string, CompartmentView[]>> {
    const rows = await this.em
      .fork()
      .execute<CompartmentFields[]>(
        `select ${COMPARTMENT_VIEW_COLUMNS} from compartment where bank_id in (?) order by label`,
        [bankIds],
      );
    const byBank = new Map<string, CompartmentView[]>();
    for (const row of rows) {
      const views = byBank.get(row.bankId);
      if (views) views.push(toCompartmentView(row));
      else byBank.set(row.bankId, [toCompartmentView(row)]);
    }
    return byBank;
  }

  banksOfSite(siteId: string): Promise<LockerBankEntity[]> {
    return this.em.fork().find(LockerBankEntity, { siteId }, { orderBy: { label: 'asc' } });
  }

  get(id: string): Promise<CompartmentEntity | null> {
    return this.em.fork().findOne(CompartmentEntity, id);
  }

  /** Remote open by an operator, recorded with who and why; the door opening is then expected. */
  async operatorOpen(
    compartmentId: string,
    reason: string,
    actor: string,
    by: AuditActor,
  ): Promise<DoorEventEntity> {
    const why = checkReason(reason);
    return transact(this.em, this.bus, async (tx, fx) => {
      const { compartment: c, session } = await lockCompartmentWithSession(tx, compartmentId);
      if (!c) throw notFound('Compartment');
      const site = await tx.findOneOrFail(SiteEntity, c.siteId);
      const { event } = await this.requestUnlock(tx, fx, {
        compartment: c,
        site,
        sessionId: session?.id ?? null,
        actor,
        detail: `operator open: ${why}`,
        at: this.clock.now(),
      });
      await recordAudit(tx, {
        actor: by,
        action: 'compartment.remote-open',
        siteId: c.siteId,
        subjectType: 'compartment',
        subjectId: c.id,
        summary: `Opened compartment ${c.label} remotely: ${why}`,
      });
      return event;
    });
  }

  /** Out of service: never allocated. Only an empty compartment can be taken out. */
  async setOutOfService(
    compartmentId: string,
    outOfService: boolean,
    reason: string | null,
    actor: string,
  ): Promise<CompartmentEntity> {
    if (reason && reason.length > 500) throw badInput('reason', 'reason must be at most 500 characters');
    return transact(this.em, this.bus, async (tx, fx) => {
      const c = await tx.findOne(CompartmentEntity, compartmentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c) throw notFound('Compartment');
      if (c.status === 'RETIRED') throw conflict(`Compartment ${c.label} is retired`);
      const open = await tx.findOne(StorageSessionEntity, {
        compartmentId: c.id,
        status: { $in: ['DEPOSITING', 'STORED', 'RETRIEVING'] },
      });
      const at = this.clock.now();
      if (outOfService) {
        if (open || c.status === 'RESERVED' || c.status === 'OCCUPIED') {
          throw conflict(
            `Compartment ${c.label} holds a session; end it before taking the compartment out of service`,
          );
        }
        if (c.status === 'OUT_OF_SERVICE') c.outOfServiceReason = reason?.trim() || null;
        else
          moveCompartment(tx, fx, c, {
            to: 'OUT_OF_SERVICE',
            trigger: 'out-of-service',
            actor,
            at,
            reason: reason?.trim() || null,
          });
      } else if (c.status === 'NEEDS_INSPECTION') {
        throw conflict(
          `Compartment ${c.label} needs an inspection: record it (recordCompartmentInspection) to put it back in service`,
        );
      } else if (c.status === 'OUT_OF_SERVICE') {
        moveCompartment(tx, fx, c, {
          to: 'AVAILABLE',
          trigger: 'back-in-service',
          actor,
          at,
          reason: reason?.trim() || null,
        });
      }
      announceCompartment(fx, c);
      return c;
    });
  }

  /**
   * Staff looked into a compartment that needed it: EMPTY or ITEM_FOUND put it back in
   * service, OUT_OF_SERVICE takes it out; who, when, what and the note are kept.
   */
  async recordInspection(
    compartmentId: string,
    outcome: InspectionOutcome,
    note: string | null,
    actor: string,
  ): Promise<CompartmentEntity> {
    const text = note?.trim() || null;
    if (text && text.length > 500) throw badInput('note', 'note must be at most 500 characters');
    if (outcome === 'ITEM_FOUND' && !text) throw badInput('note', 'say what was found and where it went');
    return transact(this.em, this.bus, async (tx, fx) => {
      const c = await tx.findOne(CompartmentEntity, compartmentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c) throw notFound('Compartment');
      if (c.status !== 'NEEDS_INSPECTION')
        throw conflict(`Compartment ${c.label} is ${c.status}, not waiting for an inspection`);
      const to = outcome === 'OUT_OF_SERVICE' ? 'OUT_OF_SERVICE' : 'AVAILABLE';
      const reason = [`inspected (${c.inspectionReason ?? 'no reason recorded'}): ${outcome}`, text]
        .filter(Boolean)
        .join(': ');
      moveCompartment(tx, fx, c, {
        to,
        trigger: 'inspected',
        actor,
        at: this.clock.now(),
        reason: to === 'OUT_OF_SERVICE' ? (text ?? 'out of service after inspection') : reason,
        inspectionOutcome: outcome,
      });
      return c;
    });
  }

  /** Inspections recorded for a compartment, newest first. */
  inspections(compartmentId: string, limit = 20): Promise<CompartmentTransitionEntity[]> {
    return this.em
      .fork()
      .find(
        CompartmentTransitionEntity,
        { compartmentId, trigger: 'inspected' },
        { orderBy: { id: 'desc' }, limit },
      );
  }
}

function checkReason(reason: string): string {
  const why = reason.trim();
  if (why.length < 1 || why.length > 500) throw badInput('reason', 'reason must be 1 to 500 characters');
  return why;
}
