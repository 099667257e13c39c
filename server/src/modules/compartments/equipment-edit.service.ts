import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { transact } from '../../db/transaction.js';
import { recordAudit } from '../../db/audit-trail.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import { LockerBankEntity } from '../../entities/locker-bank.entity.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { checkModbusEndpoint } from './modbus-endpoint.js';
import { announceCompartment } from './compartment.state.js';
import type { CompartmentSize } from '../../entities/compartment.enums.js';
import { compartmentInUse } from './retirement.service.js';

export interface BankEdit {
  label?: string | null;
  modbusEndpoint?: string | null;
}

export interface CompartmentEdit {
  label?: string | null;
  size?: CompartmentSize | null;
  unitId?: number | null;
  coil?: number | null;
  doorInput?: number | null;
}

/**
 * Corrections to a bank or a compartment after creation: labels, addressing, a compartment's
 * size. A compartment holding a session keeps its size (the traveller paid for that one).
 * The gateway picks addressing changes up at its next config fetch.
 */
export class EquipmentEditService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
  ) {}

  async updateBank(bankId: string, edit: BankEdit, by: AuditActor): Promise<LockerBankEntity> {
    const label = edit.label == null ? null : checkLabel(edit.label, 60, 'label');
    const endpoint = edit.modbusEndpoint == null ? null : checkModbusEndpoint(edit.modbusEndpoint);
    return transact(this.em, this.bus, async (tx) => {
      const bank = await tx.findOne(LockerBankEntity, bankId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!bank) throw notFound('LockerBank');
      const before = { label: bank.label, modbusEndpoint: bank.modbusEndpoint };
      if (label !== null && label !== bank.label) {
        if (await tx.findOne(LockerBankEntity, { siteId: bank.siteId, label }))
          throw conflict(`A bank labelled "${label}" already exists at this site`);
        bank.label = label;
      }
      if (endpoint !== null) bank.modbusEndpoint = endpoint;
      await recordAudit(tx, {
        actor: by,
        action: 'bank.update',
        siteId: bank.siteId,
        subjectType: 'bank',
        subjectId: bank.id,
        summary: `Edited bank ${bank.label}`,
        before,
        after: { label: bank.label, modbusEndpoint: bank.modbusEndpoint },
      });
      return bank;
    });
  }

  async updateCompartment(
    compartmentId: string,
    edit: CompartmentEdit,
    by: AuditActor,
  ): Promise<CompartmentEntity> {
    const label = edit.label == null ? null : checkLabel(edit.label, 20, 'label');
    if (label !== null && !/^[A-Za-z0-9-]{1,20}$/.test(label))
      throw badInput('label', 'label must be 1-20 letters, digits or dashes');
    checkRange('unitId', edit.unitId, 255);
    checkRange('coil', edit.coil, 65535);
    checkRange('doorInput', edit.doorInput, 65535);
    return transact(this.em, this.bus, async (tx, fx) => {
      const c = await tx.findOne(CompartmentEntity, compartmentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c) throw notFound('Compartment');
      const before = compartmentFields(c);
      if (label !== null && label !== c.label) {
        if (await tx.findOne(CompartmentEntity, { siteId: c.siteId, label }))
          throw conflict(`Compartment label ${label} is already used at this site`);
        c.label = label;
      }
      if (edit.size && edit.size !== c.size) {
        if (c.status === 'RESERVED' || c.status === 'OCCUPIED') throw compartmentInUse(c);
        c.size = edit.size;
        fx.publish('SITE_CHANGED', c.siteId, () => ({ siteId: c.siteId }));
      }
      const unitId = edit.unitId ?? c.unitId;
      const coil = edit.coil ?? c.coil;
      const doorInput = edit.doorInput ?? c.doorInput;
      if (unitId !== c.unitId || coil !== c.coil || doorInput !== c.doorInput) {
        const clash = await tx.findOne(CompartmentEntity, {
          bankId: c.bankId,
          id: { $ne: c.id },
          unitId,
          $or: [{ coil }, { doorInput }],
        });
        if (clash) throw conflict(`Compartment ${clash.label} already uses unit ${unitId} coil or input`);
        Object.assign(c, { unitId, coil, doorInput });
      }
      await recordAudit(tx, {
        actor: by,
        action: 'compartment.update',
        siteId: c.siteId,
        subjectType: 'compartment',
        subjectId: c.id,
        summary: `Edited compartment ${c.label}`,
        before,
        after: compartmentFields(c),
      });
      announceCompartment(fx, c);
      return c;
    });
  }
}

function checkLabel(value: string, max: number, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max)
    throw badInput(field, `${field} must be 1 to ${max} characters`);
  return trimmed;
}

function checkRange(field: string, v: number | null | undefined, max: number): void {
  if (v != null && (!Number.isInteger(v) || v < 0 || v > max))
    throw badInput(field, `${field} must be 0 to ${max}`);
}

function compartmentFields(c: CompartmentEntity): Record<string, unknown> {
  return { label: c.label, size: c.size, unitId: c.unitId, coil: c.coil, doorInput: c.doorInput };
}
