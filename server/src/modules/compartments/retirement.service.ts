import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { transact, type Effects } from '../../db/transaction.js';
import { recordAudit } from '../../db/audit-trail.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import { DomainError, notFound } from '../../errors/domain-error.js';
import type { Clock } from '../../shared/clock.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { TariffEntity } from '../../entities/tariff.entity.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { LockerBankEntity } from '../../entities/locker-bank.entity.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { moveCompartment } from './compartment.state.js';
import type { CompartmentSize } from '../../entities/compartment.enums.js';

/** CONFLICT naming the compartment that holds a traveller's bag (or is held for one). */
export const compartmentInUse = (c: CompartmentEntity): DomainError =>
  new DomainError('CONFLICT', `Compartment ${c.label} holds a session; end it before retiring`, {
    compartmentId: c.id,
  });

/**
 * Retiring what an operator set up: a site, a bank, a compartment, a tariff. Retired ones
 * stay for history and reports but are never offered to travellers nor allocated. Nothing
 * holding a session (a bag stored, a compartment held for a deposit) nor one awaiting an
 * inspection can be retired: the whole request is refused with CONFLICT naming the compartment. Retiring is final; a
 * retired tariff comes back only by setting it again.
 */
export class RetirementService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async retireCompartment(compartmentId: string, actor: string, by: AuditActor): Promise<CompartmentEntity> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const c = await tx.findOne(CompartmentEntity, compartmentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c) throw notFound('Compartment');
      await this.retireAll(tx, fx, [c], actor, 'compartment retired');
      await recordAudit(tx, {
        actor: by,
        action: 'compartment.retire',
        siteId: c.siteId,
        subjectType: 'compartment',
        subjectId: c.id,
        summary: `Retired compartment ${c.label}`,
      });
      fx.publish('SITE_CHANGED', c.siteId, () => ({ siteId: c.siteId }));
      return c;
    });
  }

  async retireBank(bankId: string, actor: string, by: AuditActor): Promise<LockerBankEntity> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const bank = await tx.findOne(LockerBankEntity, bankId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!bank) throw notFound('LockerBank');
      const compartments = await tx.find(
        CompartmentEntity,
        { bankId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
      );
      await this.retireAll(tx, fx, compartments, actor, `bank ${bank.label} retired`);
      bank.retiredAt ??= this.clock.now();
      await recordAudit(tx, {
        actor: by,
        action: 'bank.retire',
        siteId: bank.siteId,
        subjectType: 'bank',
        subjectId: bank.id,
        summary: `Retired bank ${bank.label} and its ${compartments.length} compartments`,
      });
      fx.publish('SITE_CHANGED', bank.siteId, () => ({ siteId: bank.siteId }));
      return bank;
    });
  }

  /** The site, its banks and their compartments; new access codes for it are refused. */
  async retireSite(siteId: string, actor: string, by: AuditActor): Promise<SiteEntity> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const site = await tx.findOne(SiteEntity, siteId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!site) throw notFound('Site');
      const compartments = await tx.find(
        CompartmentEntity,
        { siteId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
      );
      await this.retireAll(tx, fx, compartments, actor, `site ${site.name} retired`);
      const now = this.clock.now();
      for (const bank of await tx.find(LockerBankEntity, { siteId, retiredAt: null })) bank.retiredAt = now;
      site.retiredAt ??= now;
      await recordAudit(tx, {
        actor: by,
        action: 'site.retire',
        siteId,
        subjectType: 'site',
        subjectId: siteId,
        summary: `Retired site ${site.name}`,
      });
      fx.publish('SITE_CHANGED', siteId, () => ({ siteId }));
      return site;
    });
  }

  /** The size is no longer offered at the site (sessions already issued keep their terms). */
  async retireTariff(siteId: string, size: CompartmentSize, by: AuditActor): Promise<TariffEntity> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const tariff = await tx.findOne(TariffEntity, { siteId, size });
      if (!tariff) throw notFound('Tariff');
      tariff.retiredAt ??= this.clock.now();
      await recordAudit(tx, {
        actor: by,
        action: 'tariff.retire',
        siteId,
        subjectType: 'tariff',
        subjectId: tariff.id,
        summary: `Retired the ${size} tariff`,
      });
      fx.publish('SITE_CHANGED', siteId, () => ({ siteId }));
      return tariff;
    });
  }

  /** All or nothing: refused when any of them holds a session. Expects the rows locked. */
  private async retireAll(
    tx: EntityManager,
    fx: Effects,
    compartments: CompartmentEntity[],
    actor: string,
    reason: string,
  ): Promise<void> {
    const ids = compartments.map((c) => c.id);
    const open =
      ids.length === 0
        ? []
        : await tx.find(StorageSessionEntity, {
            compartmentId: { $in: ids },
            status: { $in: ['DEPOSITING', 'STORED', 'RETRIEVING'] },
          });
    const busy = compartments.find(
      (c) => c.status === 'RESERVED' || c.status === 'OCCUPIED' || open.some((s) => s.compartmentId === c.id),
    );
    if (busy) throw compartmentInUse(busy);
    // its contents are in doubt: somebody must look before it is put away for good
    const unchecked = compartments.find((c) => c.status === 'NEEDS_INSPECTION');
    if (unchecked)
      throw new DomainError('CONFLICT', `Compartment ${unchecked.label} needs an inspection first`, {
        compartmentId: unchecked.id,
      });
    const at = this.clock.now();
    for (const c of compartments) {
      if (c.status === 'RETIRED') continue;
      moveCompartment(tx, fx, c, { to: 'RETIRED', trigger: 'retired', actor, at, reason });
    }
  }
}
