import { nameActor, recordAudit } from '../../db/audit-trail.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
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
import { alertReference } from './alert.types.js';
import { matchCode } from '../../auth/short-code.js';
import { UserEntity } from '../../entities/user.entity.js';
import {
  addNote,
  assign,
  assignees,
  historyOf,
  resolve,
  statusWhere,
  type AlertHistoryItem,
  type AlertStatus,
  type Assignee,
} from './alert-handling.js';

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

  list(
    siteIds: string[] | null,
    open: boolean | null,
    status: AlertStatus | null = null,
  ): Promise<AlertEntity[]> {
    const where: Record<string, unknown> = status ? statusWhere(status) : {};
    if (siteIds) where.siteId = { $in: siteIds };
    // open: nobody acknowledged it and its condition has not ended by itself
    if (open === true) Object.assign(where, { acknowledgedAt: null, resolvedAt: null });
    if (open === false) where.$or = [{ acknowledgedAt: { $ne: null } }, { resolvedAt: { $ne: null } }];
    return this.em.fork().find(AlertEntity, where, { orderBy: { createdAt: 'desc' }, limit: 500 });
  }

  get(id: string): Promise<AlertEntity | null> {
    return this.em.fork().findOne(AlertEntity, id);
  }

  /** A note on an alert that is not resolved. */
  addNote(id: string, note: string, by: AuditActor): Promise<AlertEntity> {
    return addNote(this.em, id, note, by);
  }

  /** Gives the alert to an active ADMIN or OPERATOR, or to nobody. */
  assign(id: string, userId: string | null, by: AuditActor): Promise<AlertEntity> {
    return assign(this.em, id, userId, by);
  }

  /** Resolves the alert (acknowledging it too when it was not). */
  resolve(id: string, note: string | null, by: AuditActor): Promise<AlertEntity> {
    return resolve(this.em, id, note, by, this.clock.now());
  }

  /** Raised, then every change staff made, oldest first. */
  history(alert: AlertEntity): Promise<AlertHistoryItem[]> {
    return historyOf(this.em, alert);
  }

  /** Whom an alert may be given to. */
  assignees(siteId: string | null = null): Promise<Assignee[]> {
    return assignees(this.em, siteId);
  }

  /** Assignees' names by id (name and e-mail), for lists of alerts. */
  async assigneeNames(ids: readonly string[]): Promise<Map<string, string>> {
    const users = await this.em.fork().find(UserEntity, { id: { $in: [...ids] } });
    return new Map(users.map((u) => [u.id, u.name ? `${u.name} <${u.email}>` : u.email]));
  }

  /** Idempotent: acknowledging twice keeps the first acknowledgement. */
  async acknowledge(id: string, by: AuditActor): Promise<AlertEntity> {
    const em = this.em.fork();
    return em.transactional(async (tx) => {
      const alert = await tx.findOne(AlertEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!alert) throw notFound('Alert');
      if (!alert.acknowledgedAt) {
        alert.acknowledgedAt = this.clock.now();
        // the person by name and e-mail, as the board shows it
        alert.acknowledgedBy = await nameActor(tx, by);
        await recordAudit(tx, {
          actor: by,
          action: 'alert.acknowledge',
          siteId: alert.siteId,
          subjectType: 'alert',
          subjectId: alert.id,
          summary: `Acknowledged a ${alert.type} alert`,
        });
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
        // the QR payload only: anyone may ask for help, so this must not tell a short code's owner
        const code = matchCode(req.siteId, req.payload, false);
        session = code ? await tx.findOne(StorageSessionEntity, { ...code, siteId: req.siteId }) : null;
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
      const alert = raiseAlert(tx, fx, {
        type: 'ASSISTANCE_REQUESTED',
        siteId: req.siteId,
        compartmentId,
        sessionId: session?.id ?? null,
        message: `Help requested${label ? ` at compartment ${label}` : ''}: ${reason}`,
        at: this.clock.now(),
      });
      // the reference the kiosk shows, first so staff can find the request it names
      alert.message = `[${alertReference(alert.id)}] ${alert.message}`.slice(0, 500);
      return alert;
    });
  }
}
