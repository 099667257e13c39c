import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { transact } from '../../db/transaction.js';
import type { Clock } from '../../shared/clock.js';
import { AlertEntity } from '../../entities/alert.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { raiseAlert } from './alert.raiser.js';
import { hashAccessCode, normaliseAccessCode } from '../../auth/access-code.js';

export interface AssistanceRequest {
  siteId: string;
  payload: string | null;
  compartmentLabel: string | null;
  reason: string;
}

/** Alerts: listing, acknowledging, and depositors' requests for help. */
export class AlertService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  list(siteIds: string[] | null, open: boolean | null): Promise<AlertEntity[]> {
    const where: Record<string, unknown> = {};
    if (siteIds) where.siteId = { $in: siteIds };
    if (open === true) where.acknowledgedAt = null;
    if (open === false) where.acknowledgedAt = { $ne: null };
    return this.em.fork().find(AlertEntity, where, { orderBy: { createdAt: 'desc' }, limit: 500 });
  }

  get(id: string): Promise<AlertEntity | null> {
    return this.em.fork().findOne(AlertEntity, id);
  }

  /** Idempotent: acknowledging twice keeps the first acknowledgement. */
  async acknowledge(id: string, actor: string): Promise<AlertEntity> {
    const em = this.em.fork();
    return em.transactional(async (tx) => {
      const alert = await tx.findOne(AlertEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!alert) throw notFound('Alert');
      if (!alert.acknowledgedAt) {
        alert.acknowledgedAt = this.clock.now();
        alert.acknowledgedBy = actor;
      }
      return alert;
    });
  }

  /** "The door did not open" and the like: an ASSISTANCE_REQUESTED alert for the operators. */
  async requestAssistance(req: AssistanceRequest): Promise<AlertEntity> {
    const reason = req.reason.trim();
    if (reason.length < 1 || reason.length > 500)
      throw badInput('reason', 'reason must be 1 to 500 characters');
    if (req.compartmentLabel && req.compartmentLabel.length > 20)
      throw badInput('compartmentLabel', 'compartmentLabel is too long');
    return transact(this.em, this.bus, async (tx, fx) => {
      if (!(await tx.findOne(SiteEntity, req.siteId))) throw notFound('Site');
      let session: StorageSessionEntity | null = null;
      if (req.payload) {
        const code = normaliseAccessCode(req.payload);
        session = code
          ? await tx.findOne(StorageSessionEntity, { codeHash: hashAccessCode(code), siteId: req.siteId })
          : null;
      }
      const byLabel = req.compartmentLabel
        ? await tx.findOne(CompartmentEntity, {
            siteId: req.siteId,
            label: req.compartmentLabel.trim().toUpperCase(),
          })
        : null;
      const compartmentId = byLabel?.id ?? session?.compartmentId ?? null;
      const label =
        byLabel?.label ??
        (compartmentId ? (await tx.findOne(CompartmentEntity, compartmentId))?.label : null);
      return raiseAlert(tx, fx, {
        type: 'ASSISTANCE_REQUESTED',
        siteId: req.siteId,
        compartmentId,
        sessionId: session?.id ?? null,
        message: `Help requested${label ? ` at compartment ${label}` : ''}: ${reason}`,
        at: this.clock.now(),
      });
    });
  }
}
